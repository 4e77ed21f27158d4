/**
 * Optimisers over a list of parameters, in PyTorch's formulas (`torch.optim.SGD`, `torch.optim.Adam`).
 * Each reads the gradient `dw` and updates the values `w` in place; the learning rate is passed to every
 * `step` so that a schedule (engine/schedule.ts) drives it.
 *
 * Configuration errors are handled the same way in optim.ts, schedule.ts and clip.ts: a `validate…`
 * function returns a list of problems (empty when valid) for the UI to show beside the fields, and the
 * functions that use a configuration throw a {@link ConfigError} carrying that same list.
 */
import { ConfigError, type ConfigProblem } from './configProblem.ts';
import type { Param } from './types.ts';

/**
 * Which optimiser, with its hyperparameters. Omitted optional fields take PyTorch's defaults.
 * `weightDecay` is L2 regularisation in PyTorch's coupled form: the gradient used by the update is
 * g = dw + λ·w (so it also flows through momentum and Adam's moments; this is Adam, not AdamW).
 */
export type OptimizerConfig =
  | {
      /** Plain SGD: w ← w − lr·g. */
      readonly kind: 'sgd';
      /** λ ≥ 0, default 0. */
      readonly weightDecay?: number;
    }
  | {
      /** SGD with momentum, PyTorch's form (dampening 0, no Nesterov): v ← μ·v + g; w ← w − lr·v. */
      readonly kind: 'momentum';
      /** μ in [0, 1), default 0.9. */
      readonly momentum?: number;
      readonly weightDecay?: number;
    }
  | {
      /**
       * Adam with bias correction: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
       * w ← w − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε).
       */
      readonly kind: 'adam';
      /** β₁ in [0, 1), default 0.9. */
      readonly beta1?: number;
      /** β₂ in [0, 1), default 0.999. */
      readonly beta2?: number;
      /** ε > 0, default 1e-8. */
      readonly epsilon?: number;
      readonly weightDecay?: number;
    };

/** The kinds of optimiser, for menus. */
export type OptimizerKind = OptimizerConfig['kind'];

/** PyTorch's defaults for the optional hyperparameters. */
export const OPTIMIZER_DEFAULTS = {
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
} as const;

/**
 * Default base learning rate per optimiser: 0.001 for Adam (PyTorch's and Kingma & Ba's default) and
 * for SGD (PyTorch ≥ 2.0's default, though plain SGD usually wants a larger one, e.g. 0.1).
 */
export const DEFAULT_LEARNING_RATE: Readonly<Record<OptimizerKind, number>> = {
  sgd: 0.001,
  momentum: 0.001,
  adam: 0.001,
};

/** An optimiser bound to its parameters, created by {@link createOptimizer}. */
export interface Optimizer {
  /** The configuration with every default filled in. */
  readonly config: Readonly<Required<OptimizerConfig>>;
  readonly params: readonly Param[];
  /** Updates taken so far (Adam's t after the last step). */
  readonly stepCount: number;
  /**
   * Updates every `w` in place from its `dw` (not modified) and the optimiser's state.
   * Throws a RangeError for a learning rate that is negative or not finite. Non-finite gradients are
   * not checked here: clip.ts reports them, and the training loop decides whether to step.
   */
  step(learningRate: number): void;
  /** Sets every `dw` to zero. */
  zeroGrad(): void;
  /** Forgets the momentum buffers, Adam's moments and the step count (for a fresh run on the same params). */
  reset(): void;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function checkUnitInterval(problems: ConfigProblem[], field: string, label: string, value: unknown): void {
  if (value === undefined) return;
  if (!isNumber(value) || value < 0 || value >= 1) {
    problems.push({ field, message: `${label} must be a number in [0, 1); got ${String(value)}.` });
  }
}

/**
 * Lists what is wrong with an optimiser configuration (empty when it is valid): an unknown kind,
 * momentum/β₁/β₂ outside [0, 1), ε not positive, weight decay negative, or any value not a finite number.
 */
export function validateOptimizerConfig(config: OptimizerConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const kind: unknown = config?.kind;
  if (kind !== 'sgd' && kind !== 'momentum' && kind !== 'adam') {
    problems.push({
      field: 'kind',
      message: `Unknown optimiser "${String(kind)}"; use sgd, momentum or adam.`,
    });
    return problems;
  }
  const { weightDecay } = config;
  if (weightDecay !== undefined && (!isNumber(weightDecay) || weightDecay < 0)) {
    problems.push({
      field: 'weightDecay',
      message: `Weight decay must be a finite number ≥ 0; got ${String(weightDecay)}.`,
    });
  }
  if (config.kind === 'momentum') checkUnitInterval(problems, 'momentum', 'Momentum μ', config.momentum);
  if (config.kind === 'adam') {
    checkUnitInterval(problems, 'beta1', 'β₁', config.beta1);
    checkUnitInterval(problems, 'beta2', 'β₂', config.beta2);
    const { epsilon } = config;
    if (epsilon !== undefined && (!isNumber(epsilon) || epsilon <= 0)) {
      problems.push({ field: 'epsilon', message: `ε must be a finite number > 0; got ${String(epsilon)}.` });
    }
  }
  return problems;
}

/** Lists what is wrong with a base learning rate (empty when it is a finite number > 0). */
export function validateLearningRate(learningRate: number): ConfigProblem[] {
  if (isNumber(learningRate) && learningRate > 0) return [];
  return [
    {
      field: 'learningRate',
      message: `The learning rate must be a finite number > 0; got ${String(learningRate)}.`,
    },
  ];
}

/** Fills PyTorch's defaults into a configuration; throws {@link ConfigError} if it is invalid. */
export function resolveOptimizerConfig(config: OptimizerConfig): Required<OptimizerConfig> {
  const problems = validateOptimizerConfig(config);
  if (problems.length > 0) throw new ConfigError('optimiser configuration', problems);
  const weightDecay = config.weightDecay ?? OPTIMIZER_DEFAULTS.weightDecay;
  switch (config.kind) {
    case 'sgd':
      return { kind: 'sgd', weightDecay };
    case 'momentum':
      return { kind: 'momentum', weightDecay, momentum: config.momentum ?? OPTIMIZER_DEFAULTS.momentum };
    case 'adam':
      return {
        kind: 'adam',
        weightDecay,
        beta1: config.beta1 ?? OPTIMIZER_DEFAULTS.beta1,
        beta2: config.beta2 ?? OPTIMIZER_DEFAULTS.beta2,
        epsilon: config.epsilon ?? OPTIMIZER_DEFAULTS.epsilon,
      };
  }
}

/**
 * Creates an optimiser over `params`. Its state (one velocity buffer per parameter for momentum, two
 * moment buffers for Adam, each the length of `w`) is allocated here, once, and updated in place.
 * Throws {@link ConfigError} for an invalid configuration.
 */
export function createOptimizer(config: OptimizerConfig, params: readonly Param[]): Optimizer {
  const resolved = resolveOptimizerConfig(config);
  const list = params.slice();
  for (const param of list) {
    if (param.w.length !== param.dw.length) {
      throw new RangeError(
        `Parameter ${param.name}: w has ${param.w.length} values but dw ${param.dw.length}.`,
      );
    }
  }
  const firstMoments = resolved.kind === 'sgd' ? [] : list.map((param) => new Float64Array(param.w.length));
  const secondMoments = resolved.kind === 'adam' ? list.map((param) => new Float64Array(param.w.length)) : [];
  let stepCount = 0;

  const step = (learningRate: number): void => {
    if (!Number.isFinite(learningRate) || learningRate < 0) {
      throw new RangeError(`The learning rate must be a finite number ≥ 0; got ${learningRate}.`);
    }
    stepCount += 1;
    const lambda = resolved.weightDecay;
    for (let p = 0; p < list.length; p++) {
      const { w, dw } = list[p]!;
      const n = w.length;
      if (resolved.kind === 'sgd') {
        for (let i = 0; i < n; i++) w[i]! -= learningRate * (dw[i]! + lambda * w[i]!);
      } else if (resolved.kind === 'momentum') {
        const velocity = firstMoments[p]!;
        const mu = resolved.momentum;
        // PyTorch starts the buffer at the first gradient, which equals μ·0 + g.
        for (let i = 0; i < n; i++) {
          const v = mu * velocity[i]! + (dw[i]! + lambda * w[i]!);
          velocity[i] = v;
          w[i]! -= learningRate * v;
        }
      } else {
        const m = firstMoments[p]!;
        const v = secondMoments[p]!;
        const { beta1, beta2, epsilon } = resolved;
        // The same arithmetic order as torch.optim.Adam's single-tensor path.
        const biasCorrection1 = 1 - beta1 ** stepCount;
        const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** stepCount);
        const stepSize = learningRate / biasCorrection1;
        for (let i = 0; i < n; i++) {
          const g = dw[i]! + lambda * w[i]!;
          const mi = beta1 * m[i]! + (1 - beta1) * g;
          const vi = beta2 * v[i]! + (1 - beta2) * g * g;
          m[i] = mi;
          v[i] = vi;
          w[i]! -= stepSize * (mi / (Math.sqrt(vi) / biasCorrection2Sqrt + epsilon));
        }
      }
    }
  };

  return {
    config: resolved,
    params: list,
    get stepCount() {
      return stepCount;
    },
    step,
    zeroGrad: () => {
      for (const param of list) param.dw.fill(0);
    },
    reset: () => {
      stepCount = 0;
      for (const buffer of firstMoments) buffer.fill(0);
      for (const buffer of secondMoments) buffer.fill(0);
    },
  };
}
