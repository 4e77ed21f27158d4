import { memo, type RefObject, useId, useMemo, useState } from 'react';
import type { Span } from '../../../engine/lab/hypotheses';
import type { RankedUnit } from '../../../engine/lab/rankUnits';
import type { AnyTrace } from '../../../engine/lab/trace';
import { HYPOTHESES, hypothesisSignals, spanSignal } from '../../engine';
import {
  constantSignalMessage,
  correlationWords,
  HYPOTHESIS_LABELS,
  type HypothesisChoice,
  rankedName,
} from './findUnitText';
import { selectedSpan } from './passageLayout';
import { KIND_NAMES } from './unitScale';
import { useRanking } from './useRanking';

export interface FindUnitProps {
  readonly trace: AnyTrace;
  readonly text: string;
  readonly characters: readonly string[];
  readonly spans: readonly Span[];
  readonly onSpansChange: (spans: readonly Span[]) => void;
  /** The coloured passage, where the student selects text to mark. */
  readonly textRef: RefObject<HTMLElement | null>;
  /** Colours the text by `unit` and draws `signal` under it. */
  readonly onShow: (unit: RankedUnit, signal: Float64Array, label: string) => void;
}

const shown = 5;

/** "Find a unit for…": rank every unit of every series by its correlation with a hypothesis or marked spans. */
export const FindUnit = memo(function FindUnit({
  trace,
  text,
  characters,
  spans,
  onSpansChange,
  textRef,
  onShow,
}: FindUnitProps) {
  const headingId = useId();
  const [choice, setChoice] = useState<HypothesisChoice>('insideQuotes');
  const [markProblem, setMarkProblem] = useState<string | null>(null);
  const signals = useMemo(() => hypothesisSignals(text), [text]);
  const signal = useMemo(
    () => (choice === 'marked' ? spanSignal(trace.steps, spans) : signals[choice]),
    [choice, signals, spans, trace.steps],
  );
  const problem = constantSignalMessage(choice, signal, spans);
  const ranked = useRanking(trace, problem === null ? signal : null, trace.kinds, shown);
  const label = HYPOTHESIS_LABELS[choice];
  const searchedNames = trace.kinds.map((one) => `${KIND_NAMES[one]} ${one}`).join(', ');

  const mark = () => {
    const span = selectedSpan(textRef.current);
    if (span === null) {
      setMarkProblem('Select some characters in the coloured passage first, then press Mark.');
      return;
    }
    setMarkProblem(null);
    if (!spans.some(([start, end]) => start === span[0] && end === span[1])) onSpansChange([...spans, span]);
    window.getSelection()?.removeAllRanges();
    setChoice('marked');
  };

  return (
    <section className="inside-find" aria-labelledby={headingId}>
      <h3 id={headingId}>Find a unit for…</h3>
      <div className="inside-find-controls">
        <label>
          Hypothesis{' '}
          <select value={choice} onChange={(event) => setChoice(event.target.value as HypothesisChoice)}>
            {[...HYPOTHESES, 'marked' as const].map((option) => (
              <option key={option} value={option}>
                {HYPOTHESIS_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        {/* Pressing the button must not clear the selection it reads. */}
        <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={mark}>
          Mark the selected text
        </button>
      </div>
      {markProblem && (
        <p className="inside-problem" role="alert">
          {markProblem}
        </p>
      )}
      {spans.length > 0 && (
        <ul className="inside-spans" aria-label="Marked spans">
          {spans.map(([start, end]) => (
            <li key={`${start}-${end}`}>
              Characters {start + 1}–{end}: “{characters.slice(start, Math.min(end, start + 24)).join('')}
              {end - start > 24 ? '…' : ''}”{' '}
              <button
                type="button"
                aria-label={`Remove the mark on characters ${start + 1} to ${end}`}
                onClick={() => onSpansChange(spans.filter((one) => one[0] !== start || one[1] !== end))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem !== null ? (
        <p className="inside-note" role="status">
          {problem}
        </p>
      ) : (
        <>
          <p className="inside-note">
            The {shown} units that follow “{label}” most closely, searched in every series ({searchedNames})
            of every layer, by Pearson’s correlation r over the passage (1 or −1: in perfect step; 0:
            unrelated).
          </p>
          {ranked === null && (
            <p className="inside-note" role="status">
              Ranking every unit against “{label}”…
            </p>
          )}
          {ranked?.every((one) => one.r === 0) && (
            <p className="inside-note" role="status">
              No unit changes along the passage, so none follows the hypothesis: train longer first.
            </p>
          )}
          <ol className="inside-ranking">
            {ranked?.map((one) => (
              <li key={`${one.layer}-${one.kind}-${one.unit}`}>
                <span>
                  {rankedName(one, trace.layers.length)}: {correlationWords(one, choice)}
                </span>{' '}
                <button
                  type="button"
                  aria-label={`Show ${rankedName(one, trace.layers.length)}`}
                  onClick={() => onShow(one, signal, label)}
                >
                  Show
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
});
