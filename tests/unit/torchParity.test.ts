/**
 * Parity with real PyTorch in float64: the fixtures of tests/fixtures/torch (written by
 * scripts/torch-fixtures.py with torch.nn.RNN/LSTM/GRU(num_layers=L, batch_first=True),
 * pack_padded_sequence and autograd) against the engine's stack of layers and head, on both kernels. The
 * loss, outputs, final states [L][B][H] and every gradient (the state dict's of every layer, dL/dx, dL/dh0,
 * dL/dc0) must agree to 1e-12, the stacked fixtures (L = 2 and 3) included (they agree to about 6e-16).
 */
import { describe, expect, it } from 'vitest';
import { createHeadWorkspace, headBackward, headForward } from '../../engine/head.ts';
import { zeroGradients } from '../../engine/model.ts';
import type { DenseKernels } from '../../engine/recurrent.ts';
import { createStackWorkspace, stackBackward, stackForward } from '../../engine/stack.ts';
import { denseKernelAvailable } from '../../engine/wasm/dense.ts';
import {
  type LayerFixture,
  maxError,
  modelFromStateDict,
  readTorchFixtures,
  toBatch,
} from './torchFixtures.ts';

const TOLERANCE = 1e-12;
const all = readTorchFixtures<LayerFixture>('layer-');
const singleLayer = all.filter(([, fixture]) => fixture.numLayers === 1);
const stacked = all.filter(([, fixture]) => fixture.numLayers > 1);
const kernelList: DenseKernels[] = denseKernelAvailable() ? ['wasm', 'js'] : ['js'];

/** The engine's loss, outputs, states and gradients on a fixture, each with its error against PyTorch. */
function errors(fixture: LayerFixture, kernels: DenseKernels): Record<string, number> {
  const { cell, expected } = fixture;
  const model = modelFromStateDict(cell, fixture.stateDict);
  const batch = toBatch(fixture.x, fixture.lengths, fixture.target);
  const { batchSize: B, steps: T } = batch;
  expect(model.layers).toHaveLength(fixture.numLayers);
  const workspace = createStackWorkspace(model.layers, B, T, true, kernels);
  for (const layer of workspace.layers) expect(layer.kernels).toBe(kernels);
  const state = (value: number[][][] | null) => (value ? Float64Array.from(value.flat(2)) : undefined);
  const out = stackForward(model.layers, batch, {
    workspace,
    h0: state(fixture.h0),
    c0: state(fixture.c0),
  });
  const head = createHeadWorkspace(model.head.outputSize);
  const { loss } = headForward(model.head, out.outputs, batch.target, head);
  const found: Record<string, number> = {
    loss: Math.abs(loss - expected.loss),
    outputs: maxError(out.outputs, expected.outputs),
    hN: maxError(out.hN, expected.hN),
  };
  if (cell === 'lstm') found.cN = maxError(out.cN!, expected.cN!);
  zeroGradients(model);
  const dHs = new Float64Array(out.outputs.length);
  headBackward(model.head, out.outputs, batch.target, head, dHs);
  const grads = stackBackward(model.layers, workspace, dHs);
  expect(model.params.map((param) => param.name)).toEqual(Object.keys(expected.grads));
  for (const param of model.params) found[param.name] = maxError(param.dw, expected.grads[param.name]!);
  found.dx = maxError(grads.dx, expected.dx);
  found.dh0 = maxError(grads.dh0, expected.dh0);
  if (cell === 'lstm') found.dc0 = maxError(grads.dc0!, expected.dc0!);
  return found;
}

describe('PyTorch float64 fixtures', () => {
  it('are all there: nine single-layer cases (plain, ragged, wide per cell) and six stacked ones', () => {
    expect(singleLayer.map(([name]) => name)).toHaveLength(9);
    expect(all.filter(([, fixture]) => fixture.numLayers > 1)).toHaveLength(6);
    expect(
      singleLayer.some(([, f]) => f.inputSize > { rnn: 1, lstm: 4, gru: 3 }[f.cell] * f.hiddenSize),
    ).toBe(true);
  });

  describe.each(singleLayer)('%s', (_, fixture) => {
    it.each(kernelList)('matches PyTorch to 1e-12 in the loss and every gradient (%s kernels)', (kernels) => {
      const found = errors(fixture, kernels);
      const over = Object.entries(found).filter(([, error]) => !(error <= TOLERANCE));
      expect(over).toEqual([]);
    });
  });

  describe.each(stacked)('%s', (_, fixture) => {
    it.each(kernelList)(
      'matches PyTorch to 1e-12 in the outputs, the final states of every layer and every gradient (%s kernels)',
      (kernels) => {
        const found = errors(fixture, kernels);
        expect(Object.keys(found)).toContain(`weight_hh_l${fixture.numLayers - 1}`);
        const over = Object.entries(found).filter(([, error]) => !(error <= TOLERANCE));
        expect(over).toEqual([]);
      },
    );
  });
});
