import { describe, expect, it } from 'vitest';
import {
  type ClipConfig,
  clipGradientNorm,
  clipGradients,
  clipGradientValue,
  gradientNorm,
  validateClipConfig,
} from '../../engine/clip.ts';
import { ConfigError } from '../../engine/configProblem.ts';
import type { Param } from '../../engine/types.ts';

function withGradient(name: string, dw: number[]): Param {
  return { name, shape: [dw.length], w: new Float64Array(dw.length), dw: Float64Array.from(dw) };
}

/** Two parameters whose gradients together form the vector (3, 0, 4), global norm 5. */
function threeFourFive(): Param[] {
  return [withGradient('a', [3, 0]), withGradient('b', [4])];
}

describe('global gradient norm', () => {
  it('is the L2 norm over all parameters together', () => {
    expect(gradientNorm(threeFourFive())).toBe(5);
    expect(gradientNorm([])).toBe(0);
  });

  it('reports NaN and Infinity rather than a number', () => {
    expect(
      gradientNorm([withGradient('a', [1, Number.NaN]), withGradient('b', [Number.POSITIVE_INFINITY])]),
    ).toBeNaN();
    expect(gradientNorm([withGradient('a', [1, Number.NEGATIVE_INFINITY])])).toBe(Number.POSITIVE_INFINITY);
  });

  it('stays finite for finite gradients whose squares overflow', () => {
    expect(gradientNorm([withGradient('a', [3e200, 4e200])])).toBeCloseTo(5e200, -186);
  });
});

describe('clipping by global norm', () => {
  it('scales by maxNorm / (norm + 1e-6) like clip_grad_norm_ when the norm exceeds maxNorm', () => {
    const params = threeFourFive();
    const report = clipGradientNorm(params, 1);
    const scale = 1 / (5 + 1e-6);
    expect(Array.from(params[0]!.dw)).toEqual([expect.closeTo(3 * scale, 15), 0]);
    expect(params[1]!.dw[0]).toBeCloseTo(4 * scale, 15);
    expect(report).toMatchObject({ normBefore: 5, fired: true, clippedCount: 2, finite: true });
    expect(report.normAfter).toBeCloseTo(5 * scale, 14);
    expect(report.normAfter).toBeLessThan(1);
  });

  it('leaves gradients bit for bit unchanged when the norm is within maxNorm', () => {
    const params = threeFourFive();
    const report = clipGradientNorm(params, 10);
    expect([...params[0]!.dw, ...params[1]!.dw]).toEqual([3, 0, 4]);
    expect(report).toEqual({ normBefore: 5, normAfter: 5, fired: false, clippedCount: 0, finite: true });
  });

  it('does not scale by a non-finite norm, and says so', () => {
    const params = [withGradient('a', [3, Number.NaN]), withGradient('b', [4])];
    const report = clipGradientNorm(params, 1);
    expect(report.normBefore).toBeNaN();
    expect(report.fired).toBe(false);
    expect(report.finite).toBe(false);
    expect(params[1]!.dw[0]).toBe(4);
    const infinite = [withGradient('a', [Number.POSITIVE_INFINITY, 2])];
    expect(clipGradientNorm(infinite, 1)).toMatchObject({
      normBefore: Number.POSITIVE_INFINITY,
      finite: false,
    });
    expect(infinite[0]!.dw[1]).toBe(2);
  });

  it('tames exploding but finite gradients to the maximum norm', () => {
    const params = [withGradient('a', [3e200, 4e200])];
    const report = clipGradientNorm(params, 1);
    expect(report.fired).toBe(true);
    expect(params[0]!.dw[0]).toBeCloseTo(0.6, 12);
    expect(params[0]!.dw[1]).toBeCloseTo(0.8, 12);
  });

  it('rejects a maximum norm that is not a positive finite number', () => {
    expect(() => clipGradientNorm(threeFourFive(), 0)).toThrow(RangeError);
    expect(() => clipGradientNorm(threeFourFive(), Number.NaN)).toThrow(RangeError);
  });
});

describe('clipping by value', () => {
  it('clamps each element to [−v, v] and counts the clamped ones', () => {
    const params = [withGradient('a', [-3, 0.5, 2]), withGradient('b', [1, -1])];
    const report = clipGradientValue(params, 1);
    expect([...params[0]!.dw, ...params[1]!.dw]).toEqual([-1, 0.5, 1, 1, -1]);
    expect(report.normBefore).toBeCloseTo(Math.sqrt(9 + 0.25 + 4 + 1 + 1), 15);
    expect(report.normAfter).toBeCloseTo(Math.sqrt(1 + 0.25 + 1 + 1 + 1), 15);
    expect(report).toMatchObject({ fired: true, clippedCount: 2, finite: true });
  });

  it('does not fire when every element is within the bound', () => {
    const report = clipGradientValue([withGradient('a', [1, -1, 0.25])], 1);
    expect(report).toMatchObject({ fired: false, clippedCount: 0, normAfter: report.normBefore });
  });

  it('clamps infinities like torch.clamp but still reports the infinite norm', () => {
    const params = [withGradient('a', [Number.NEGATIVE_INFINITY, 0])];
    const report = clipGradientValue(params, 2);
    expect(Array.from(params[0]!.dw)).toEqual([-2, 0]);
    expect(report).toMatchObject({
      normBefore: Number.POSITIVE_INFINITY,
      normAfter: 2,
      fired: true,
      finite: false,
    });
  });
});

describe('clipping configuration', () => {
  it('dispatches on the kind, with none only measuring', () => {
    const params = threeFourFive();
    expect(clipGradients(params, { kind: 'none' })).toMatchObject({ normBefore: 5, fired: false });
    expect(clipGradients(params, { kind: 'value', maxValue: 3.5 })).toMatchObject({ clippedCount: 1 });
    expect(clipGradients(params, { kind: 'norm', maxNorm: 1 }).fired).toBe(true);
  });

  it('lists problems for the UI and throws a ConfigError when used', () => {
    expect(validateClipConfig({ kind: 'norm', maxNorm: 1 })).toEqual([]);
    expect(validateClipConfig({ kind: 'norm', maxNorm: -1 })).toEqual([
      { field: 'maxNorm', message: expect.stringContaining('got -1') },
    ]);
    expect(validateClipConfig({ kind: 'value', maxValue: Number.POSITIVE_INFINITY })[0]?.field).toBe(
      'maxValue',
    );
    expect(validateClipConfig({ kind: 'scale' } as unknown as ClipConfig)[0]?.field).toBe('kind');
    expect(() => clipGradients(threeFourFive(), { kind: 'value', maxValue: 0 })).toThrow(ConfigError);
  });
});
