import { type ReactNode, type RefObject, useId, useState } from 'react';
import type { Question } from '../lessonTypes';
import { formatPercent } from '../shared/format';
import { useStore } from '../store';
import { RichText } from './RichText';

const KIND_LABEL: Readonly<Record<Question['kind'], string>> = {
  single: 'Choose one answer',
  multiple: 'Choose every answer that applies',
  numeric: 'Type a number',
  ordering: 'Put the items in order',
  predict: 'Predict, then run the experiment',
};

export interface QuestionFrameProps {
  readonly lessonSlug: string;
  readonly question: Question;
  readonly number: number;
  readonly total: number;
  /** Inputs are locked while an attempt's feedback is shown. */
  readonly locked: boolean;
  readonly fieldsetRef: RefObject<HTMLFieldSetElement | null>;
  /** The inputs of the question's kind. */
  readonly children: ReactNode;
  /** Shown under the inputs, outside the live region (e.g. an experiment's progress). */
  readonly details?: ReactNode;
  /** The action buttons (Check / Try again, or the predict flow's). */
  readonly actions: ReactNode;
  /** The live region's content: a message about the input, progress, or the feedback. */
  readonly status: ReactNode;
  /** Shown after the feedback: a follow-up step of the question (a predict question's reason). */
  readonly after?: ReactNode;
}

/**
 * What every question shares: its number and kind, the prompt as the legend of the inputs' fieldset,
 * the actions, a hint on request, a polite live region for feedback, and the saved attempts.
 */
export function QuestionFrame(props: QuestionFrameProps) {
  const {
    lessonSlug,
    question,
    number,
    total,
    locked,
    fieldsetRef,
    children,
    details,
    actions,
    status,
    after,
  } = props;
  const [hintShown, setHintShown] = useState(false);
  const hintId = useId();
  const saved = useStore((state) => state.progress.lessons[lessonSlug]?.questions[question.id]);
  return (
    <li className="question" id={`question-${question.id}`}>
      <fieldset ref={fieldsetRef} disabled={locked} className="question-fieldset">
        <legend className="question-legend">
          <span className="question-meta">
            Question {number} of {total}
            <span aria-hidden="true"> · </span>
            <span className="question-kind">{KIND_LABEL[question.kind]}</span>
          </span>{' '}
          <span className="question-prompt">
            <RichText text={question.prompt} />
          </span>
        </legend>
        {children}
      </fieldset>
      {details}
      <div className="question-actions">
        {actions}
        <button
          type="button"
          className="button-quiet"
          aria-expanded={hintShown}
          aria-controls={hintId}
          onClick={() => setHintShown((shown) => !shown)}
        >
          {hintShown ? 'Hide hint' : 'Hint'}
        </button>
        {saved && saved.attempts > 0 && (
          <span className="question-record">
            {saved.attempts} {saved.attempts === 1 ? 'attempt' : 'attempts'} · best{' '}
            {formatPercent(saved.bestScore)}
          </span>
        )}
      </div>
      <div id={hintId} className="question-hint" hidden={!hintShown}>
        {hintShown && (
          <p>
            <strong>Hint: </strong>
            <RichText text={question.hint} />
          </p>
        )}
      </div>
      <div className="question-status" aria-live="polite">
        {status}
      </div>
      {after}
    </li>
  );
}
