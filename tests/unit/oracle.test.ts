/**
 * Checks the tfjs oracle itself, without our engine: the fixtures on disk are what it computes today,
 * its forward agrees with tfjs layers (LSTM, SimpleRNN) and with a hand-written scalar GRU, and its
 * autodiff gradients agree with central differences of a float64 re-implementation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, FIXTURE_DIR, type Fixture, formatFixture } from '../../scripts/make-fixtures.ts';
import { ORACLE_GATES, type OracleInput, runOracle } from '../../tools/tfjs-oracle.ts';

type Nested = number | Nested[];

const flatten = (value: Nested): number[] => (Array.isArray(value) ? value.flatMap(flatten) : [value]);
const maxAbsDifference = (a: Nested, b: Nested): number => {
  const left = flatten(a);
  const right = flatten(b);
  expect(left.length).toBe(right.length);
  return left.reduce((worst, value, k) => Math.max(worst, Math.abs(value - right[k]!)), 0);
};
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

function readFixtures(): Map<string, Fixture> {
  const names = readdirSync(FIXTURE_DIR).filter((name) => /^parity-.*\.json$/.test(name));
  return new Map(names.map((name) => [name, JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8'))]));
}

/** An input with h0 (and c0) spelled out as zeros where absent, so every gradient has an entry to nudge. */
function withExplicitState(input: OracleInput): OracleInput {
  const zeros = () => input.x.map(() => new Array<number>(input.hiddenSize).fill(0));
  const copy: OracleInput = structuredClone(input);
  copy.h0 ??= zeros();
  if (input.cell === 'lstm') copy.c0 ??= zeros();
  return copy;
}

/** A float64 re-implementation of PyTorch's forward with packed lengths; returns outputs and the loss. */
function forward64(input: OracleInput): { output: number[][][]; hN: number[][]; loss: number } {
  const { cell, hiddenSize: H, stateDict } = input;
  const steps = input.x[0]!.length;
  const rows = ORACLE_GATES[cell] * H;
  const affine = (W: number[][], b: number[], v: number[]) =>
    Array.from({ length: rows }, (_, k) => W[k]!.reduce((sum, w, j) => sum + w * v[j]!, b[k]!));
  let loss = 0;
  const hN: number[][] = [];
  const output = input.x.map((sequence, b) => {
    let h = input.h0?.[b]?.slice() ?? new Array<number>(H).fill(0);
    let c = input.c0?.[b]?.slice() ?? new Array<number>(H).fill(0);
    const length = input.lengths?.[b] ?? steps;
    const outputs = sequence.map((xt, t) => {
      if (t >= length) return new Array<number>(H).fill(0);
      const gi = affine(stateDict.weight_ih_l0, stateDict.bias_ih_l0, xt);
      const gh = affine(stateDict.weight_hh_l0, stateDict.bias_hh_l0, h);
      const gate = (block: number, j: number) => gi[block * H + j]! + gh[block * H + j]!;
      if (cell === 'rnn') {
        h = h.map((_, j) => Math.tanh(gate(0, j)));
      } else if (cell === 'lstm') {
        c = c.map((cj, j) => sigmoid(gate(1, j)) * cj + sigmoid(gate(0, j)) * Math.tanh(gate(2, j)));
        h = c.map((cj, j) => sigmoid(gate(3, j)) * Math.tanh(cj));
      } else {
        h = h.map((hj, j) => {
          const r = sigmoid(gate(0, j));
          const z = sigmoid(gate(1, j));
          const n = Math.tanh(gi[2 * H + j]! + r * gh[2 * H + j]!);
          return (1 - z) * n + z * hj;
        });
      }
      return h;
    });
    hN.push(h);
    outputs.forEach((ht, t) => {
      ht.forEach((value, j) => {
        loss += value * input.dOutput[b]![t]![j]!;
      });
    });
    return outputs;
  });
  return { output, hN, loss };
}

/** Every number in a nested array as a (container, index) pair, in row-major order. */
function leaves(value: Nested[]): [Nested[], number][] {
  return value.flatMap((item, k): [Nested[], number][] =>
    Array.isArray(item) ? leaves(item) : [[value, k]],
  );
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('the parity fixtures', () => {
  it('on disk are exactly what the oracle regenerates today', () => {
    const onDisk = readFixtures();
    const fresh = buildFixtures();
    expect([...onDisk.keys()].sort()).toEqual([...fresh.keys()].sort());
    expect(onDisk.size).toBe(9);
    for (const [name, fixture] of fresh) {
      // Through the same JSON text the script writes, so -0 and 0 compare as the file stores them.
      expect(onDisk.get(name), name).toEqual(JSON.parse(formatFixture(fixture)));
      expect(fixture.generator).toMatch(/^tfjs-core 4\.\d+\.\d+ oracle, float32$/);
    }
  });
});

describe('the oracle forward pass', () => {
  const lstmFixtures = () => [...readFixtures().values()].filter((f) => f.input.cell === 'lstm');
  const rnnFixtures = () => [...readFixtures().values()].filter((f) => f.input.cell === 'rnn');

  /** tfjs layers have no packed lengths, so compare on the fixture inputs with lengths removed. */
  const unmasked = (input: OracleInput): OracleInput => {
    const copy = structuredClone(input);
    delete copy.lengths;
    return copy;
  };

  it('matches tf.layers.lstm with sigmoid gates and the PyTorch weights in Keras layout', () => {
    for (const { input } of lstmFixtures()) {
      const oracle = runOracle(unmasked(input));
      const layerOutput = tf.tidy(() => {
        const { stateDict, hiddenSize: H } = input;
        const layer = tf.layers.lstm({
          units: H,
          recurrentActivation: 'sigmoid',
          unitForgetBias: false,
          returnSequences: true,
        });
        const x = tf.tensor3d(input.x);
        const batch = input.x.length;
        const h0 = input.h0 ? tf.tensor2d(input.h0) : tf.zeros([batch, H]);
        const c0 = input.c0 ? tf.tensor2d(input.c0) : tf.zeros([batch, H]);
        layer.apply(x, { initialState: [h0, c0] }); // builds the weights, then they are overwritten
        // Keras gate order i, f, c, o is PyTorch's i, f, g, o; kernels are transposed; one summed bias.
        layer.setWeights([
          tf.tensor2d(stateDict.weight_ih_l0).transpose(),
          tf.tensor2d(stateDict.weight_hh_l0).transpose(),
          tf.add(tf.tensor1d(stateDict.bias_ih_l0), tf.tensor1d(stateDict.bias_hh_l0)),
        ]);
        const y = layer.apply(x, { initialState: [h0, c0] }) as tf.Tensor;
        const values = y.arraySync() as number[][][];
        layer.dispose();
        return values;
      });
      expect(maxAbsDifference(oracle.output, layerOutput)).toBeLessThan(1e-6);
    }
  });

  it('matches tf.layers.simpleRNN with the PyTorch weights in Keras layout', () => {
    for (const { input } of rnnFixtures()) {
      const oracle = runOracle(unmasked(input));
      const layerOutput = tf.tidy(() => {
        const { stateDict, hiddenSize: H } = input;
        const layer = tf.layers.simpleRNN({ units: H, activation: 'tanh', returnSequences: true });
        const x = tf.tensor3d(input.x);
        const h0 = input.h0 ? tf.tensor2d(input.h0) : tf.zeros([input.x.length, H]);
        layer.apply(x, { initialState: [h0] }); // builds the weights, then they are overwritten
        layer.setWeights([
          tf.tensor2d(stateDict.weight_ih_l0).transpose(),
          tf.tensor2d(stateDict.weight_hh_l0).transpose(),
          tf.add(tf.tensor1d(stateDict.bias_ih_l0), tf.tensor1d(stateDict.bias_hh_l0)),
        ]);
        const y = layer.apply(x, { initialState: [h0] }) as tf.Tensor;
        const values = y.arraySync() as number[][][];
        layer.dispose();
        return values;
      });
      expect(maxAbsDifference(oracle.output, layerOutput)).toBeLessThan(1e-6);
    }
  });

  it("computes PyTorch's GRU (reset gate after the recurrent matmul) on a scalar case worked by hand", () => {
    // Rows r, z, n of a 1-unit GRU with 1 input; two sequences, the second only 1 step long.
    const [Wir, Wiz, Win] = [0.5, -0.75, 1.25];
    const [Whr, Whz, Whn] = [-0.5, 0.25, 0.875];
    const [bir, biz, bin] = [0.125, -0.25, 0.5];
    const [bhr, bhz, bhn] = [0.375, 0.0625, -0.625];
    const x = [
      [[0.5], [-1], [0.25]],
      [[-0.75], [0.5], [1]],
    ];
    const h0 = [[0.25], [-0.5]];
    const lengths = [3, 1];
    const dOutput = [
      [[1], [-0.5], [2]],
      [[0.75], [3], [-1]],
    ];
    const expectedOutput = x.map((sequence, b) => {
      let h = h0[b]![0]!;
      return sequence.map(([xt], t) => {
        if (t >= lengths[b]!) return [0];
        const r = 1 / (1 + Math.exp(-(Wir * xt! + bir + Whr * h + bhr)));
        const z = 1 / (1 + Math.exp(-(Wiz * xt! + biz + Whz * h + bhz)));
        const n = Math.tanh(Win * xt! + bin + r * (Whn * h + bhn));
        h = (1 - z) * n + z * h;
        return [h];
      });
    });
    const oracle = runOracle({
      cell: 'gru',
      inputSize: 1,
      hiddenSize: 1,
      stateDict: {
        weight_ih_l0: [[Wir], [Wiz], [Win]],
        weight_hh_l0: [[Whr], [Whz], [Whn]],
        bias_ih_l0: [bir, biz, bin],
        bias_hh_l0: [bhr, bhz, bhn],
      },
      x,
      h0,
      lengths,
      dOutput,
    });
    expect(maxAbsDifference(oracle.output, expectedOutput)).toBeLessThan(1e-6);
    // The padded steps of the short sequence emit 0 and leave its final state at step 0's.
    expect(oracle.output[1]!.slice(1)).toEqual([[0], [0]]);
    expect(maxAbsDifference(oracle.hN, [expectedOutput[0]![2]!, expectedOutput[1]![0]!])).toBeLessThan(1e-6);
    const loss = flatten(expectedOutput).reduce((sum, v, k) => sum + v * flatten(dOutput)[k]!, 0);
    expect(oracle.loss).toBeCloseTo(loss, 5);
  });

  it('agrees with a float64 re-implementation on every fixture, masks and final states included', () => {
    for (const [name, { input }] of readFixtures()) {
      const oracle = runOracle(input);
      const reference = forward64(input);
      expect(maxAbsDifference(oracle.output, reference.output), name).toBeLessThan(1e-6);
      expect(maxAbsDifference(oracle.hN, reference.hN), name).toBeLessThan(1e-6);
      expect(Math.abs(oracle.loss - reference.loss), name).toBeLessThan(1e-5);
    }
  });
});

describe('the oracle gradients', () => {
  // Central differences of the float64 forward are accurate to ~1e-9; the oracle is float32.
  const STEP = 1e-6;
  const TOLERANCE = 5e-6;

  it('equal central finite differences (float64) for all weights, x, h0 and c0 of the small fixtures', () => {
    const small = [...readFixtures()].filter(([name]) => !name.endsWith('-large.json'));
    expect(small.length).toBe(6);
    for (const [name, fixture] of small) {
      const input = withExplicitState(fixture.input);
      const oracle = runOracle(input);
      const pairs: [string, Nested[], Nested[]][] = [
        ['weight_ih_l0', input.stateDict.weight_ih_l0, oracle.grads.weight_ih_l0],
        ['weight_hh_l0', input.stateDict.weight_hh_l0, oracle.grads.weight_hh_l0],
        ['bias_ih_l0', input.stateDict.bias_ih_l0, oracle.grads.bias_ih_l0],
        ['bias_hh_l0', input.stateDict.bias_hh_l0, oracle.grads.bias_hh_l0],
        ['x', input.x, oracle.dx],
        ['h0', input.h0!, oracle.dh0],
      ];
      if (input.cell === 'lstm') pairs.push(['c0', input.c0!, oracle.dc0!]);
      for (const [key, values, gradient] of pairs) {
        const analytic = flatten(gradient);
        const numeric = leaves(values).map(([container, k]) => {
          const original = container[k] as number;
          container[k] = original + STEP;
          const plus = forward64(input).loss;
          container[k] = original - STEP;
          const minus = forward64(input).loss;
          container[k] = original;
          return (plus - minus) / (2 * STEP);
        });
        expect(maxAbsDifference(analytic, numeric), `${name} ${key}`).toBeLessThan(TOLERANCE);
      }
    }
  });
});
