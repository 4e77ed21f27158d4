import type { RunState } from '../../../app/store/runsSlice';
import type { Evaluation } from '../../../engine/trainer';
import { DEFAULT_TRAINER_CONFIG } from '../../../engine/trainerConfig';

/** A finished run as the store holds it, with only what a test sets differing from a quiet default. */
export function finishedRun(
  overrides: Partial<RunState> & { metric?: number; loss?: number } = {},
): RunState {
  const { metric = 0.5, loss = 1, ...rest } = overrides;
  const evaluation: Evaluation = { step: 40, loss, metricName: 'accuracy', metric };
  return {
    slot: 'slot',
    runId: 'slot#1',
    config: DEFAULT_TRAINER_CONFIG,
    phase: 'finished',
    info: null,
    stepCount: 40,
    history: { steps: [], loss: [], metric: [], gradNorm: [], clipped: [], learningRate: [] },
    evaluations: [{ ...evaluation, step: 0, metric: 0.1, loss: 3 }, evaluation],
    probe: null,
    gradNormByStep: new Float64Array(0),
    gradRows: [],
    msPerStep: 2,
    paddedShare: 0,
    divergence: null,
    problem: null,
    version: 1,
    ...rest,
  };
}
