import type { ReactNode } from 'react';
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

/** The verdict of an attempt, the notes on what was chosen, and why the right answer is right. */
export function Feedback({
  result,
  notes,
  explanation,
  children,
}: {
  readonly result: Result;
  readonly notes: readonly FeedbackNote[];
  readonly explanation: string;
  readonly children?: ReactNode;
}) {
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
      <p className="feedback-explanation">
        <strong>Why: </strong>
        <RichText text={explanation} />
      </p>
    </div>
  );
}
