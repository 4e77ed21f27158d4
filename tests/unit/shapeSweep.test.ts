/**
 * The layer's forward and BPTT over shapes drawn from a seeded generator, against the plain per-step
 * reference in bpttReference.ts: I and H from 1 to 40 (a share of the cases with I > G·H, where dL/dx
 * once came back with NaN entries because a zero bias shorter than I was read past its end), B from 1 to
 * 5, ragged lengths (some 0), with and without h0/c0, every cell and both kernels, on workspaces sometimes
 * larger than the batch. Every output and every gradient must agree to 1e-13 of its field's scale.
 */
import { describe, expect, it } from 'vitest';
import { createRecurrentParams, zeroRecurrentGradients } from '../../engine/params.ts';
import { backward, createWorkspace, type DenseKernels, forward } from '../../engine/recurrent.ts';
import { createRng, type Rng } from '../../engine/rng.ts';
import { type CellKind, GATE_BLOCKS } from '../../engine/types.ts';
import { denseKernelAvailable } from '../../engine/wasm/dense.ts';
import { type ReferenceCase, referenceLayer } from './bpttReference.ts';

const CASES_PER_CELL = 40;
const TOLERANCE = 1e-13;

const normals = (rng: Rng, n: number, scale: number) =>
  Float64Array.from({ length: n }, () => scale * rng.normal());
const between = (rng: Rng, low: number, high: number) => low + rng.int(high - low + 1);

/** A random case; every third one has more inputs than gate rows. */
function drawCase(rng: Rng, cell: CellKind, index: number): ReferenceCase {
  const G = GATE_BLOCKS[cell];
  const wide = index % 3 === 0;
  const H = wide ? between(rng, 1, Math.floor(39 / G)) : between(rng, 1, 40);
  const I = wide ? between(rng, G * H + 1, Math.max(G * H + 1, 40)) : between(rng, 1, 40);
  const B = between(rng, 1, 5);
  const T = between(rng, 1, 6);
  const lengths = Int32Array.from({ length: B }, () => (rng.next() < 0.1 ? 0 : between(rng, 1, T)));
  const scale = 1 / Math.sqrt(Math.max(I, H));
  const withState = rng.next() < 0.5;
  return {
    cell,
    I,
    H,
    B,
    T,
    Wih: normals(rng, G * H * I, scale),
    Whh: normals(rng, G * H * H, scale),
    bih: normals(rng, G * H, 0.3),
    bhh: normals(rng, G * H, 0.3),
    x: normals(rng, B * T * I, 1),
    lengths,
    h0: withState ? normals(rng, B * H, 0.5) : undefined,
    c0: withState && cell === 'lstm' ? normals(rng, B * H, 0.5) : undefined,
    dOutputs: normals(rng, B * T * H, 1),
    dhN: normals(rng, B * H, 1),
    dcN: normals(rng, B * H, 1),
  };
}

/** The engine on one case with the given kernels, on a workspace up to 2 larger in B and T. */
function runEngine(c: ReferenceCase, kernels: DenseKernels, slack: number) {
  const params = createRecurrentParams(c.cell, c.I, c.H);
  params.Wih.w.set(c.Wih);
  params.Whh.w.set(c.Whh);
  params.bih.w.set(c.bih);
  params.bhh.w.set(c.bhh);
  const workspace = createWorkspace(params, c.B + slack, c.T + slack, true, kernels);
  expect(workspace.kernels).toBe(kernels);
  const input = { batchSize: c.B, steps: c.T, inputSize: c.I, x: c.x, lengths: c.lengths };
  const out = forward(params, input, { workspace, h0: c.h0, c0: c.c0 });
  const fields = { outputs: out.outputs.slice(), hN: out.hN.slice(), cN: out.cN?.slice() };
  zeroRecurrentGradients(params);
  const grads = backward(params, workspace, c.dOutputs, {
    dhN: c.dhN,
    dcN: c.cell === 'lstm' ? c.dcN : undefined,
  });
  return {
    ...fields,
    dx: grads.dx,
    dh0: grads.dh0,
    dc0: grads.dc0,
    dWih: params.Wih.dw,
    dWhh: params.Whh.dw,
    dbih: params.bih.dw,
    dbhh: params.bhh.dw,
    gradNorm: grads.gradNorm,
  };
}

/** The largest |ours − reference| relative to max(1, the field's largest |reference|); NaN counts as Infinity. */
function relativeError(ours: Float64Array, reference: Float64Array): number {
  expect(ours.length).toBe(reference.length);
  let scale = 1;
  for (const value of reference) scale = Math.max(scale, Math.abs(value));
  let worst = 0;
  for (let k = 0; k < ours.length; k++) {
    const error = Math.abs(ours[k] - reference[k]);
    worst = Math.max(worst, Number.isNaN(error) ? Infinity : error / scale);
  }
  return worst;
}

const kernelList: DenseKernels[] = denseKernelAvailable() ? ['wasm', 'js'] : ['js'];

describe.each(['rnn', 'lstm', 'gru'] as CellKind[])('%s over random shapes', (cell) => {
  it.each(kernelList)('matches the plain reference in every output and gradient (%s kernels)', (kernels) => {
    const rng = createRng(cell === 'rnn' ? 101 : cell === 'lstm' ? 202 : 303);
    const failures: string[] = [];
    let wide = 0;
    for (let index = 0; index < CASES_PER_CELL; index++) {
      const c = drawCase(rng, cell, index);
      if (c.I > GATE_BLOCKS[cell] * c.H) wide++;
      const want = referenceLayer(c);
      const got = runEngine(c, kernels, rng.int(3));
      const pairs: [string, Float64Array | undefined, Float64Array][] = [
        ['outputs', got.outputs, want.outputs],
        ['hN', got.hN, want.hN],
        ['dx', got.dx, want.dx],
        ['dh0', got.dh0, want.dh0],
        ['dWih', got.dWih, want.dWih],
        ['dWhh', got.dWhh, want.dWhh],
        ['dbih', got.dbih, want.dbih],
        ['dbhh', got.dbhh, want.dbhh],
        ['gradNorm', got.gradNorm, want.gradNorm],
      ];
      if (cell === 'lstm') pairs.push(['cN', got.cN, want.cN], ['dc0', got.dc0 ?? undefined, want.dc0]);
      for (const [name, ours, theirs] of pairs) {
        const error = ours ? relativeError(ours, theirs) : Infinity;
        if (!(error <= TOLERANCE))
          failures.push(`I ${c.I} H ${c.H} B ${c.B} T ${c.T} lengths ${c.lengths}: ${name} off by ${error}`);
      }
    }
    expect(wide).toBeGreaterThanOrEqual(CASES_PER_CELL / 3);
    expect(failures).toEqual([]);
  });
});
