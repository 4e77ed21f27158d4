import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { Question } from '../lessonTypes';
import { parseNumber } from '../shared/parseNumber';
import { useStore } from '../store';
import type { Answer } from '../store/answers';
import { ChoiceList } from './ChoiceList';
import { emptyAnswer, fittingAnswer } from './drafts';
import { Feedback, type FeedbackNote } from './Feedback';
import { NumericField } from './NumericField';
import { OrderingList } from './OrderingList';
import { PredictCard } from './PredictCard';
import { QuestionFrame } from './QuestionFrame';
import { checkAnswer, type Result } from './scoring';

export interface QuestionCardProps {
  readonly lessonSlug: string;
  readonly question: Question;
  readonly number: number;
  /** Every question id of the quiz, so that the lesson is completed once each is answered. */
  readonly quizQuestionIds: readonly string[];
  /** Asked on the Review page rather than in its lesson (see ReviewMode); not for predict questions. */
  readonly review?: ReviewMode;
}

/**
 * A question asked again in spaced review: it starts blank, its answer moves its review card instead of
 * counting as a lesson attempt, and once checked it offers the next question instead of Try again.
 */
export interface ReviewMode {
  /** Called once, when the answer is checked: right means fully right. */
  readonly onChecked: (right: boolean) => void;
  readonly onNext: () => void;
  /** The label of the button after checking, e.g. "Next question". */
  readonly nextLabel: string;
}

/** One question: inputs by kind, Check, immediate feedback, Hint and Try again; attempts are saved. */
export function QuestionCard(props: QuestionCardProps) {
  if (props.question.kind === 'predict') return <PredictCard {...props} question={props.question} />;
  return <AnswerCard {...props} />;
}

/** What the learner chose, in words, for the feedback. */
function notesFor(question: Question, answer: Answer): FeedbackNote[] {
  if (question.kind === 'single' && answer.kind === 'single') {
    const choice = question.choices.find((candidate) => candidate.id === answer.choice);
    return choice ? [{ key: choice.id, about: `You chose “${choice.text}”:`, text: choice.feedback }] : [];
  }
  if (question.kind === 'multiple' && answer.kind === 'multiple') {
    return question.choices
      .filter((choice) => answer.choices.includes(choice.id))
      .map((choice) => ({
        key: choice.id,
        about: `“${choice.text}”:`,
        text: choice.feedback,
        mark: question.answers.includes(choice.id) ? 'right' : 'wrong',
      }));
  }
  if (question.kind === 'numeric' && answer.kind === 'numeric') {
    const parsed = parseNumber(answer.text, question.unit);
    if (!parsed.ok) return [];
    const read = parsed.value.toLocaleString('en', { maximumSignificantDigits: 10 });
    return [
      { key: 'read', about: 'You answered', text: `${read}${question.unit ? ` ${question.unit}` : ''}.` },
    ];
  }
  return [];
}

function marksFor(question: Question, answer: Answer): Record<string, 'right' | 'wrong'> {
  const chosen =
    answer.kind === 'single' ? [answer.choice] : answer.kind === 'multiple' ? answer.choices : [];
  const right =
    question.kind === 'single' ? [question.answer] : question.kind === 'multiple' ? question.answers : [];
  return Object.fromEntries(chosen.map((id) => [id, right.includes(id) ? 'right' : 'wrong']));
}

function AnswerCard({ lessonSlug, question, number, quizQuestionIds, review }: QuestionCardProps) {
  const recordAnswer = useStore((state) => state.recordAnswer);
  const messageId = useId();
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  // In review the learner recalls the answer afresh, so the saved one is not shown.
  const savedAnswer = () =>
    review ? null : useStore.getState().progress.lessons[lessonSlug]?.questions[question.id]?.lastAnswer;
  const [draft, setDraft] = useState<Answer>(
    () => fittingAnswer(question, savedAnswer()) ?? emptyAnswer(question),
  );
  // A saved last answer is shown checked, with its feedback, as the learner left it.
  const [result, setResult] = useState<Result | null>(() => {
    const fitting = fittingAnswer(question, savedAnswer());
    const checked = fitting ? checkAnswer(question, fitting) : null;
    return checked?.ok ? checked.result : null;
  });
  const [message, setMessage] = useState<string | null>(null);
  const [refocus, setRefocus] = useState(false);

  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    fieldsetRef.current?.querySelector<HTMLElement>('input:not(:disabled), button:not(:disabled)')?.focus();
  }, [refocus]);

  const change = (next: Answer) => {
    setDraft(next);
    setMessage(null);
  };
  const check = () => {
    const checked = checkAnswer(question, draft);
    if (!checked.ok) {
      setMessage(checked.message);
      return;
    }
    setMessage(null);
    setResult(checked.result);
    if (review) review.onChecked(checked.result.score >= 1);
    else recordAnswer(lessonSlug, question.id, draft, checked.result.score, quizQuestionIds);
  };
  const retry = () => {
    setResult(null);
    setRefocus(true);
  };

  let inputs: ReactNode = null;
  if (question.kind === 'single' && draft.kind === 'single') {
    inputs = (
      <ChoiceList
        type="radio"
        choices={question.choices}
        selected={draft.choice ? [draft.choice] : []}
        onChange={(ids) => change({ kind: 'single', choice: ids[0] ?? '' })}
        marks={result ? marksFor(question, draft) : undefined}
      />
    );
  } else if (question.kind === 'multiple' && draft.kind === 'multiple') {
    inputs = (
      <ChoiceList
        type="checkbox"
        choices={question.choices}
        selected={draft.choices}
        onChange={(ids) => change({ kind: 'multiple', choices: ids })}
        marks={result ? marksFor(question, draft) : undefined}
      />
    );
  } else if (question.kind === 'numeric' && draft.kind === 'numeric') {
    inputs = (
      <NumericField
        value={draft.text}
        unit={question.unit}
        onChange={(text) => change({ kind: 'numeric', text })}
        onEnter={check}
        invalid={message !== null}
        errorId={messageId}
      />
    );
  } else if (question.kind === 'ordering' && draft.kind === 'ordering') {
    inputs = (
      <OrderingList
        items={question.items}
        order={draft.order}
        onChange={(order) => change({ kind: 'ordering', order })}
        correct={result ? question.items.map((item) => item.id) : undefined}
      />
    );
  }

  return (
    <QuestionFrame
      lessonSlug={lessonSlug}
      question={question}
      number={number}
      total={quizQuestionIds.length}
      locked={result !== null}
      fieldsetRef={fieldsetRef}
      actions={
        // One button whose job changes, so keyboard focus stays on it after Check.
        <button type="button" className="button-primary" onClick={result ? (review?.onNext ?? retry) : check}>
          {result ? (review?.nextLabel ?? 'Try again') : 'Check'}
        </button>
      }
      status={
        message ? (
          <p id={messageId} className="question-message">
            {message}
          </p>
        ) : result ? (
          <Feedback
            result={result}
            notes={notesFor(question, draft)}
            explanation={question.explanation}
            // A wrong number gets the hint first; the worked solution waits until asked for.
            hint={question.kind === 'numeric' && result.verdict !== 'right' ? question.hint : undefined}
          />
        ) : null
      }
    >
      {inputs}
    </QuestionFrame>
  );
}
