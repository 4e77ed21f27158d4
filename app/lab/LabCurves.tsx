import { useMemo, useState } from 'react';
import { LossChart, type LossScale, type LossSeries } from '../figures/charts/LossChart';
import { formatNumber } from '../shared/format';
import type { LabHistory } from '../store/labSlice';
import type { RunState } from '../store/runsSlice';

/** The two curves' data: the restored model's record, then this run's steps after it. */
export function labCurveData(run: RunState | undefined, history: LabHistory | null) {
  const offset = history?.stepOffset ?? 0;
  const loss: { step: number; value: number }[] = [];
  const perplexity: { step: number; value: number }[] = [];
  if (history) {
    for (let i = 0; i < history.steps.length; i++)
      loss.push({ step: history.steps[i]!, value: history.loss[i]! });
    for (const entry of history.evaluations) perplexity.push({ step: entry.step, value: entry.perplexity });
  }
  if (run) {
    const { steps, loss: values } = run.history;
    for (let i = 0; i < steps.length; i++) loss.push({ step: steps[i]! + offset, value: values[i]! });
    for (const evaluation of run.evaluations) {
      // A restored model's first evaluation repeats the last one it was saved with.
      if (evaluation.perplexity !== undefined && !(history && evaluation.step === 0))
        perplexity.push({ step: evaluation.step + offset, value: evaluation.perplexity });
    }
  }
  return { loss, perplexity };
}

/**
 * Training loss and held-out perplexity of the lab's model, with the unigram and bigram baselines on
 * the same held-out text as reference lines: below the bigram line, the model uses more than the last
 * character.
 */
export function LabCurves({ run, history }: { run: RunState | undefined; history: LabHistory | null }) {
  const [scale, setScale] = useState<LossScale>('linear');
  const [perplexityScale, setPerplexityScale] = useState<LossScale>('log');
  // Keyed on the run's version: its history arrays grow in place.
  const data = useMemo(() => labCurveData(run, history), [run?.version, run, history]);
  const unigram = run?.info?.baseline.value;
  const bigram = run?.info?.references?.[0]?.value;
  const perplexitySeries = useMemo<LossSeries[]>(() => {
    const series: LossSeries[] = [
      // Solid: every point here is held-out, so the chart needs no training/held-out key.
      { id: 'held-out', label: 'held-out', points: data.perplexity },
    ];
    const first = data.perplexity[0]?.step ?? 0;
    const last = Math.max(first + 1, data.perplexity[data.perplexity.length - 1]?.step ?? 1);
    const line = (id: string, label: string, value: number | undefined) => {
      if (value !== undefined)
        series.push({
          id,
          label: `${label} baseline`,
          points: [
            { step: first, value },
            { step: last, value },
          ],
        });
    };
    line('unigram', 'unigram', unigram);
    line('bigram', 'bigram', bigram);
    return series;
  }, [data, unigram, bigram]);
  const lossSeries = useMemo<LossSeries[]>(
    () => [{ id: 'training', label: 'training', points: data.loss }],
    [data],
  );
  const latest = data.perplexity[data.perplexity.length - 1];
  return (
    <div className="lab-curves">
      {latest && (
        <p className="lab-standing" role="status">
          Held-out perplexity {formatNumber(latest.value, 3)} at step {latest.step.toLocaleString('en-US')}
          {bigram !== undefined && unigram !== undefined && (
            <>
              {' '}
              (bigram {formatNumber(bigram, 3)}, unigram {formatNumber(unigram, 3)}):{' '}
              {latest.value < bigram
                ? 'below the bigram line, so it uses more than the last character.'
                : latest.value < unigram
                  ? 'below the unigram line: it has learned which characters are common.'
                  : 'not yet better than counting characters.'}
            </>
          )}
        </p>
      )}
      <LossChart
        title="Held-out perplexity"
        series={perplexitySeries}
        yLabel="Perplexity (characters)"
        quantity="perplexity"
        scale={perplexityScale}
        onScaleChange={setPerplexityScale}
        emptyMessage="Press Train: the held-out perplexity appears at the first evaluation."
      />
      <LossChart
        title="Training loss"
        series={lossSeries}
        yLabel="Cross-entropy loss (nats per character)"
        quantity="loss"
        scale={scale}
        onScaleChange={setScale}
        emptyMessage="Press Train to see the loss fall."
      />
    </div>
  );
}
