import { describe, expect, it } from 'vitest';
import { createHeadWorkspace, headBackward, headForward, headPredict } from '../../engine/head.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import type { DenseParams, Param, Target } from '../../engine/types.ts';

function param(name: string, shape: number[], values?: number[]): Param {
  const size = shape.reduce((a, b) => a * b, 1);
  const w = values ? Float64Array.from(values) : new Float64Array(size);
  return { name, shape, w, dw: new Float64Array(size) };
}

function dense(inputSize: number, outputSize: number, W?: number[], b?: number[]): DenseParams {
  return {
    inputSize,
    outputSize,
    W: param('fc.weight', [outputSize, inputSize], W),
    b: param('fc.bias', [outputSize], b),
  };
}

function randomDense(rng: Rng, inputSize: number, outputSize: number): DenseParams {
  const head = dense(inputSize, outputSize);
  for (const p of [head.W, head.b]) for (let i = 0; i < p.w.length; i++) p.w[i] = rng.normal();
  return head;
}

function randomArray(rng: Rng, n: number): Float64Array {
  return Float64Array.from({ length: n }, () => rng.normal());
}

const B = 2;
const T = 3;
const H = 4;

/** Partial targets: four of the six (b, t) positions carry a target. */
function classTarget(): Target {
  return { kind: 'class', numClasses: 3, labels: Int32Array.from([-1, 2, 0, 1, -1, 2]) };
}

function valueTarget(rng: Rng): Target {
  return {
    kind: 'value',
    size: 2,
    values: randomArray(rng, B * T * 2),
    weight: Float64Array.from([0, 1, 1, 1, 0, 1]),
  };
}

/**
 * Central differences in float64 with step 1e-6 against headBackward, for every element of W, b and hs.
 * Tolerance: |analytic − numeric| ≤ 1e-7 + 1e-6·|numeric|, well above the O(ε²) truncation and O(1e-16/ε)
 * rounding errors of the difference, far below any real mistake (which shows as an O(1) relative error).
 */
function checkGradients(head: DenseParams, hs: Float64Array, target: Target): void {
  const workspace = createHeadWorkspace(head.outputSize);
  const lossAt = (): number => headForward(head, hs, target, workspace).loss;
  headForward(head, hs, target, workspace);
  const dHs = new Float64Array(hs.length).fill(123);
  headBackward(head, hs, target, workspace, dHs);
  const epsilon = 1e-6;
  const cases: [string, Float64Array, Float64Array][] = [
    ['W', head.W.w, head.W.dw],
    ['b', head.b.w, head.b.dw],
    ['hs', hs, dHs],
  ];
  for (const [name, values, analytic] of cases) {
    for (let i = 0; i < values.length; i++) {
      const saved = values[i]!;
      values[i] = saved + epsilon;
      const plus = lossAt();
      values[i] = saved - epsilon;
      const minus = lossAt();
      values[i] = saved;
      const numeric = (plus - minus) / (2 * epsilon);
      const error = Math.abs(analytic[i]! - numeric);
      expect(error, `${name}[${i}]: analytic ${analytic[i]} numeric ${numeric}`).toBeLessThanOrEqual(
        1e-7 + 1e-6 * Math.abs(numeric),
      );
    }
  }
}

/** Direct cross-entropy without the max trick (fine for small logits): an independent implementation. */
function referenceCrossEntropy(head: DenseParams, hs: Float64Array, labels: Int32Array): number {
  let sum = 0;
  let count = 0;
  for (let row = 0; row < labels.length; row++) {
    if (labels[row] === -1) continue;
    const logits: number[] = [];
    for (let o = 0; o < head.outputSize; o++) {
      let z = head.b.w[o]!;
      for (let j = 0; j < head.inputSize; j++)
        z += head.W.w[o * head.inputSize + j]! * hs[row * head.inputSize + j]!;
      logits.push(z);
    }
    const partition = logits.reduce((acc, z) => acc + Math.exp(z), 0);
    sum += -Math.log(Math.exp(logits[labels[row]!]!) / partition);
    count += 1;
  }
  return sum / count;
}

describe('dense head with softmax cross-entropy', () => {
  it('matches central finite differences for W, b and hs with partial targets', () => {
    const rng = createRng(1);
    const head = randomDense(rng, H, 3);
    checkGradients(head, randomArray(rng, B * T * H), classTarget());
  });

  it('matches a direct implementation of the mean cross-entropy over target positions', () => {
    const rng = createRng(2);
    const head = randomDense(rng, H, 3);
    const hs = randomArray(rng, B * T * H);
    const target = classTarget();
    const result = headForward(head, hs, target, createHeadWorkspace(3));
    if (target.kind !== 'class') throw new Error('unreachable');
    expect(result.loss).toBeCloseTo(referenceCrossEntropy(head, hs, target.labels), 12);
    expect(result.positions).toBe(4);
    expect(result.denominator).toBe(4);
    expect(result.sumNll / result.positions).toBeCloseTo(result.loss, 14);
  });

  it('reproduces a hand-computed example: loss, accuracy and every gradient', () => {
    // H = 1, O = 2, W = [[0], [1]], b = 0, so the logits are [0, h].
    const head = dense(1, 2, [0, 1], [0, 0]);
    const ln3 = Math.log(3);
    // Row 0: h = ln 3 → p = [1/4, 3/4], label 1 (correct), −log p = ln(4/3).
    // Row 1: no target. Row 2: h = −ln 3 → p = [3/4, 1/4], label 1 (wrong), −log p = ln 4.
    const hs = Float64Array.from([ln3, 7, -ln3]);
    const target: Target = { kind: 'class', numClasses: 2, labels: Int32Array.from([1, -1, 1]) };
    const workspace = createHeadWorkspace(2);
    const result = headForward(head, hs, target, workspace);
    expect(result.loss).toBeCloseTo(Math.log(16 / 3) / 2, 14);
    expect(result.correct).toBe(1);
    expect(result.sumNll).toBeCloseTo(Math.log(16 / 3), 14);
    // δ = (p − onehot) / 2: row 0 [1/8, −1/8], row 2 [3/8, −3/8].
    const dHs = new Float64Array(3).fill(9);
    headBackward(head, hs, target, workspace, dHs);
    expect(Array.from(head.b.dw)).toEqual([expect.closeTo(0.5, 14), expect.closeTo(-0.5, 14)]);
    expect(Array.from(head.W.dw)).toEqual([expect.closeTo(-ln3 / 4, 14), expect.closeTo(ln3 / 4, 14)]);
    expect(Array.from(dHs)).toEqual([expect.closeTo(-1 / 8, 14), 0, expect.closeTo(-3 / 8, 14)]);
  });

  it('stays finite with logits of 1e4', () => {
    const head = dense(1, 3, [1e4, -1e4, 0], [0, 0, 0]);
    const hs = Float64Array.from([1, 1]);
    const target: Target = { kind: 'class', numClasses: 3, labels: Int32Array.from([0, 1]) };
    const workspace = createHeadWorkspace(3);
    const result = headForward(head, hs, target, workspace);
    // Row 0: the label has the largest logit, −log p ≈ 0. Row 1: −log p = 1e4 + 1e4 = 2e4.
    expect(Number.isFinite(result.loss)).toBe(true);
    expect(result.loss).toBeCloseTo(1e4, 6);
    const dHs = new Float64Array(2);
    headBackward(head, hs, target, workspace, dHs);
    for (const value of [...head.W.dw, ...head.b.dw, ...dHs]) expect(Number.isFinite(value)).toBe(true);
  });

  it('accumulates into dW and db and overwrites dHs with zeros where there is no target', () => {
    const rng = createRng(3);
    const head = randomDense(rng, H, 3);
    const hs = randomArray(rng, B * T * H);
    const target = classTarget();
    const workspace = createHeadWorkspace(3);
    headForward(head, hs, target, workspace);
    const dHs = new Float64Array(hs.length).fill(5);
    headBackward(head, hs, target, workspace, dHs);
    const once = Float64Array.from(head.W.dw);
    headBackward(head, hs, target, workspace, dHs);
    for (let i = 0; i < once.length; i++) expect(head.W.dw[i]).toBeCloseTo(2 * once[i]!, 14);
    for (const row of [0, 4]) for (let j = 0; j < H; j++) expect(dHs[row * H + j]).toBe(0);
    expect(dHs.slice(H, 2 * H).some((value) => value !== 0)).toBe(true);
  });

  it('rejects labels outside the classes and a backward without its forward', () => {
    const head = dense(1, 2);
    const workspace = createHeadWorkspace(2);
    const bad: Target = { kind: 'class', numClasses: 2, labels: Int32Array.from([2]) };
    expect(() => headForward(head, new Float64Array(1), bad, workspace)).toThrow(RangeError);
    const other: Target = { kind: 'class', numClasses: 2, labels: Int32Array.from([1]) };
    expect(() => headBackward(head, new Float64Array(1), other, workspace, new Float64Array(1))).toThrow();
  });

  it('gives zero loss and zero gradients when no step has a target', () => {
    const head = dense(1, 2, [1, 2], [3, 4]);
    const target: Target = { kind: 'class', numClasses: 2, labels: Int32Array.from([-1, -1]) };
    const workspace = createHeadWorkspace(2);
    const result = headForward(head, Float64Array.from([1, 2]), target, workspace);
    expect(result).toMatchObject({ loss: 0, positions: 0 });
    const dHs = new Float64Array(2).fill(1);
    headBackward(head, Float64Array.from([1, 2]), target, workspace, dHs);
    expect([...head.W.dw, ...head.b.dw, ...dHs]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('dense head with mean squared error', () => {
  it('matches central finite differences for W, b and hs with partial targets', () => {
    const rng = createRng(4);
    const head = randomDense(rng, H, 2);
    checkGradients(head, randomArray(rng, B * T * H), valueTarget(rng));
  });

  it('reproduces a hand-computed example: the mean over positions and output units', () => {
    // H = 1, O = 2, W = [[1], [2]], b = [0, 1], so y = [h, 2h + 1].
    const head = dense(1, 2, [1, 2], [0, 1]);
    const hs = Float64Array.from([1, 0, 5]);
    const target: Target = {
      kind: 'value',
      size: 2,
      values: Float64Array.from([0, 1, 0, 0, 99, 99]),
      weight: Float64Array.from([1, 1, 0]),
    };
    // Row 0: y = [1, 3], errors [1, 2]. Row 1: y = [0, 1], errors [0, 1]. Row 2 has no target.
    const workspace = createHeadWorkspace(2);
    const result = headForward(head, hs, target, workspace);
    expect(result.sumSquaredError).toBe(6);
    expect(result.denominator).toBe(4);
    expect(result.loss).toBe(1.5);
    // δ = 2(y − t) / 4: row 0 [0.5, 1], row 1 [0, 0.5].
    const dHs = new Float64Array(3);
    headBackward(head, hs, target, workspace, dHs);
    expect(Array.from(head.b.dw)).toEqual([0.5, 1.5]);
    expect(Array.from(head.W.dw)).toEqual([0.5, 1]);
    expect(Array.from(dHs)).toEqual([2.5, 1, 0]);
  });
});

describe('head inference', () => {
  it('returns softmax probabilities equal to those of the forward pass, and logits for linear', () => {
    const rng = createRng(5);
    const head = randomDense(rng, H, 3);
    const hs = randomArray(rng, B * T * H);
    const workspace = createHeadWorkspace(3);
    headForward(head, hs, classTarget(), workspace);
    const probabilities = headPredict(head, hs, [1, 2], 'softmax');
    // Rows 1 and 2 are the first two target positions of classTarget().
    for (let i = 0; i < 6; i++) expect(probabilities[i]).toBeCloseTo(workspace.outputs[i]!, 15);
    expect(probabilities[0]! + probabilities[1]! + probabilities[2]!).toBeCloseTo(1, 15);
    const logits = headPredict(head, hs, [1], 'linear');
    const expected = Array.from({ length: 3 }, (_, o) => {
      let z = head.b.w[o]!;
      for (let j = 0; j < H; j++) z += head.W.w[o * H + j]! * hs[H + j]!;
      return z;
    });
    for (let o = 0; o < 3; o++) expect(logits[o]).toBeCloseTo(expected[o]!, 14);
  });

  it('sharpens with a temperature below 1 and stays finite with huge logits', () => {
    const head = dense(1, 2, [1, 0], [0, 0]);
    const hs = Float64Array.from([1, 1e4]);
    const plain = headPredict(head, hs, [0], 'softmax', 1);
    const sharp = headPredict(head, hs, [0], 'softmax', 0.5);
    expect(plain[0]).toBeCloseTo(Math.E / (Math.E + 1), 15);
    expect(sharp[0]).toBeCloseTo(Math.E ** 2 / (Math.E ** 2 + 1), 15);
    expect(Array.from(headPredict(head, hs, [1], 'softmax'))).toEqual([1, 0]);
    expect(() => headPredict(head, hs, [0], 'softmax', 0)).toThrow(RangeError);
    expect(() => headPredict(head, hs, [2], 'linear')).toThrow(RangeError);
  });
});
