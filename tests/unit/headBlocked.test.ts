// The head computes four outputs at a time in JavaScript (engine/head.ts) and its products on the
// WebAssembly gemm where that loads (engine/wasm/headDense.ts); these tests hold both to the plain loops,
// one output at a time, bit for bit: the same sums in the same order, so no run anywhere changes by a bit.
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

describe.each(['wasm', 'js'] as const)('the head on the %s kernels', (kernels) => {
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

      const workspace = createHeadWorkspace(O, kernels);
      headForward(head, hs, target, workspace);
      // Node runs WebAssembly, so the 'wasm' workspace must really be on it.
      expect(workspace.dense !== null).toBe(kernels === 'wasm');
      const dHs = new Float64Array(rowCount * H);
      headBackward(head, hs, target, workspace, dHs);
      const plainDHs = new Float64Array(rowCount * H);
      plainBackward(plain, hs, labels, plainDHs);
      expect(bits(dHs)).toEqual(bits(plainDHs));
      expect(bits(head.W.dw)).toEqual(bits(plain.W.dw));
      expect(bits(head.b.dw)).toEqual(bits(plain.b.dw));
    });
  }

  it("gives the plain loops' mean squared error and gradients, and grows for a larger batch", () => {
    const rng = createRng(7);
    const H = 6;
    const O = 5;
    const workspace = createHeadWorkspace(O, kernels);
    for (const rowCount of [4, 9]) {
      const head = randomHead(rng, H, O);
      const hs = Float64Array.from({ length: rowCount * H }, () => rng.normal());
      const values = Float64Array.from({ length: rowCount * O }, () => rng.normal());
      const weight = Float64Array.from({ length: rowCount }, (_, row) => (row % 4 === 2 ? 0 : 1 + row));
      const target: Target = { kind: 'value', size: O, values, weight };
      const before = { W: head.W.dw.slice(), b: head.b.dw.slice() };
      const { loss, denominator } = headForward(head, hs, target, workspace);
      const dHs = new Float64Array(rowCount * H).fill(9);
      headBackward(head, hs, target, workspace, dHs);
      // The plain loops: δ = 2w(y − t)/(O·Σw), dW += δ hᵀ, db += δ, dh = Wᵀδ, output by output in order.
      let squares = 0;
      const plainDHs = new Float64Array(rowCount * H);
      for (let row = 0; row < rowCount; row++) {
        if (weight[row] === 0) continue;
        const y = plainAffine(head, hs, row);
        let rowSquares = 0;
        for (let o = 0; o < O; o++) rowSquares += (y[o]! - values[row * O + o]!) ** 2;
        squares += weight[row]! * rowSquares;
        for (let o = 0; o < O; o++) {
          const d = ((2 * weight[row]!) / denominator) * (y[o]! - values[row * O + o]!);
          before.b[o]! += d;
          for (let j = 0; j < H; j++) {
            before.W[o * H + j]! += d * hs[row * H + j]!;
            plainDHs[row * H + j]! += head.W.w[o * H + j]! * d;
          }
        }
      }
      expect(loss).toBe(squares / denominator);
      expect(bits(dHs)).toEqual(bits(plainDHs));
      expect(bits(head.W.dw)).toEqual(bits(before.W));
      expect(bits(head.b.dw)).toEqual(bits(before.b));
    }
  });
});
