import { useEffect, useState } from 'react';
import type { SamplingExperiment } from '../lessonTypes';
import { formatNumber, formatPercent } from '../shared/format';
import type { PredictOutcome } from '../store/answers';
import { experimentSamples, loadTextBigrams } from './bigramSampling';
import { TIE } from './outcome';

/** How much of each sample the table shows: enough to see a loop or a jumble, short enough for a phone. */
const SHOWN_CHARACTERS = 120;
const shown = (text: string) => {
  const characters = Array.from(text);
  return characters.length > SHOWN_CHARACTERS ? `${characters.slice(0, SHOWN_CHARACTERS).join('')}…` : text;
};

/**
 * A sampling experiment's result: each run's measure and its sample itself, so the learner sees what the
 * numbers describe. The samples are drawn again from the experiment's seed, which gives the same text.
 */
export function SamplingResults({
  experiment,
  outcome,
}: {
  readonly experiment: SamplingExperiment;
  readonly outcome: PredictOutcome;
}) {
  const [samples, setSamples] = useState<Readonly<Record<string, string>> | null>(null);
  useEffect(() => {
    let live = true;
    loadTextBigrams(experiment.text)
      .then((bigrams) => {
        if (live)
          setSamples(
            Object.fromEntries(
              experimentSamples(experiment, bigrams).map((entry) => [entry.runId, shown(entry.text)]),
            ),
          );
      })
      .catch(() => {
        if (live) setSamples({});
      });
    return () => {
      live = false;
    };
  }, [experiment]);
  const direction = experiment.winner === 'highest' ? 'highest' : 'lowest';
  return (
    <table className="experiment-results experiment-samples">
      <caption>
        Measured here: distinct 4-character stretches in each sample ({direction} wins
        {outcome.winner === TIE ? '; the samples came out about the same' : ''})
      </caption>
      <thead>
        <tr>
          <th scope="col">Temperature</th>
          <th scope="col">Distinct stretches</th>
          <th scope="col">The sample</th>
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
              <td>{value === null ? 'no measurement' : formatPercent(value, 1)}</td>
              <td className="experiment-sample-cell">
                <samp className="experiment-sample">
                  {samples === null
                    ? 'Drawing the sample…'
                    : (samples[run.id] ?? 'The sample could not be drawn.')}
                </samp>
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className="muted">
            {formatNumber(experiment.length)} characters per sample (the first {SHOWN_CHARACTERS} shown), each
            drawn given the one before it, from the same seed ({experiment.seed}).
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
