import { describe, expect, it } from 'vitest';
import { heatmapPixels, summariseUnits } from '../../../app/lab/inside/unitHeatmapData';
import { scaleFor } from '../../../app/lab/inside/unitScale';

describe('the heatmap’s pixels', () => {
  // Two characters × three units, [T][H]: unit 0 runs −1 → 1, unit 1 holds NaN and +∞, unit 2 is 0 then −∞.
  const series = Float64Array.of(-1, Number.NaN, 0, 1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  const scale = scaleFor('h', Float64Array.of(-1, 1));
  const pixels = heatmapPixels(series, 2, 3, scale);
  const pixel = (unit: number, t: number) =>
    Array.from(pixels.subarray((unit * 2 + t) * 4, (unit * 2 + t) * 4 + 4));

  it('lays units out as rows and characters as columns, on the scale’s two ends', () => {
    const lookup = scale.lookup;
    expect(pixel(0, 0)).toEqual([lookup[0], lookup[1], lookup[2], 255]);
    expect(pixel(0, 1)).toEqual([...lookup.subarray(lookup.length - 3), 255]);
  });

  it('draws NaN and infinities grey, never as a colour of the scale', () => {
    for (const [unit, t] of [
      [1, 0],
      [1, 1],
      [2, 1],
    ] as const)
      expect(pixel(unit, t)).toEqual([163, 163, 163, 255]);
  });

  it('summarises each unit over the finite values only', () => {
    const [first, second] = summariseUnits(series, 2, 3);
    expect(first).toEqual({ unit: 0, mean: 0, min: -1, max: 1, argmax: 1 });
    expect(second!.mean).toBeNaN();
  });
});
