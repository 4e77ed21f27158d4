import { describe, expect, it } from 'vitest';
import { seriesPixels, seriesStats } from '../../../app/lab/inside/seriesStats';
import { heatmapPixels, summariseUnits } from '../../../app/lab/inside/unitHeatmapData';
import { scaleFor } from '../../../app/lab/inside/unitScale';

// 3 characters × 2 units, with a value past tanh's range and one that is not finite.
const series = () => Float64Array.of(0.5, -2.3, Number.NaN, 1.2, -0.4, Number.NEGATIVE_INFINITY);

describe('seriesStats', () => {
  it('gives the summaries and the very scale a full pass over the values gives', () => {
    const values = series();
    const stats = seriesStats('h', values, 3, 2);
    expect(stats.summaries).toEqual(summariseUnits(values, 3, 2));
    expect(stats.scale.domain).toEqual(scaleFor('h', values).domain);
    expect(stats.scale.domain).toEqual([-2.5, 2.5]);
    expect(seriesStats('f', series(), 3, 2).scale.domain).toEqual([0, 1]);
  });

  it('computes a series once: the same stats and pixels come back for the same array', () => {
    const values = series();
    const stats = seriesStats('c', values, 3, 2);
    expect(seriesStats('c', values, 3, 2)).toBe(stats);
    const pixels = seriesPixels(values, 3, 2, stats.scale);
    expect(pixels).toEqual(heatmapPixels(values, 3, 2, stats.scale));
    expect(seriesPixels(values, 3, 2, stats.scale)).toBe(pixels);
    // Another array of the same values is another series.
    expect(seriesStats('c', series(), 3, 2)).not.toBe(stats);
  });
});
