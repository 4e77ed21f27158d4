/**
 * A run is probed with every snapshot (ten a second). The probe keeps one workspace per run, so that
 * probing does not ask for a new WebAssembly memory each time: a lesson page with many training workers
 * ran out of them in Chromium, and a worker refused one trained on the JavaScript kernels, three times
 * slower. Reusing the workspace must not change what a probe reads.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { taskConfig } from '../../engine/tasks/task.ts';
import { createTrainer } from '../../engine/trainer.ts';
import { DEFAULT_TRAINER_CONFIG, type TrainerConfig } from '../../engine/trainerConfig.ts';
import { takeProbe } from '../../engine/worker/runProbe.ts';
import { spyOnMemory } from './memorySpy.ts';

const config: TrainerConfig = {
  ...DEFAULT_TRAINER_CONFIG,
  cell: 'lstm',
  layers: 2,
  task: taskConfig('recall', { lag: 4, symbols: 4, distractors: 1, heldOutSize: 16 }),
  hiddenSize: 6,
  batchSize: 4,
};

afterEach(() => vi.restoreAllMocks());

describe('probes of a run', () => {
  it('take no new WebAssembly memory after the first, whatever the layer', () => {
    const trainer = createTrainer(config);
    trainer.trainStep();
    takeProbe(trainer);
    const memory = spyOnMemory();
    for (let probe = 0; probe < 20; probe++) {
      trainer.trainStep();
      takeProbe(trainer, probe % 2);
    }
    expect(memory).not.toHaveBeenCalled();
  });

  it('read the same gates and Jacobian norms as a probe on a fresh run with the same weights', () => {
    const probed = createTrainer(config);
    const fresh = createTrainer(config);
    for (let step = 0; step < 5; step++) {
      probed.trainStep();
      fresh.trainStep();
      takeProbe(probed, 0);
      takeProbe(probed, 1);
    }
    // `fresh` was never probed, so its first probe lays out a new workspace.
    expect(takeProbe(probed)).toEqual(takeProbe(fresh));
    expect(takeProbe(probed, 0)).toEqual(takeProbe(fresh, 0));
  });
});
