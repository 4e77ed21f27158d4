import { type ReactNode, useId, useState } from 'react';
import { RichText } from './RichText';
import type { Result } from './scoring';

const ICON = { right: '✓', partly: '◐', wrong: '✗' } as const;

export interface FeedbackNote {
  readonly key: string;
  /** What the note is about, e.g. the chosen choice's text. */
  readonly about: string;
  readonly text: string;
  readonly mark?: 'right' | 'wrong';
}

/**
 * The verdict of an attempt, the notes on what was chosen, and why the right answer is right. Given a
 * `hint`, the explanation waits behind a button and the hint comes first, so that a retry after a wrong
 * answer still means something.
 */
export function Feedback({
  result,
  notes,
  explanation,
  hint,
  children,
}: {
  readonly result: Result;
  readonly notes: readonly FeedbackNote[];
  /** Left out while the learner still has to work out the reason (a predict question's explain step). */
  readonly explanation: string | null;
  readonly hint?: string;
  readonly children?: ReactNode;
}) {
  const [solutionShown, setSolutionShown] = useState(false);
  const solutionId = useId();
  const withheld = hint !== undefined && !solutionShown;
  return (
    <div className={`feedback feedback-${result.verdict}`}>
      <p className="feedback-verdict">
        <span className="feedback-icon" aria-hidden="true">
          {ICON[result.verdict]}
        </span>{' '}
        {result.summary}
      </p>
      {notes.length > 0 && (
        <ul className="feedback-notes">
          {notes.map((note) => (
            <li key={note.key} className={note.mark ? `note-${note.mark}` : undefined}>
              <span className="feedback-about">
                <RichText text={note.about} />
              </span>{' '}
              <RichText text={note.text} />
            </li>
          ))}
        </ul>
      )}
      {children}
      {hint !== undefined && (
        <>
          <p className="feedback-hint">
            <strong>Hint: </strong>
            <RichText text={hint} /> Try again with it, or read the worked solution.
          </p>
          <button
            type="button"
            className="button-quiet"
            aria-expanded={solutionShown}
            aria-controls={solutionId}
            onClick={() => setSolutionShown((shown) => !shown)}
          >
            {solutionShown ? 'Hide the worked solution' : 'Show the worked solution'}
          </button>
        </>
      )}
      <div id={solutionId} hidden={withheld}>
        {!withheld && explanation !== null && (
          <p className="feedback-explanation">
            <strong>{hint === undefined ? 'Why: ' : 'Worked solution: '}</strong>
            <RichText text={explanation} />
          </p>
        )}
      </div>
    </div>
  );
}
