/**
 * The sequence driver: forward against a plain, unfused reference written from PyTorch's documented
 * equations (tolerance 1e-12), packed-sequence behaviour, batch independence, determinism, workspaces,
 * ||dL/dh_t||, and the dropout masks.
 */
import { describe, expect, it } from 'vitest';
import { createInitialisedRecurrentParams } from '../../engine/init.ts';
import { recurrentParamList, zeroRecurrentGradients } from '../../engine/params.ts';
import {
  backward,
  createWorkspace,
  type DropoutMasks,
  ensureWorkspace,
  forward,
  sampleDropoutMasks,
} from '../../engine/recurrent.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import { type CellKind, GATE_BLOCKS, type RecurrentParams } from '../../engine/types.ts';

const I = 3;
const H = 4;

function randomArray(rng: Rng, n: number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => scale * rng.normal());
}

function setup(cell: CellKind, seed: number, B: number, T: number) {
  const rng = createRng(seed);
  const params = createInitialisedRecurrentParams(cell, I, H, rng, { scheme: 'gaussian', std: 0.7 });
  for (const p of [params.bih, params.bhh]) p.w.set(randomArray(rng, p.w.length, 0.3));
  const x = randomArray(rng, B * T * I);
  return { rng, params, x };
}

const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));

/** One sequence at a time, every gate row by its own dot products: the equations of torch.nn.RNN/LSTM/GRU. */
function reference(
  params: RecurrentParams,
  x: Float64Array,
  lengths: Int32Array,
  T: number,
  h0: Float64Array,
  c0: Float64Array,
  masks: DropoutMasks,
) {
  const { cell } = params;
  const B = lengths.length;
  const G = GATE_BLOCKS[cell];
  const outputs = new Float64Array(B * T * H);
  const hN = new Float64Array(B * H);
  const cN = new Float64Array(B * H);
  for (let b = 0; b < B; b++) {
    let h = Array.from(h0.subarray(b * H, (b + 1) * H));
    let c = Array.from(c0.subarray(b * H, (b + 1) * H));
    for (let t = 0; t < lengths[b]; t++) {
      const at = (b * T + t) * I;
      const xt = Array.from({ length: I }, (_, i) => x[at + i] * (masks.input ? masks.input[at + i] : 1));
      const hm = h.map((v, j) => v * (masks.recurrent ? masks.recurrent[b * H + j] : 1));
      const ax: number[] = [];
      const ah: number[] = [];
      for (let r = 0; r < G * H; r++) {
        let sx = params.bih.w[r];
        for (let i = 0; i < I; i++) sx += params.Wih.w[r * I + i] * xt[i];
        let sh = params.bhh.w[r];
        for (let j = 0; j < H; j++) sh += params.Whh.w[r * H + j] * hm[j];
        ax.push(sx);
        ah.push(sh);
      }
      const a = (gate: number, j: number) => ax[gate * H + j] + ah[gate * H + j];
      if (cell === 'rnn') h = h.map((_, j) => Math.tanh(a(0, j)));
      else if (cell === 'lstm') {
        c = c.map((cj, j) => sigmoid(a(1, j)) * cj + sigmoid(a(0, j)) * Math.tanh(a(2, j)));
        h = h.map((_, j) => sigmoid(a(3, j)) * Math.tanh(c[j]));
      } else {
        h = h.map((hj, j) => {
          const r = sigmoid(a(0, j));
          const z = sigmoid(a(1, j));
          const n = Math.tanh(ax[2 * H + j] + r * ah[2 * H + j]);
          return (1 - z) * n + z * hj;
        });
      }
      for (let j = 0; j < H; j++) {
        const o = (b * T + t) * H + j;
        outputs[o] = h[j] * (masks.output ? masks.output[o] : 1);
      }
    }
    hN.set(h, b * H);
    cN.set(c, b * H);
  }
  return { outputs, hN, cN };
}

function expectAllClose(actual: Float64Array, expected: Float64Array, tolerance: number) {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < actual.length; k++)
    expect(Math.abs(actual[k] - expected[k])).toBeLessThanOrEqual(tolerance);
}

const bits = (a: Float64Array) =>
  Array.from(new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)));

describe.each(['rnn', 'lstm', 'gru'] as CellKind[])('%s layer', (cell) => {
  const B = 5;
  const T = 6;
  const lengths = Int32Array.of(6, 3, 1, 6, 0);

  for (const withMasks of [false, true]) {
    it(`matches the unfused reference equations${withMasks ? ' with dropout masks' : ''}`, () => {
      const { rng, params, x } = setup(cell, withMasks ? 2 : 1, B, T);
      const h0 = randomArray(rng, B * H, 0.5);
      const c0 = randomArray(rng, B * H, 0.5);
      const rates = { input: 0.25, output: 0.25, recurrent: 0.25 };
      const masks = withMasks ? sampleDropoutMasks(rng, B, T, I, H, rates) : {};
      const got = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths }, { h0, c0, masks });
      const want = reference(
        params,
        x,
        lengths,
        T,
        h0,
        cell === 'lstm' ? c0 : new Float64Array(B * H),
        masks,
      );
      expectAllClose(got.outputs, want.outputs, 1e-12);
      expectAllClose(got.hN, want.hN, 1e-12);
      if (cell === 'lstm') expectAllClose(got.cN!, want.cN, 1e-12);
      else expect(got.cN).toBeNull();
    });
  }

  it('zeroes outputs past each length and keeps hN at the last valid step, like packed sequences', () => {
    const { rng, params, x } = setup(cell, 3, B, T);
    const h0 = randomArray(rng, B * H);
    const { outputs, hN } = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths }, { h0 });
    for (let b = 0; b < B; b++) {
      for (let t = lengths[b]; t < T; t++) {
        for (let j = 0; j < H; j++) expect(outputs[(b * T + t) * H + j]).toBe(0);
      }
      const last = lengths[b] - 1;
      for (let j = 0; j < H; j++) {
        expect(hN[b * H + j]).toBe(last >= 0 ? outputs[(b * T + last) * H + j] : h0[b * H + j]);
      }
    }
  });

  it('computes each sequence as if it were alone in the batch (odd batch, pairs and a single)', () => {
    const { params, x } = setup(cell, 4, B, T);
    const together = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths });
    const outputs = together.outputs.slice();
    for (let b = 0; b < B; b++) {
      const alone = forward(params, {
        batchSize: 1,
        steps: T,
        inputSize: I,
        x: x.slice(b * T * I, (b + 1) * T * I),
        lengths: Int32Array.of(lengths[b]),
      });
      expectAllClose(alone.outputs, outputs.subarray(b * T * H, (b + 1) * T * H), 1e-15);
    }
  });

  it('is bitwise deterministic for a fixed seed, forward and backward', () => {
    const run = () => {
      const { rng, params, x } = setup(cell, 9, B, T);
      const masks = sampleDropoutMasks(rng, B, T, I, H, { input: 0.2, recurrent: 0.2 });
      const { outputs, workspace } = forward(
        params,
        { batchSize: B, steps: T, inputSize: I, x, lengths },
        { masks },
      );
      const out = outputs.slice();
      const grads = backward(params, workspace, randomArray(rng, B * T * H), { truncation: 4 });
      return [
        out,
        grads.dx.slice(),
        grads.dh0.slice(),
        ...recurrentParamList(params).map((p) => p.dw.slice()),
      ];
    };
    const first = run().map(bits);
    expect(run().map(bits)).toEqual(first);
  });

  it('gives the same outputs without a cache, on a reused larger workspace, and for one-hot inputs', () => {
    const { params, x } = setup(cell, 5, B, T);
    const input = { batchSize: B, steps: T, inputSize: I, x, lengths };
    const fresh = forward(params, input).outputs.slice();
    const inference = forward(params, input, { workspace: createWorkspace(params, B, T, false) });
    expect(inference.outputs).toEqual(fresh);
    expect(() => backward(params, inference.workspace, new Float64Array(B * T * H))).toThrow();
    const big = createWorkspace(params, B + 3, T + 2);
    forward(
      params,
      {
        batchSize: B + 3,
        steps: T + 2,
        inputSize: I,
        x: new Float64Array((B + 3) * (T + 2) * I),
        lengths: new Int32Array(B + 3).fill(T + 2),
      },
      { workspace: big },
    );
    expect(forward(params, input, { workspace: big }).outputs).toEqual(fresh);
    expect(ensureWorkspace(big, params, B, T)).toBe(big);
    expect(ensureWorkspace(big, params, B + 4, T)).not.toBe(big);
    // Mostly-zero inputs take the sparse input projection; the result is the same up to summation order.
    const oneHot = new Float64Array(B * T * I);
    for (let k = 0; k < B * T; k++) oneHot[k * I + (k % I)] = 1;
    const sparse = forward(params, { ...input, x: oneHot });
    const want = reference(params, oneHot, lengths, T, new Float64Array(B * H), new Float64Array(B * H), {});
    expectAllClose(sparse.outputs, want.outputs, 1e-12);
  });

  it('gives the same gradients on a reused larger workspace, and accepts its own hN as the next h0', () => {
    const { rng, params, x } = setup(cell, 12, B, T);
    const input = { batchSize: B, steps: T, inputSize: I, x, lengths };
    const dOut = randomArray(rng, B * T * H);
    const run = (workspace?: ReturnType<typeof createWorkspace>) => {
      zeroRecurrentGradients(params);
      const result = forward(params, input, { workspace });
      const grads = backward(params, result.workspace, dOut, { truncation: 2 });
      return [grads.dx.slice(), grads.dh0.slice(), ...recurrentParamList(params).map((p) => p.dw.slice())];
    };
    expect(run(createWorkspace(params, B + 2, T + 5)).map(bits)).toEqual(run().map(bits));
    // Carrying the state across batches (stateful training) with one workspace: hN is a view into it.
    const workspace = createWorkspace(params, B, T);
    const first = forward(params, input, { workspace });
    const carried = first.hN.slice();
    const carriedCell = first.cN?.slice();
    const second = forward(params, input, {
      workspace,
      h0: first.hN,
      c0: first.cN ?? undefined,
    }).outputs.slice();
    expect(forward(params, input, { h0: carried, c0: carriedCell }).outputs).toEqual(second);
  });

  it('reports ||dL/dh_t|| as the norm of the total gradient reaching each state', () => {
    const full = Int32Array.from({ length: B }, () => T);
    const { rng, params, x } = setup(cell, 6, B, T);
    const R = randomArray(rng, B * T * H);
    const S = randomArray(rng, B * H);
    const { workspace } = forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths: full });
    const states = workspace.h.slice();
    const cells = workspace.c.slice();
    const gradNorm = backward(params, workspace, R, { dhN: S }).gradNorm.slice();
    for (let t = 0; t < T; t++) {
      // dL/dh_t = R_t + the dL/dh0 of the rest of the run restarted from the state after step t.
      const rest = T - t - 1;
      let total = 0;
      const after = (t + 1) * B * H;
      let dRest = S;
      if (rest > 0) {
        const xs = new Float64Array(B * rest * I);
        const Rs = new Float64Array(B * rest * H);
        for (let b = 0; b < B; b++) {
          xs.set(x.subarray((b * T + t + 1) * I, (b + 1) * T * I), b * rest * I);
          Rs.set(R.subarray((b * T + t + 1) * H, (b + 1) * T * H), b * rest * H);
        }
        const h0 = states.slice(after, after + B * H);
        const c0 = cell === 'lstm' ? cells.slice(after, after + B * H) : undefined;
        const sub = forward(
          params,
          { batchSize: B, steps: rest, inputSize: I, x: xs, lengths: new Int32Array(B).fill(rest) },
          { h0, c0 },
        );
        dRest = backward(params, sub.workspace, Rs, { dhN: S }).dh0.slice();
      }
      for (let b = 0; b < B; b++) {
        for (let j = 0; j < H; j++) total += (R[(b * T + t) * H + j] + dRest[b * H + j]) ** 2;
      }
      expect(gradNorm[t]).toBeCloseTo(Math.sqrt(total), 12);
    }
  });

  it('passes dhN straight to dh0 for an empty sequence, and skips dx on request', () => {
    const { rng, params, x } = setup(cell, 8, B, T);
    const dOut = randomArray(rng, B * T * H);
    const dhN = randomArray(rng, B * H);
    const input = { batchSize: B, steps: T, inputSize: I, x, lengths };
    zeroRecurrentGradients(params);
    const withDx = backward(params, forward(params, input).workspace, dOut, { dhN });
    const dh0 = withDx.dh0.slice();
    const dWhh = params.Whh.dw.slice();
    for (let j = 0; j < H; j++) expect(dh0[4 * H + j]).toBe(dhN[4 * H + j]);
    zeroRecurrentGradients(params);
    const withoutDx = backward(params, forward(params, input).workspace, dOut, { dhN, inputGradient: false });
    expect(withoutDx.dx.every((v) => v === 0)).toBe(true);
    expect(withoutDx.dh0).toEqual(dh0);
    expect(params.Whh.dw).toEqual(dWhh);
  });

  it('rejects inputs that do not fit', () => {
    const { params, x } = setup(cell, 10, B, T);
    expect(() => forward(params, { batchSize: B, steps: T, inputSize: I + 1, x, lengths })).toThrow(
      RangeError,
    );
    const tooLong = Int32Array.of(7, 1, 1, 1, 1);
    expect(() => forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths: tooLong })).toThrow(
      RangeError,
    );
    const small = createWorkspace(params, 2, T);
    expect(() =>
      forward(params, { batchSize: B, steps: T, inputSize: I, x, lengths }, { workspace: small }),
    ).toThrow();
  });
});

describe('sampleDropoutMasks', () => {
  it('draws inverted-dropout masks of 0 and 1/(1−p), reproducibly, and none for rate 0', () => {
    const masks = sampleDropoutMasks(createRng(1), 8, 50, 10, 20, { input: 0.2, recurrent: 0.5 });
    expect(masks.output).toBeUndefined();
    const input = masks.input!;
    expect(input.length).toBe(8 * 50 * 10);
    expect(masks.recurrent!.length).toBe(8 * 20);
    expect(input.every((v) => v === 0 || v === 1 / 0.8)).toBe(true);
    const dropped = input.filter((v) => v === 0).length / input.length;
    expect(dropped).toBeGreaterThan(0.17);
    expect(dropped).toBeLessThan(0.23);
    // Inverted dropout keeps the expected value: the mean of the mask is about 1.
    expect(input.reduce((s, v) => s + v, 0) / input.length).toBeCloseTo(1, 1);
    const again = sampleDropoutMasks(createRng(1), 8, 50, 10, 20, { input: 0.2, recurrent: 0.5 });
    expect(again.input).toEqual(input);
    expect(() => sampleDropoutMasks(createRng(1), 1, 1, 1, 1, { input: 1 })).toThrow(RangeError);
  });
});
