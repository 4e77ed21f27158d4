import type { Experiment, PredictQuestion } from '../lessonTypes';
import type { PredictOutcome } from '../store/answers';
import type { RunState } from '../store/runsSlice';
import { formatMeasure, measureLabel, TIE } from './experiment';
import { SamplingResults } from './SamplingResults';

/** Each run's progress while the experiment trains: steps done of the total. */
export function ExperimentProgress({
  experiment,
  runs,
}: {
  readonly experiment: Experiment;
  readonly runs: readonly (RunState | undefined)[];
}) {
  const total = experiment.steps;
  return (
    <ul className="experiment-progress" aria-label="Progress of the experiment">
      {experiment.runs.map((run, index) => {
        const state = runs[index];
        const steps = Math.min(total, state?.stepCount ?? 0);
        const waiting = state === undefined;
        return (
          <li key={run.id}>
            <span className="experiment-run-label">{run.label}</span>
            <progress max={total} value={steps} aria-label={`${run.label}: ${steps} of ${total} steps`} />
            <span className="experiment-steps">
              {waiting ? 'waiting' : `${steps.toLocaleString('en')} / ${total.toLocaleString('en')} steps`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The measured value of each run, the winner marked, and which choice that makes right. */
export function ExperimentResults({
  question,
  outcome,
}: {
  readonly question: PredictQuestion;
  readonly outcome: PredictOutcome;
}) {
  const { experiment } = question;
  if (experiment.kind === 'sampling') return <SamplingResults experiment={experiment} outcome={outcome} />;
  const label = measureLabel(experiment.measure, outcome.metricName);
  const direction = experiment.winner === 'highest' ? 'highest' : 'lowest';
  return (
    <table className="experiment-results">
      <caption>
        Measured here: {label.toLowerCase()} ({direction} wins
        {outcome.winner === TIE ? '; the runs came out about the same' : ''})
      </caption>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">{label}</th>
        </tr>
      </thead>
      <tbody>
        {experiment.runs.map((run) => {
          const value = outcome.values.find((entry) => entry.runId === run.id)?.value ?? null;
          const winner = outcome.winner === run.id;
          return (
            <tr key={run.id} className={winner ? 'experiment-winner' : undefined}>
              <th scope="row">
                {run.label}
                {winner && <span className="experiment-winner-badge"> winner</span>}
              </th>
              <td>
                {value === null
                  ? 'no measurement (the run diverged)'
                  : formatMeasure(experiment.measure, value, outcome.metricName)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
