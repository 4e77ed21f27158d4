/**
 * A probe of a run: the model's gates and states on one held-out sequence, with the norms of the
 * Jacobian products ||dh_T/dh_t||. Reads the model, changes nothing, and does not touch the training
 * random stream, so probing never changes a run's results.
 */

import { gateActivations, jacobianNorms } from '../probes.ts';
import { ensureStackWorkspace, type StackWorkspace, stackForward } from '../stack.ts';
import type { Trainer } from '../trainer.ts';
import type { Probe } from './protocol.ts';

/** Labels for what was fed at each step: the active one-hot channel's name, or the values themselves. */
function stepLabels(x: Float64Array, steps: number, inputSize: number, names: readonly string[]): string[] {
  const labels: string[] = [];
  for (let t = 0; t < steps; t++) {
    let best = -1;
    let bestValue = 0;
    let ones = 0;
    for (let i = 0; i < inputSize; i++) {
      const value = x[t * inputSize + i]!;
      if (value !== 0) ones += value === 1 ? 1 : 2;
      if (Math.abs(value) > bestValue) {
        bestValue = Math.abs(value);
        best = i;
      }
    }
    if (ones === 1 && best >= 0) labels.push(names[best] ?? String(best));
    else if (ones === 0) labels.push('·');
    else
      labels.push(Array.from(x.subarray(t * inputSize, (t + 1) * inputSize), (v) => v.toFixed(2)).join(' '));
  }
  return labels;
}

/**
 * Each run's probe workspace, kept from one probe to the next. A run is probed with every snapshot, and a
 * new workspace each time would mean a new WebAssembly memory each time: dozens per run, which a page
 * of many training workers cannot all have at once (Chromium then refuses new memories, and a worker
 * that asks for one falls back to the JavaScript kernels, about three times slower).
 */
const probeWorkspaces = new WeakMap<Trainer, StackWorkspace>();

/**
 * Takes a probe of recurrent layer `layer` (0 = bottom, clamped to the model's layers; default the top)
 * on the first sequence of the held-out set.
 */
export function takeProbe(trainer: Trainer, layer?: number): Probe {
  const { model, task } = trainer;
  const heldOut = task.heldOut();
  const I = heldOut.inputSize;
  const T = heldOut.lengths[0]!;
  const x = heldOut.x.slice(0, T * I);
  const input = { batchSize: 1, steps: T, inputSize: I, x, lengths: Int32Array.of(T) };
  const L = model.layers.length;
  const k = layer !== undefined && Number.isInteger(layer) ? Math.max(0, Math.min(L - 1, layer)) : L - 1;
  const kept = ensureStackWorkspace(probeWorkspaces.get(trainer), model.layers, 1, T);
  probeWorkspaces.set(trainer, kept);
  const { workspace } = stackForward(model.layers, input, { workspace: kept });
  const params = model.layers[k]!;
  const { cell, hiddenSize: H } = params;
  const layerWorkspace = workspace.layers[k]!;
  const { steps: _steps, hiddenSize: _hidden, cell: _cell, ...gates } = gateActivations(layerWorkspace, 0);
  return {
    step: trainer.stepCount,
    cell,
    layer: k,
    layers: L,
    steps: T,
    hiddenSize: H,
    gates,
    inputLabels: stepLabels(x, T, I, task.inputLabels),
    jacobianNorms: jacobianNorms(params, layerWorkspace, 0),
  };
}
