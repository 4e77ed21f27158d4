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

describe('the colour scale of a series with a runaway unit', () => {
  it('holds nine units in ten, counts the others, and leaves gates on [0, 1]', () => {
    // 20 units over 4 characters within ±3, and one cell that counts up to 1,684.
    const T = 4;
    const H = 20;
    const values = new Float64Array(T * H);
    for (let t = 0; t < T; t++)
      for (let unit = 0; unit < H; unit++) values[t * H + unit] = ((unit % 7) - 3) * (t / 3);
    for (let t = 0; t < T; t++) values[t * H + 13] = 421 * (t + 1);
    const stats = seriesStats('c', values, T, H);
    expect(stats.scale.domain).toEqual([-3, 3]);
    expect(stats.beyond).toBe(1);
    const gate = seriesStats(
      'f',
      Float64Array.from(values, (v) => 1 / (1 + Math.exp(-v))),
      T,
      H,
    );
    expect(gate.scale.domain).toEqual([0, 1]);
    expect(gate.beyond).toBe(0);
  });
});
