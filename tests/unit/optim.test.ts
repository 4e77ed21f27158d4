import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../engine/configProblem.ts';
import {
  createOptimizer,
  type OptimizerConfig,
  validateLearningRate,
  validateOptimizerConfig,
} from '../../engine/optim.ts';
import type { Param } from '../../engine/types.ts';

function scalar(value: number, name = 'w'): Param {
  return { name, shape: [1], w: Float64Array.of(value), dw: new Float64Array(1) };
}

/** Runs `steps` updates on f(w) = w², whose gradient 2w is written to dw before each step. */
function minimiseSquare(config: OptimizerConfig, w0: number, lr: number, steps: number): number[] {
  const p = scalar(w0);
  const optimizer = createOptimizer(config, [p]);
  const trajectory: number[] = [];
  for (let t = 0; t < steps; t++) {
    optimizer.zeroGrad();
    p.dw[0] = 2 * p.w[0]!;
    optimizer.step(lr);
    trajectory.push(p.w[0]!);
  }
  return trajectory;
}

describe('SGD', () => {
  it('takes w − lr·g', () => {
    // w0 = 1, lr 0.1, g = 2w: 1 → 0.8 → 0.64 → 0.512.
    const trajectory = minimiseSquare({ kind: 'sgd' }, 1, 0.1, 3);
    expect(trajectory).toEqual([
      expect.closeTo(0.8, 15),
      expect.closeTo(0.64, 15),
      expect.closeTo(0.512, 15),
    ]);
  });

  it('shrinks weights by the factor (1 − lr·λ) under weight decay alone, and leaves dw untouched', () => {
    const p: Param = { name: 'w', shape: [3], w: Float64Array.of(2, -4, 0), dw: new Float64Array(3) };
    const optimizer = createOptimizer({ kind: 'sgd', weightDecay: 0.5 }, [p]);
    optimizer.step(0.1);
    expect(Array.from(p.w)).toEqual([expect.closeTo(1.9, 15), expect.closeTo(-3.8, 15), 0]);
    expect(Array.from(p.dw)).toEqual([0, 0, 0]);
  });
});

describe('SGD with momentum', () => {
  it('follows PyTorch: v = μv + g, w −= lr·v', () => {
    // w0 = 1, lr 0.1, μ 0.9, g = 2w, by hand:
    // g 2, v 2, w 0.8; g 1.6, v 3.4, w 0.46; g 0.92, v 3.98, w 0.062.
    const trajectory = minimiseSquare({ kind: 'momentum', momentum: 0.9 }, 1, 0.1, 3);
    expect(trajectory).toEqual([
      expect.closeTo(0.8, 14),
      expect.closeTo(0.46, 14),
      expect.closeTo(0.062, 14),
    ]);
  });

  it('accumulates a constant gradient into ever larger steps: lr·g·(1 + μ + … + μᵏ)', () => {
    const p = scalar(0);
    const optimizer = createOptimizer({ kind: 'momentum', momentum: 0.5 }, [p]);
    const steps: number[] = [];
    for (let t = 0; t < 4; t++) {
      p.dw[0] = 1;
      const before = p.w[0]!;
      optimizer.step(1);
      steps.push(before - p.w[0]!);
    }
    expect(steps).toEqual([1, 1.5, 1.75, 1.875]);
  });

  it('defaults μ to 0.9 and forgets its velocity on reset', () => {
    const p = scalar(0);
    const optimizer = createOptimizer({ kind: 'momentum' }, [p]);
    expect(optimizer.config).toEqual({ kind: 'momentum', momentum: 0.9, weightDecay: 0 });
    p.dw[0] = 1;
    optimizer.step(1);
    optimizer.step(1);
    expect(p.w[0]).toBeCloseTo(-2.9, 15);
    optimizer.reset();
    optimizer.step(1);
    expect(p.w[0]).toBeCloseTo(-3.9, 15);
  });
});

/** Adam written out for one scalar from Kingma & Ba's Algorithm 1 (PyTorch's defaults), independently. */
function referenceAdam(w0: number, lr: number, steps: number, gradient: (w: number) => number): number[] {
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  let [w, m, v] = [w0, 0, 0];
  const trajectory: number[] = [];
  for (let t = 1; t <= steps; t++) {
    const g = gradient(w);
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    const mHat = m / (1 - beta1 ** t);
    const vHat = v / (1 - beta2 ** t);
    w -= (lr * mHat) / (Math.sqrt(vHat) + epsilon);
    trajectory.push(w);
  }
  return trajectory;
}

describe('Adam', () => {
  it('matches hand-computed values with bias correction and PyTorch defaults', () => {
    // Values of the formula above, w0 = 1, lr 0.1, g = 2w, computed in Python floats.
    // The first step is lr·g/(|g| + ε) ≈ lr, as bias correction intends.
    const trajectory = minimiseSquare({ kind: 'adam' }, 1, 0.1, 3);
    expect(trajectory[0]).toBeCloseTo(0.9000000005, 14);
    expect(trajectory[1]).toBeCloseTo(0.8004122286917928, 14);
    expect(trajectory[2]).toBeCloseTo(0.7015862729460303, 14);
  });

  it('agrees with an independent scalar implementation over 50 steps', () => {
    const gradient = (w: number): number => 3 * w ** 2 - 2 + Math.sin(w);
    const reference = referenceAdam(0.3, 0.05, 50, gradient);
    const p = scalar(0.3);
    const optimizer = createOptimizer({ kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, [p]);
    for (let t = 0; t < 50; t++) {
      p.dw[0] = gradient(p.w[0]!);
      optimizer.step(0.05);
      expect(p.w[0]).toBeCloseTo(reference[t]!, 12);
    }
    expect(optimizer.stepCount).toBe(50);
  });

  it('minimises a quadratic in several parameters', () => {
    const centre = [3, -1, 0.5, 10];
    const a: Param = { name: 'a', shape: [2], w: Float64Array.of(0, 0), dw: new Float64Array(2) };
    const b: Param = { name: 'b', shape: [2], w: Float64Array.of(5, -5), dw: new Float64Array(2) };
    const optimizer = createOptimizer({ kind: 'adam' }, [a, b]);
    const loss = (): number => [...a.w, ...b.w].reduce((sum, w, i) => sum + (w - centre[i]!) ** 2, 0);
    const initialLoss = loss();
    for (let t = 0; t < 3000; t++) {
      optimizer.zeroGrad();
      for (const [offset, p] of [[0, a] as const, [2, b] as const]) {
        for (let i = 0; i < 2; i++) p.dw[i] = 2 * (p.w[i]! - centre[offset + i]!);
      }
      optimizer.step(0.05);
    }
    expect(loss()).toBeLessThan(1e-6 * initialLoss);
  });

  it('applies coupled weight decay (g + λw) through its moments', () => {
    // w0 = 2, zero gradient, λ 0.5, lr 0.01: Python gives 1.9900000001, then 1.9800013381541135.
    const p = scalar(2);
    const optimizer = createOptimizer({ kind: 'adam', weightDecay: 0.5 }, [p]);
    optimizer.step(0.01);
    expect(p.w[0]).toBeCloseTo(1.9900000001, 14);
    optimizer.step(0.01);
    expect(p.w[0]).toBeCloseTo(1.9800013381541135, 14);
    expect(p.dw[0]).toBe(0);
  });
});

describe('optimiser configuration', () => {
  it('zeroGrad clears every gradient', () => {
    const a = scalar(1, 'a');
    const b: Param = { name: 'b', shape: [2], w: new Float64Array(2), dw: Float64Array.of(3, 4) };
    a.dw[0] = 7;
    createOptimizer({ kind: 'sgd' }, [a, b]).zeroGrad();
    expect([...a.dw, ...b.dw]).toEqual([0, 0, 0]);
  });

  it('lists every out-of-range field and throws a ConfigError carrying them', () => {
    const config = { kind: 'adam', beta1: -0.1, beta2: 1, epsilon: 0, weightDecay: Number.NaN } as const;
    const problems = validateOptimizerConfig(config);
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'beta1',
      'beta2',
      'epsilon',
      'weightDecay',
    ]);
    expect(problems.find((problem) => problem.field === 'beta2')?.message).toMatch(
      /β₂ must be .*\[0, 1\).*got 1/,
    );
    const thrown = (() => {
      try {
        createOptimizer(config, []);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual(problems);
  });

  it('accepts valid configurations and reports an unknown kind or momentum ≥ 1', () => {
    expect(validateOptimizerConfig({ kind: 'sgd' })).toEqual([]);
    expect(validateOptimizerConfig({ kind: 'momentum', momentum: 0 })).toEqual([]);
    expect(validateOptimizerConfig({ kind: 'momentum', momentum: 1 })[0]?.field).toBe('momentum');
    const unknown = { kind: 'rmsprop' } as unknown as OptimizerConfig;
    expect(validateOptimizerConfig(unknown)).toEqual([
      { field: 'kind', message: expect.stringContaining('rmsprop') },
    ]);
  });

  it('rejects learning rates that are not positive finite numbers', () => {
    expect(validateLearningRate(0.01)).toEqual([]);
    for (const lr of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(validateLearningRate(lr)).toHaveLength(1);
    const optimizer = createOptimizer({ kind: 'sgd' }, [scalar(1)]);
    expect(() => optimizer.step(Number.NaN)).toThrow(RangeError);
    expect(() => optimizer.step(-0.1)).toThrow(RangeError);
  });
});
