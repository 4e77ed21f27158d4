/**
 * Training trajectories against real PyTorch (tests/fixtures/torch/train-*.json, from
 * scripts/torch-fixtures.py): the same initial weights and batches, 30 steps of Adam with
 * clip_grad_norm_, then 30 of SGD with momentum. The trainer draws its own weights and batches, so this
 * drives the pieces its trainStep uses, in its order and with its production code: forward, headForward,
 * zeroGradients, headBackward, backward without dL/dx, clipGradients over every parameter (head included),
 * then the optimiser's step. Every loss, every pre-clipping gradient norm and every final weight must
 * equal PyTorch's to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import type { ClipConfig } from '../../engine/clip.ts';
import { clipGradients } from '../../engine/clip.ts';
import { createHeadWorkspace, headBackward, headForward } from '../../engine/head.ts';
import { zeroGradients } from '../../engine/model.ts';
import { createOptimizer } from '../../engine/optim.ts';
import { backward, ensureWorkspace, forward, type RecurrentWorkspace } from '../../engine/recurrent.ts';
import {
  maxError,
  modelFromStateDict,
  readTorchFixtures,
  type TrainFixture,
  toBatch,
} from './torchFixtures.ts';

const TOLERANCE = 1e-9;
const trajectories = readTorchFixtures<TrainFixture>('train-');

/** Runs the fixture's phases in the engine; returns the loss and gradient norm of every step. */
function train(fixture: TrainFixture) {
  const model = modelFromStateDict(fixture.cell, fixture.initialStateDict);
  const batches = fixture.batches.map((b) => toBatch(b.x, b.lengths, b.target));
  const head = createHeadWorkspace(model.head.outputSize);
  let workspace: RecurrentWorkspace | undefined;
  const losses: number[] = [];
  const gradNorms: number[] = [];
  let clipped = 0;
  for (const phase of fixture.phases) {
    const optimizer = createOptimizer(phase.optimizer, model.params);
    const clip: ClipConfig =
      phase.maxNorm === null ? { kind: 'none' } : { kind: 'norm', maxNorm: phase.maxNorm };
    for (let k = 0; k < phase.steps; k++) {
      const batch = batches[losses.length % batches.length]!;
      workspace = ensureWorkspace(workspace, model.layers[0]!, batch.batchSize, batch.steps);
      const { outputs } = forward(model.layers[0]!, batch, { workspace });
      const result = headForward(model.head, outputs, batch.target, head);
      zeroGradients(model);
      const dHs = new Float64Array(outputs.length);
      headBackward(model.head, outputs, batch.target, head, dHs);
      backward(model.layers[0]!, workspace, dHs, { inputGradient: false });
      const report = clipGradients(model.params, clip);
      if (report.fired) clipped++;
      optimizer.step(phase.learningRate);
      losses.push(result.loss);
      gradNorms.push(report.normBefore);
    }
  }
  return { model, losses, gradNorms, clipped };
}

describe('training against PyTorch', () => {
  it('has a many-to-one and a many-to-many trajectory', () => {
    expect(trajectories.map(([, f]) => f.mapping).sort()).toEqual(['many-to-many', 'many-to-one']);
  });

  describe.each(trajectories)('%s', (_, fixture) => {
    it('gives PyTorch’s loss at every step and its final weights, to 1e-9', () => {
      const { model, losses, gradNorms, clipped } = train(fixture);
      const { expected } = fixture;
      expect(losses).toHaveLength(60);
      // Clipping must have both fired and not fired in the Adam phase for the trajectory to test it.
      const adamSteps = fixture.phases[0]!.steps;
      expect(clipped).toBeGreaterThan(0);
      expect(clipped).toBeLessThan(adamSteps);
      expect(maxError(losses, expected.losses)).toBeLessThanOrEqual(TOLERANCE);
      expect(maxError(gradNorms, expected.gradNorms)).toBeLessThanOrEqual(TOLERANCE);
      for (const param of model.params) {
        expect(maxError(param.w, expected.finalStateDict[param.name]!), param.name).toBeLessThanOrEqual(
          TOLERANCE,
        );
      }
      // The weights moved: a trajectory that stood still would pass without testing the optimisers.
      const initial = fixture.initialStateDict;
      expect(maxError(model.params[0]!.w, initial[model.params[0]!.name]!)).toBeGreaterThan(1e-3);
    });
  });
});
