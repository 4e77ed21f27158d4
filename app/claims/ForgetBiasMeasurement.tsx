import type { TrainerConfig } from '../../engine/trainerConfig';
import { LossChart } from '../figures/charts/LossChart';
import { SeedDotPlot } from '../figures/charts/SeedDotPlot';
import { useRuns } from '../live/useRuns';
import { useStopOnUnmount } from '../live/useStopOnUnmount';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
import { isBusy } from '../widgets/liveRuns';
import {
  type BiasResult,
  biasColors,
  biasResult,
  FORGET_BIAS_SETUP,
  FORGET_BIAS_SLOTS,
  forgetBiasConfig,
  forgetBiasDotGroups,
  forgetBiasSlot,
  forgetBiasVerdict,
  formatAccuracy,
  meanAccuracyCurve,
} from './forgetBias';

/** "Adam at learning rate 0.01, batch 32, global-norm clipping at 1": read from the configuration itself. */
export function describeTraining(config: TrainerConfig): string {
  const optimizer = { sgd: 'plain SGD', momentum: 'SGD with momentum', adam: 'Adam' }[config.optimizer.kind];
  const clip =
    config.clip.kind === 'norm'
      ? `global-norm clipping at ${config.clip.maxNorm}`
      : config.clip.kind === 'value'
        ? `value clipping at ${config.clip.maxValue}`
        : 'no clipping';
  return `${optimizer} at learning rate ${config.learningRate}, batch ${config.batchSize}, ${clip}`;
}

function cellText(result: BiasResult, run: RunState | undefined): string {
  if (!run) return '–';
  if (!result.over) return `training, step ${run.stepCount} of ${FORGET_BIAS_SETUP.steps}`;
  if (result.accuracy === null) return run.problem ?? run.divergence?.message ?? 'did not finish';
  const reached = result.reached90 === null ? 'never reached 90%' : `90% by step ${result.reached90}`;
  return `${formatAccuracy(result.accuracy)} (${reached})`;
}

/**
 * The forget-bias claim measured live: an LSTM on recall trained with forget bias 1 and 0 on each seed
 * (all runs at once, one worker each), their held-out accuracy per seed, and the mean curves.
 */
export function ForgetBiasMeasurement() {
  const { seeds, biases, steps, lag, symbols, distractors, hiddenSize } = FORGET_BIAS_SETUP;
  const runs = useRuns(FORGET_BIAS_SLOTS);
  useStopOnUnmount(FORGET_BIAS_SLOTS);
  const bySlot = new Map(runs.map((run) => [run.slot, run]));
  const runOf = (bias: number, seed: number) => bySlot.get(forgetBiasSlot(bias, seed));
  const results = biases.flatMap((bias) => seeds.map((seed) => biasResult(bias, seed, runOf(bias, seed))));
  const resultOf = (bias: number, seed: number) =>
    results.find((result) => result.bias === bias && result.seed === seed)!;
  const busy = runs.some(isBusy);
  const verdict = forgetBiasVerdict(results);
  const done = results.filter((result) => result.over).length;

  const measure = () => {
    const { startRun } = useStore.getState();
    for (const bias of biases) {
      for (const seed of seeds) {
        startRun(forgetBiasSlot(bias, seed), forgetBiasConfig(bias, seed), {
          maxSteps: steps,
          speed: { kind: 'max' },
        });
      }
    }
  };
  const stop = () => {
    for (const slot of FORGET_BIAS_SLOTS) useStore.getState().stopRun(slot);
  };
  const series = biases.map((bias) => ({
    id: `forget-bias-${bias}`,
    label: `Forget bias ${bias}`,
    color: biasColors[bias],
    points: meanAccuracyCurve(seeds.map((seed) => runOf(bias, seed))),
  }));

  return (
    <section className="live-panel" aria-label="Forget-gate bias measurement">
      <h3>An LSTM with forget bias 1 and with bias 0, on {seeds.length} seeds</h3>
      <div className="widget-buttons">
        <button type="button" className="primary" onClick={measure} disabled={busy}>
          {busy ? 'Measuring…' : runs.length > 0 ? 'Measure again' : 'Measure it'}
        </button>
        <button type="button" onClick={stop} disabled={!busy}>
          Stop
        </button>
      </div>
      <p className="widget-status" aria-live="polite">
        {runs.length === 0 ? 'Not measured yet.' : `${done} of ${results.length} runs done.`}
      </p>
      {verdict && <p className="widget-result">{verdict}</p>}
      <div className="claim-table-wrapper">
        <table className="claim-table">
          <caption>Held-out accuracy after {steps} training steps, per seed</caption>
          <thead>
            <tr>
              <th scope="col">Seed</th>
              {biases.map((bias) => (
                <th scope="col" key={bias}>
                  Forget bias {bias}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {seeds.map((seed) => (
              <tr key={seed}>
                <th scope="row">{seed}</th>
                {biases.map((bias) => (
                  <td key={bias}>{cellText(resultOf(bias, seed), runOf(bias, seed))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SeedDotPlot
        title={`Held-out accuracy after ${steps} steps, one dot per seed`}
        description={
          verdict ??
          `Each dot is one run's held-out accuracy at the end, seeds ${seeds.join(', ')} side by side; guessing scores ${formatAccuracy(1 / symbols)}.`
        }
        groups={forgetBiasDotGroups(results)}
        yDomain={[0, 100]}
        yLabel="Held-out accuracy (%)"
        xLabel="Forget bias"
        format={(value) => `${Math.round(value)}%`}
        reference={{ value: 100 / symbols, label: `chance ${formatAccuracy(1 / symbols)}` }}
        emptyMessage="Press Measure it: each run's held-out accuracy appears here as a dot when it finishes."
        exportName="forget-bias-seeds"
      />
      <LossChart
        title="Held-out accuracy, mean over the seeds"
        series={series.filter((entry) => entry.points.length > 0)}
        yLabel="Accuracy"
        quantity="held-out accuracy"
        scale="linear"
        smooth={false}
        emptyMessage="Press Measure it: the mean held-out accuracy of each bias appears here as the runs train."
        exportName="forget-bias-accuracy"
      />
      <p className="widget-config">
        Configuration: an LSTM with {hiddenSize} hidden units on recall (one of {symbols} symbols, a gap of{' '}
        {lag} steps with {distractors} distractor symbols, 256 held-out sequences);{' '}
        {describeTraining(forgetBiasConfig(1, 1))}; {steps} steps; PyTorch initialisation with the forget
        gate's total bias set to 1 or 0; seeds {seeds.join(', ')} (each seed gives both biases the same
        weights and batches).
      </p>
    </section>
  );
}
