/**
 * Stacked layers (engine/stack.ts) beyond the PyTorch fixtures: BPTT through two layers against central
 * finite differences with the inter-layer dropout mask held fixed, state_dict round trips of stacks,
 * clear import errors for a missing or extra layer, the trainer's `layers` field (validation, memory,
 * determinism) and probes of any layer.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../engine/configProblem.ts';
import { createModel, type Model, modelFrom, zeroGradients } from '../../engine/model.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import { MEMORY_BUDGET_BYTES, memoryNeeded } from '../../engine/runCost.ts';
import {
  createStackWorkspace,
  sampleStackDropoutMasks,
  stackBackward,
  stackForward,
} from '../../engine/stack.ts';
import {
  exportStateDict,
  importStateDict,
  parseStateDict,
  stringifyStateDict,
} from '../../engine/statedict.ts';
import { createTask, taskConfig } from '../../engine/tasks/task.ts';
import { createTrainer } from '../../engine/trainer.ts';
import {
  DEFAULT_TRAINER_CONFIG,
  type TrainerConfig,
  validateTrainerConfig,
} from '../../engine/trainerConfig.ts';
import type { CellKind } from '../../engine/types.ts';
import { takeProbe } from '../../engine/worker/runProbe.ts';

const I = 3;
const H = 4;
const B = 3;
const T = 5;
const random = (rng: Rng, n: number, scale = 1) =>
  Float64Array.from({ length: n }, () => scale * rng.normal());

/** A 2-layer model with weights large enough to leave the gates' linear range, and fixed masks. */
function problem(cell: CellKind, seed: number) {
  const rng = createRng(seed);
  const model = createModel(cell, I, H, 2, rng, { scheme: 'gaussian', std: 0.6 }, 2);
  for (const layer of model.layers)
    for (const p of [layer.bih, layer.bhh]) p.w.set(random(rng, p.w.length, 0.3));
  const input = {
    batchSize: B,
    steps: T,
    inputSize: I,
    x: random(rng, B * T * I),
    lengths: Int32Array.of(5, 2, 4),
  };
  const masks = sampleStackDropoutMasks(rng, B, T, I, H, 2, { layer: 0.4, recurrent: 0.3, input: 0.2 });
  const states = () => random(rng, 2 * B * H, 0.5);
  return {
    model,
    input,
    masks,
    h0: states(),
    c0: cell === 'lstm' ? states() : undefined,
    R: random(rng, B * T * H),
    S: states(),
    Sc: states(),
  };
}

type Problem = ReturnType<typeof problem>;

/** L = Σ outputs⊙R + Σ hN⊙S (+ Σ cN⊙Sc), every layer's final state included. */
function loss(p: Problem, workspace = createStackWorkspace(p.model.layers, B, T)): number {
  const { outputs, hN, cN } = stackForward(p.model.layers, p.input, {
    workspace,
    h0: p.h0,
    ...(p.c0 ? { c0: p.c0 } : {}),
    masks: p.masks,
  });
  let sum = 0;
  for (let k = 0; k < outputs.length; k++) sum += outputs[k]! * p.R[k]!;
  for (let k = 0; k < hN.length; k++) sum += hN[k]! * p.S[k]! + (cN ? cN[k]! * p.Sc[k]! : 0);
  return sum;
}

function numeric(p: Problem, values: Float64Array, k: number): number {
  const saved = values[k]!;
  values[k] = saved + 1e-6;
  const up = loss(p);
  values[k] = saved - 1e-6;
  const down = loss(p);
  values[k] = saved;
  return (up - down) / 2e-6;
}

describe('BPTT through two stacked layers', () => {
  it.each(['rnn', 'lstm', 'gru'] as const)(
    'matches central differences for every weight, input and initial state of a %s with inter-layer dropout',
    (cell) => {
      const p = problem(cell, 7);
      expect(p.masks[0]!.output!.some((m) => m === 0)).toBe(true);
      const workspace = createStackWorkspace(p.model.layers, B, T);
      loss(p, workspace);
      zeroGradients(p.model);
      const grads = stackBackward(p.model.layers, workspace, p.R, {
        dhN: p.S,
        ...(p.c0 ? { dcN: p.Sc } : {}),
      });
      const checks: [Float64Array, Float64Array][] = [
        ...p.model.layers.flatMap((layer) =>
          [layer.Wih, layer.Whh, layer.bih, layer.bhh].map((param): [Float64Array, Float64Array] => [
            param.w,
            param.dw.slice(),
          ]),
        ),
        [p.input.x, grads.dx.slice()],
        [p.h0, grads.dh0.slice()],
        ...(p.c0 ? [[p.c0, grads.dc0!.slice()] as [Float64Array, Float64Array]] : []),
      ];
      let worst = 0;
      for (const [values, analytic] of checks) {
        for (let k = 0; k < values.length; k++) {
          const fd = numeric(p, values, k);
          const error =
            Math.abs(analytic[k]! - fd) / (1e-6 * Math.max(Math.abs(analytic[k]!), Math.abs(fd)) + 1e-8);
          worst = Math.max(worst, error);
        }
      }
      expect(worst).toBeLessThanOrEqual(1);
    },
  );

  it('feeds the layer below into the top: changing layer 0 changes the top outputs', () => {
    const p = problem('gru', 3);
    const before = stackForward(p.model.layers, p.input).outputs.slice();
    p.model.layers[0]!.Whh.w[0]! += 0.5;
    expect(stackForward(p.model.layers, p.input).outputs).not.toEqual(before);
  });
});

function model(cell: CellKind, layers: number, seed: number): Model {
  return createModel(cell, I, H, 2, createRng(seed), { scheme: 'pytorch' }, layers);
}

describe('state_dict of a stack', () => {
  it.each([2, 3])(
    'round-trips %i layers through text: the same keys in order and identical outputs',
    (layers) => {
      const original = model('lstm', layers, 5);
      const text = stringifyStateDict(exportStateDict(original.layers, original.head));
      const result = parseStateDict(text, 'lstm', layers);
      if (!result.ok) throw new Error(result.errors.join(' '));
      const copy = modelFrom(result.value.layers, result.value.head);
      expect(copy.params.map((param) => param.name)).toEqual(original.params.map((param) => param.name));
      expect(copy.params.map((param) => param.name).slice(4, 8)).toEqual([
        'weight_ih_l1',
        'weight_hh_l1',
        'bias_ih_l1',
        'bias_hh_l1',
      ]);
      const input = problem('lstm', 1).input;
      expect(stackForward(copy.layers, input).outputs).toEqual(stackForward(original.layers, input).outputs);
    },
  );

  it('names a missing layer, a layer too many and a layer count that differs from the model', () => {
    const stack = model('gru', 3, 2);
    const dict = JSON.parse(JSON.stringify(exportStateDict(stack.layers, stack.head)));
    const missing = { ...dict };
    delete missing.weight_ih_l1;
    expect(importStateDict(missing)).toEqual({
      ok: false,
      errors: ['Missing key "weight_ih_l1" (layer 2 is there, so layer 1 must be too).'],
    });
    const extra = { ...dict, weight_ih_l3: dict.weight_ih_l2 };
    const tooMany = importStateDict(extra);
    expect(!tooMany.ok && tooMany.errors[0]).toMatch(
      /"weight_ih_l3" is a tensor of layer 3, but at most 3 layers/,
    );
    expect(importStateDict(dict, 'gru', 2)).toEqual({
      ok: false,
      errors: [
        'These weights have 3 recurrent layers (keys up to weight_ih_l2), but this model has 2 recurrent layers.',
      ],
    });
    const wrong = { ...dict, weight_ih_l1: dict.weight_ih_l0 };
    const shape = importStateDict(wrong);
    expect(!shape.ok && shape.errors).toEqual([
      'weight_ih_l1 should be 12×4 (3 gates × hidden 4, hidden 4) but is 12×3.',
    ]);
    const meta = { ...dict, _unroll: { ...dict._unroll, numLayers: 2 } };
    const disagreeing = importStateDict(meta);
    expect(!disagreeing.ok && disagreeing.errors).toEqual([
      'The _unroll metadata says numLayers is 2, but the weights give 3.',
    ]);
  });
});

const small: TrainerConfig = {
  ...DEFAULT_TRAINER_CONFIG,
  task: taskConfig('recall', { lag: 4, symbols: 4, distractors: 1, heldOutSize: 16 }),
  hiddenSize: 6,
  batchSize: 4,
};

describe('the trainer with stacked layers', () => {
  it('validates layers (1..3, whole) and the dropout between layers (0..0.9)', () => {
    const fields = (config: Partial<TrainerConfig>) =>
      validateTrainerConfig({ ...small, ...config }).map((p) => p.field);
    expect(fields({ layers: 0 })).toEqual(['layers']);
    expect(fields({ layers: 4 })).toEqual(['layers']);
    expect(fields({ layers: 1.5 })).toEqual(['layers']);
    expect(fields({ layers: 3 })).toEqual([]);
    expect(fields({ dropout: { ...small.dropout, layer: 0.95 } })).toEqual(['dropout.layer']);
  });

  it('counts every layer in the memory estimate and refuses a deep run that one layer would fit', () => {
    const big: TrainerConfig = {
      ...small,
      task: taskConfig('adding', { steps: 400 }),
      cell: 'lstm',
      hiddenSize: 256,
      batchSize: 40,
    };
    const task = createTask(big.task, big.seed);
    const one = memoryNeeded(big, task);
    const three = memoryNeeded({ ...big, layers: 3 }, task);
    expect(one).toBeLessThan(MEMORY_BUDGET_BYTES);
    expect(three).toBeGreaterThan(2.5 * one);
    expect(() => createTrainer({ ...big, layers: 3 })).toThrow(ConfigError);
    expect(() => createTrainer({ ...big, layers: 3 })).toThrow(/3 layers.*number of layers/);
  });

  it('replays a 2-layer run with inter-layer dropout bit for bit under a seed, and another seed differs', () => {
    const config: TrainerConfig = {
      ...small,
      cell: 'gru',
      layers: 2,
      dropout: { ...small.dropout, layer: 0.3 },
    };
    const losses = (c: TrainerConfig) => {
      const trainer = createTrainer(c);
      return Array.from({ length: 6 }, () => trainer.trainStep()!.loss);
    };
    expect(losses(config)).toEqual(losses(config));
    expect(losses({ ...config, seed: 2 })).not.toEqual(losses(config));
    expect(losses({ ...config, dropout: { ...config.dropout, layer: 0 } })).not.toEqual(losses(config));
    expect(createTrainer(config).model.params.map((param) => param.name)).toEqual([
      ...['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'],
      ...['weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1'],
      'fc.weight',
      'fc.bias',
    ]);
  });

  it('probes the top layer by default and any layer on request', () => {
    const trainer = createTrainer({ ...small, layers: 3 });
    trainer.trainStep();
    const top = takeProbe(trainer);
    const bottom = takeProbe(trainer, 0);
    expect([top.layer, top.layers, bottom.layer]).toEqual([2, 3, 0]);
    expect(bottom.gates.h).not.toEqual(top.gates.h);
    expect(takeProbe(trainer, 2).gates.h).toEqual(top.gates.h);
    expect(takeProbe(trainer, 9).layer).toBe(2);
  });
});
