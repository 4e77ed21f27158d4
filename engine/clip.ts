/**
 * Gradient clipping over all parameters at once, as `torch.nn.utils.clip_grad_norm_` and
 * `clip_grad_value_` do, plus the report the exploding-gradient lessons plot: the global norm before and
 * after, and whether clipping fired. Non-finite gradients are detected and reported, never scaled.
 */
import { ConfigError, type ConfigProblem } from './configProblem.ts';
import type { Param } from './types.ts';

/** What a clipping call did. */
export interface ClipReport {
  /** Global L2 norm of every `dw` before clipping; NaN if any element is NaN, Infinity if any is ±Infinity. */
  readonly normBefore: number;
  /** Global L2 norm after clipping (equal to `normBefore` when nothing changed). */
  readonly normAfter: number;
  /** Whether any gradient value was changed. */
  readonly fired: boolean;
  /** How many gradient elements were changed (all non-zero ones when norm clipping fires). */
  readonly clippedCount: number;
  /** Whether `normBefore` is finite: false means the step should be skipped and the run flagged. */
  readonly finite: boolean;
}

/** How to clip, as the UI and the training loop configure it. */
export type ClipConfig =
  | { readonly kind: 'none' }
  | {
      /** Rescale every `dw` by maxNorm / (norm + 1e-6) when that factor is below 1. */
      readonly kind: 'norm';
      /** A finite number > 0. */
      readonly maxNorm: number;
    }
  | {
      /** Clamp each `dw` element to [−maxValue, maxValue]. */
      readonly kind: 'value';
      /** A finite number > 0. */
      readonly maxValue: number;
    };

/** The kinds of clipping, for menus. */
export type ClipKind = ClipConfig['kind'];

/**
 * The global L2 norm √(Σ dw²) over every parameter's gradient. Returns NaN if any element is NaN,
 * otherwise Infinity if any is ±Infinity. Finite gradients whose squares overflow (|dw| ≳ 1e154) are
 * summed again rescaled by their largest magnitude, so the norm stays finite whenever it is representable.
 * Reads only.
 */
export function gradientNorm(params: readonly Param[]): number {
  let sumOfSquares = 0;
  let largest = 0;
  for (const { dw } of params) {
    for (let i = 0; i < dw.length; i++) {
      const value = dw[i]!;
      sumOfSquares += value * value;
      const magnitude = Math.abs(value);
      if (magnitude > largest) largest = magnitude;
    }
  }
  // Squares of infinities only add up to +Infinity, so a NaN sum means a NaN element.
  if (Number.isNaN(sumOfSquares)) return Number.NaN;
  if (largest === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (Number.isFinite(sumOfSquares)) return Math.sqrt(sumOfSquares);
  let scaledSum = 0;
  for (const { dw } of params) {
    for (let i = 0; i < dw.length; i++) {
      const scaled = dw[i]! / largest;
      scaledSum += scaled * scaled;
    }
  }
  return largest * Math.sqrt(scaledSum);
}

function unchanged(norm: number): ClipReport {
  return { normBefore: norm, normAfter: norm, fired: false, clippedCount: 0, finite: Number.isFinite(norm) };
}

/**
 * Clips by global norm like `clip_grad_norm_(params, maxNorm)`: with scale = maxNorm / (norm + 1e-6),
 * multiplies every `dw` in place by scale if scale < 1, so the new norm is just below maxNorm.
 * A non-finite norm leaves the gradients untouched (PyTorch would multiply them by NaN or 0) and is
 * reported through `normBefore` and `finite`. Throws RangeError unless maxNorm is a finite number > 0.
 */
export function clipGradientNorm(params: readonly Param[], maxNorm: number): ClipReport {
  if (!(Number.isFinite(maxNorm) && maxNorm > 0)) {
    throw new RangeError(`maxNorm must be a finite number > 0; got ${maxNorm}.`);
  }
  const normBefore = gradientNorm(params);
  if (!Number.isFinite(normBefore)) return unchanged(normBefore);
  const scale = maxNorm / (normBefore + 1e-6);
  if (scale >= 1) return unchanged(normBefore);
  let sumOfSquares = 0;
  let clippedCount = 0;
  for (const { dw } of params) {
    for (let i = 0; i < dw.length; i++) {
      const value = dw[i]!;
      if (value === 0) continue;
      const scaled = value * scale;
      dw[i] = scaled;
      sumOfSquares += scaled * scaled;
      clippedCount += 1;
    }
  }
  return { normBefore, normAfter: Math.sqrt(sumOfSquares), fired: true, clippedCount, finite: true };
}

/**
 * Clips by value like `clip_grad_value_(params, maxValue)`: clamps each `dw` element in place to
 * [−maxValue, maxValue]. ±Infinity is clamped too (as torch.clamp does) but still reported through
 * `normBefore` = Infinity; NaN elements stay NaN. `fired` is true when any element was clamped, and
 * `clippedCount` says how many. Throws RangeError unless maxValue is a finite number > 0.
 */
export function clipGradientValue(params: readonly Param[], maxValue: number): ClipReport {
  if (!(Number.isFinite(maxValue) && maxValue > 0)) {
    throw new RangeError(`maxValue must be a finite number > 0; got ${maxValue}.`);
  }
  const normBefore = gradientNorm(params);
  let clippedCount = 0;
  for (const { dw } of params) {
    for (let i = 0; i < dw.length; i++) {
      const value = dw[i]!;
      if (value > maxValue) {
        dw[i] = maxValue;
        clippedCount += 1;
      } else if (value < -maxValue) {
        dw[i] = -maxValue;
        clippedCount += 1;
      }
    }
  }
  if (clippedCount === 0) return unchanged(normBefore);
  return {
    normBefore,
    normAfter: gradientNorm(params),
    fired: true,
    clippedCount,
    finite: Number.isFinite(normBefore),
  };
}

/**
 * Lists what is wrong with a clipping configuration (empty when valid): an unknown kind, or a
 * threshold that is not a finite number > 0.
 */
export function validateClipConfig(config: ClipConfig): ConfigProblem[] {
  const positive = (value: unknown): boolean =>
    typeof value === 'number' && Number.isFinite(value) && value > 0;
  switch (config?.kind) {
    case 'none':
      return [];
    case 'norm':
      if (positive(config.maxNorm)) return [];
      return [
        {
          field: 'maxNorm',
          message: `The maximum norm must be a finite number > 0; got ${String(config.maxNorm)}.`,
        },
      ];
    case 'value':
      if (positive(config.maxValue)) return [];
      return [
        {
          field: 'maxValue',
          message: `The maximum value must be a finite number > 0; got ${String(config.maxValue)}.`,
        },
      ];
    default: {
      const kind: unknown = (config as { kind?: unknown } | undefined)?.kind;
      return [{ field: 'kind', message: `Unknown clipping "${String(kind)}"; use none, norm or value.` }];
    }
  }
}

/**
 * Applies a clipping configuration to every `dw` in place and reports what happened; with kind 'none'
 * it only measures the norm. Throws ConfigError for an invalid configuration.
 */
export function clipGradients(params: readonly Param[], config: ClipConfig): ClipReport {
  const problems = validateClipConfig(config);
  if (problems.length > 0) throw new ConfigError('gradient clipping', problems);
  switch (config.kind) {
    case 'none':
      return unchanged(gradientNorm(params));
    case 'norm':
      return clipGradientNorm(params, config.maxNorm);
    case 'value':
      return clipGradientValue(params, config.maxValue);
  }
}
