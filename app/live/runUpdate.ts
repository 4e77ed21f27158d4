import type { FigureUpdate } from '../figures/frame/FigureNotice';
import type { RunState } from '../store/runsSlice';

/**
 * The update cue of figures drawn from runs: it changes with any run's step count (the figures redraw
 * at most every 125 ms, see useRuns, so the cue does too), and says the furthest step reached.
 * `stepOffset` counts steps a restored model trained before this run (the language lab's).
 */
export function runsUpdate(runs: readonly (RunState | undefined)[], stepOffset = 0): FigureUpdate {
  const started = runs.filter((run): run is RunState => run !== undefined);
  if (started.length === 0) {
    return { key: 'not started', label: 'Not trained yet' };
  }
  const steps = started.map((run) => run.stepCount);
  const furthest = stepOffset + Math.max(...steps);
  return { key: `${started.length}:${steps.join(',')}`, label: `Updated at step ${furthest}` };
}
