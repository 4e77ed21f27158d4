import { useEffect, useId, useState } from 'react';
import type { ExplainStep } from '../lessonTypes';
import { ChoiceList } from './ChoiceList';
import { RichText } from './RichText';

export interface ReasonPickerProps {
  readonly explain: ExplainStep;
  /** The reason already picked for this attempt (saved), or undefined while none is. */
  readonly picked: string | undefined;
  readonly onPick: (reason: string) => void;
}

/**
 * The "explain" of predict, observe, explain: after the outcome is shown, the learner picks the reason
 * for it and checks it once per attempt; the verdict and the picked reason's feedback follow.
 */
export function ReasonPicker({ explain, picked, onPick }: ReasonPickerProps) {
  const [draft, setDraft] = useState(picked ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const legendId = useId();
  const checked = picked !== undefined;
  const chosen = explain.choices.find((choice) => choice.id === (picked ?? draft));
  const right = explain.choices.find((choice) => choice.id === explain.answer);

  useEffect(() => {
    if (picked !== undefined) setDraft(picked);
  }, [picked]);

  const check = () => {
    if (!explain.choices.some((choice) => choice.id === draft)) {
      setMessage('Choose a reason first.');
      return;
    }
    setMessage(null);
    onPick(draft);
  };

  return (
    <section className="reason-picker" aria-labelledby={legendId}>
      <fieldset disabled={checked} className="question-fieldset">
        <legend id={legendId} className="question-legend">
          <span className="question-meta">Explain what you observed</span>{' '}
          <span className="question-prompt">
            <RichText text={explain.prompt} />
          </span>
        </legend>
        <ChoiceList
          type="radio"
          choices={explain.choices}
          selected={draft ? [draft] : []}
          onChange={(ids) => {
            setDraft(ids[0] ?? '');
            setMessage(null);
          }}
          marks={checked ? { [picked]: picked === explain.answer ? 'right' : 'wrong' } : undefined}
        />
      </fieldset>
      {!checked && (
        <div className="question-actions">
          <button type="button" className="button-primary" onClick={check}>
            Check my reason
          </button>
        </div>
      )}
      <div className="question-status" aria-live="polite">
        {message && <p className="question-message">{message}</p>}
        {checked && chosen && (
          <div className={`feedback feedback-${picked === explain.answer ? 'right' : 'wrong'}`}>
            <p className="feedback-verdict">
              <span className="feedback-icon" aria-hidden="true">
                {picked === explain.answer ? '✓' : '✗'}
              </span>{' '}
              {picked === explain.answer ? 'That is the reason.' : 'Not that reason.'}
            </p>
            <p>
              <RichText text={chosen.feedback} />
            </p>
            {right && right !== chosen && (
              <p>
                <strong>The reason: </strong>
                <RichText text={right.text} /> <RichText text={right.feedback} />
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
