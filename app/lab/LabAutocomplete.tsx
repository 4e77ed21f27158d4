import { useEffect, useId, useState } from 'react';
import { formatPercent } from '../shared/format';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
import { canAnswer } from './LabSamples';

/** How many of the likeliest next characters are drawn. */
const TOP = 8;

/** How a symbol reads on a bar: spaces and line breaks named, since they are invisible. */
export function shownSymbol(symbol: string): string {
  if (symbol === ' ') return '␣ space';
  if (symbol === '\n') return '↵ new line';
  if (symbol === '\t') return '⇥ tab';
  return symbol;
}

interface Bars {
  readonly prefix: string;
  readonly symbols: readonly string[];
  readonly probabilities: readonly number[];
}

/**
 * A box where the student types and sees the model's likeliest next characters as bars. Each keystroke
 * asks the worker; only the newest question waits there (the bridge drops older ones), and the answer
 * is drawn when it comes, so typing never waits for the model.
 */
export function LabAutocomplete({
  slot,
  run,
  initialText,
}: {
  slot: string;
  run: RunState | undefined;
  initialText: string;
}) {
  const ask = useStore((state) => state.askRunModel);
  const [text, setText] = useState(initialText);
  useEffect(() => setText(initialText), [initialText]);
  const [bars, setBars] = useState<Bars | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const boxId = useId();
  const ready = canAnswer(run);
  const step = run?.stepCount ?? 0;
  // Asked again as the model trains (a new step every few snapshots), so the bars follow it.
  const stepBucket = Math.floor(step / 25);

  // biome-ignore lint/correctness/useExhaustiveDependencies: stepBucket refreshes the bars as the model learns.
  useEffect(() => {
    if (!ready || text.length === 0) return;
    let live = true;
    ask(slot, { type: 'distribution', prefix: text, top: TOP }).then(
      (answer) => {
        if (!live || answer === null) return;
        if (answer.kind === 'distribution') {
          setProblem(null);
          setBars({
            prefix: answer.prefix,
            symbols: answer.symbols,
            probabilities: Array.from(answer.probabilities),
          });
        } else if (answer.kind === 'refused') setProblem(answer.message);
      },
      (error: Error) => live && setProblem(error.message),
    );
    return () => {
      live = false;
    };
  }, [ask, slot, text, ready, stepBucket]);

  return (
    <div className="lab-autocomplete">
      <label htmlFor={boxId}>Type, and see what the model expects next</label>
      <textarea
        id={boxId}
        rows={2}
        value={text}
        maxLength={2000}
        onChange={(event) => setText(event.target.value)}
      />
      {!ready && <p className="muted">Train a model (or let a saved one load) to see its guesses.</p>}
      {problem && (
        <p className="run-problem" role="alert">
          {problem}
        </p>
      )}
      {ready && bars && (
        <ol className="lab-bars" aria-label={`Likeliest characters after “${bars.prefix.slice(-30)}”`}>
          {bars.symbols.map((symbol, index) => (
            <li key={symbol}>
              <span className="lab-bar-symbol">{shownSymbol(symbol)}</span>
              <span className="lab-bar-track">
                <span className="lab-bar" style={{ width: `${100 * bars.probabilities[index]!}%` }} />
              </span>
              <span className="lab-bar-value">{formatPercent(bars.probabilities[index]!, 1)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
