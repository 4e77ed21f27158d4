// The head computes four outputs at a time (engine/head.ts); these tests hold it to the plain loops, one
// output at a time, bit for bit: the same sums in the same order, so no run anywhere changes by a bit.
import { describe, expect, it } from 'vitest';
import { createHeadWorkspace, headBackward, headForward, headPredict } from '../../engine/head.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import type { DenseParams, Target } from '../../engine/types.ts';

function randomHead(rng: Rng, H: number, O: number): DenseParams {
  const values = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  return {
    inputSize: H,
    outputSize: O,
    W: { name: 'fc.weight', shape: [O, H], w: values(O * H), dw: values(O * H) },
    b: { name: 'fc.bias', shape: [O], w: values(O), dw: values(O) },
  };
}

function copyHead(head: DenseParams): DenseParams {
  const copy = (p: DenseParams['W']) => ({ ...p, w: p.w.slice(), dw: p.dw.slice() });
  return { ...head, W: copy(head.W), b: copy(head.b) };
}

/** y = W h + b one output at a time, j in order from the bias. */
function plainAffine(head: DenseParams, hs: Float64Array, row: number): Float64Array {
  const { inputSize: H, outputSize: O } = head;
  const y = new Float64Array(O);
  for (let o = 0; o < O; o++) {
    let sum = head.b.w[o]!;
    for (let j = 0; j < H; j++) sum += head.W.w[o * H + j]! * hs[row * H + j]!;
    y[o] = sum;
  }
  return y;
}

/** The backward one output at a time, as the head was first written (cross-entropy targets). */
function plainBackward(head: DenseParams, hs: Float64Array, labels: Int32Array, dHs: Float64Array): void {
  const { inputSize: H, outputSize: O } = head;
  dHs.fill(0);
  const rows = [...labels.keys()].filter((row) => labels[row] !== -1);
  for (const row of rows) {
    const y = plainAffine(head, hs, row);
    let max = Number.NEGATIVE_INFINITY;
    for (const z of y) if (z > max) max = z;
    let sumExp = 0;
    for (let o = 0; o < O; o++) {
      y[o] = Math.exp(y[o]! - max);
      sumExp += y[o]!;
    }
    for (let o = 0; o < O; o++) y[o]! /= sumExp;
    const delta = y.map((p) => p / rows.length);
    delta[labels[row]!]! -= 1 / rows.length;
    for (let o = 0; o < O; o++) {
      const d = delta[o]!;
      head.b.dw[o]! += d;
      for (let j = 0; j < H; j++) {
        head.W.dw[o * H + j]! += d * hs[row * H + j]!;
        dHs[row * H + j]! += head.W.w[o * H + j]! * d;
      }
    }
  }
}

const bits = (array: Float64Array) => [...array].map((value) => (Object.is(value, -0) ? '-0' : value));

describe('the head, four outputs at a time', () => {
  // Output sizes on both sides of a multiple of four, so the blocked loop and its remainder both run.
  for (const O of [1, 3, 4, 5, 8, 11, 33]) {
    it(`gives bit for bit the plain loops' outputs and gradients with ${O} outputs`, () => {
      const rng = createRng(O);
      const H = 1 + Math.floor(rng.next() * 20);
      const rowCount = 2 + Math.floor(rng.next() * 9);
      const head = randomHead(rng, H, O);
      const plain = copyHead(head);
      const hs = Float64Array.from({ length: rowCount * H }, () => rng.normal());
      const labels = Int32Array.from({ length: rowCount }, (_, row) =>
        row % 3 === 1 ? -1 : Math.floor(rng.next() * O),
      );
      const target: Target = { kind: 'class', numClasses: O, labels };

      const rows = Int32Array.from({ length: rowCount }, (_, row) => row);
      const predicted = headPredict(head, hs, rows, 'linear');
      for (let row = 0; row < rowCount; row++) {
        expect(bits(predicted.subarray(row * O, (row + 1) * O))).toEqual(bits(plainAffine(head, hs, row)));
      }

      const workspace = createHeadWorkspace(O);
      headForward(head, hs, target, workspace);
      const dHs = new Float64Array(rowCount * H);
      headBackward(head, hs, target, workspace, dHs);
      const plainDHs = new Float64Array(rowCount * H);
      plainBackward(plain, hs, labels, plainDHs);
      expect(bits(dHs)).toEqual(bits(plainDHs));
      expect(bits(head.W.dw)).toEqual(bits(plain.W.dw));
      expect(bits(head.b.dw)).toEqual(bits(plain.b.dw));
    });
  }
});
