import { describe, expect, it } from 'vitest';
import { projectorScale, projectorScaleStyle } from '../../../app/present/projectorScale';

describe('the projector scale of figures', () => {
  it('gives a 1080p screen 22 px labels, 30 px titles and lines over 3 px', () => {
    const scale = projectorScale(1920, 1080);
    expect(scale).toEqual({ fontSize: 22, titleSize: 30, lineWidth: 3.25, maxPlotHeight: 259 });
    expect(projectorScaleStyle(scale)).toEqual({
      '--figure-font': '22px',
      '--figure-title': '30px',
      '--figure-line': '3.25px',
    });
  });

  it('grows with a 4K screen and follows its shorter side', () => {
    expect(projectorScale(3840, 2160).fontSize).toBe(43);
    expect(projectorScale(1080, 1920).fontSize).toBe(22);
  });

  it('never draws smaller than the reading column does on a wide screen', () => {
    expect(projectorScale(800, 600)).toEqual({
      fontSize: 15,
      titleSize: 21,
      lineWidth: 2.25,
      maxPlotHeight: 180,
    });
  });
});
