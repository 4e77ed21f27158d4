import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { PredictQuestion } from '../lessonTypes';
import { useStore } from '../store';
import type { AnswerOf, PredictOutcome } from '../store/answers';
import { ChoiceList } from './ChoiceList';
import { fittingAnswer } from './drafts';
import { ExperimentProgress, ExperimentResults } from './ExperimentViews';
import { Feedback } from './Feedback';
import { QuestionFrame } from './QuestionFrame';
import { ReasonPicker } from './ReasonPicker';
import { RichText } from './RichText';
import { explainApplies, scorePredict } from './scoring';
import { useExperiment } from './useExperiment';

type Stage = 'choosing' | 'locked' | 'answered';

/** What will run, in one line under the experiment's description. */
function experimentLine(experiment: PredictQuestion['experiment']): string {
  const runs = experiment.runs.map((run) => run.label).join(' vs ');
  return experiment.kind === 'sampling'
    ? `${runs} · ${experiment.length} characters each, sampled here in your browser.`
    : `${runs} · ${experiment.steps} training steps each, trained here in your browser.`;
}

export interface PredictCardProps {
  readonly lessonSlug: string;
  readonly question: PredictQuestion;
  readonly number: number;
  readonly quizQuestionIds: readonly string[];
}

/**
 * Predict, then run: the learner chooses, locks the prediction in, then runs the experiment in the
 * engine; the measurements decide which choice was right.
 */
export function PredictCard({ lessonSlug, question, number, quizQuestionIds }: PredictCardProps) {
  const recordAnswer = useStore((state) => state.recordAnswer);
  const amendAnswer = useStore((state) => state.amendAnswer);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const saved = useRef<AnswerOf<PredictQuestion> | null>(
    fittingAnswer(
      question,
      useStore.getState().progress.lessons[lessonSlug]?.questions[question.id]?.lastAnswer,
    ),
  ).current;
  const [choice, setChoice] = useState(saved?.choice ?? '');
  const [stage, setStage] = useState<Stage>(saved?.outcome ? 'answered' : 'choosing');
  const [outcome, setOutcome] = useState<PredictOutcome | null>(saved?.outcome ?? null);
  const [reason, setReason] = useState<string | undefined>(saved?.reason);
  // Counts attempts on this page, so that a new attempt's reason picker starts empty.
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [focusFirstChoice, setFocusFirstChoice] = useState(false);
  const experiment = useExperiment(question);
  const { state } = experiment;

  // The measured outcome decides the attempt, once per run of the experiment.
  useEffect(() => {
    if (state.phase !== 'done' || stage !== 'locked') return;
    const answer = { kind: 'predict', choice, outcome: state.outcome } as const;
    const checked = scorePredict(question, answer);
    setOutcome(state.outcome);
    setReason(undefined);
    setStage('answered');
    if (checked.ok) recordAnswer(lessonSlug, question.id, answer, checked.result.score, quizQuestionIds);
  }, [state, stage, choice, question, lessonSlug, quizQuestionIds, recordAnswer]);

  useEffect(() => {
    if (!focusFirstChoice) return;
    setFocusFirstChoice(false);
    fieldsetRef.current?.querySelector<HTMLElement>('input:not(:disabled)')?.focus();
  }, [focusFirstChoice]);

  const lockIn = () => {
    if (!question.choices.some((candidate) => candidate.id === choice)) {
      setMessage('Choose a prediction first.');
      return;
    }
    setMessage(null);
    setStage('locked');
    actionRef.current?.focus();
  };
  const retry = () => {
    experiment.reset();
    setStage('choosing');
    setOutcome(null);
    setReason(undefined);
    setAttempt((count) => count + 1);
    setFocusFirstChoice(true);
  };
  // The reason completes the attempt already saved with the outcome; it does not count as another.
  const pickReason = (picked: string) => {
    if (!outcome) return;
    const answer = { kind: 'predict', choice, outcome, reason: picked } as const;
    const checked = scorePredict(question, answer);
    setReason(picked);
    if (checked.ok) amendAnswer(lessonSlug, question.id, answer, checked.result.score);
  };

  const running = state.phase === 'running';
  const result =
    stage === 'answered' && outcome
      ? scorePredict(question, { kind: 'predict', choice, outcome, ...(reason ? { reason } : {}) })
      : null;
  const chosen = question.choices.find((candidate) => candidate.id === choice);
  const right = outcome ? question.choices.find((candidate) => candidate.id === outcome.winner) : undefined;

  let action: { label: string; onClick: () => void };
  if (stage === 'choosing') action = { label: 'Lock in my prediction', onClick: lockIn };
  else if (stage === 'answered') action = { label: 'Try again', onClick: retry };
  else if (running) action = { label: 'Stop the experiment', onClick: experiment.stop };
  else
    action = {
      label: state.phase === 'failed' ? 'Run it again' : 'Run the experiment',
      onClick: experiment.start,
    };

  const reasonPending = outcome !== null && explainApplies(question, outcome) && reason === undefined;
  let status: ReactNode = null;
  if (message) status = <p className="question-message">{message}</p>;
  else if (result?.ok && outcome) {
    status = (
      <Feedback
        result={result.result}
        // The explanation and the choices' feedback give the reason away: they wait until it is picked.
        explanation={reasonPending ? null : question.explanation}
        notes={[
          ...(chosen
            ? [
                {
                  key: 'chosen',
                  about: 'You predicted',
                  text: reasonPending ? `“${chosen.text}”.` : `“${chosen.text}”: ${chosen.feedback}`,
                },
              ]
            : []),
          ...(right && right !== chosen
            ? [{ key: 'right', about: 'The measurement says', text: `“${right.text}”.` }]
            : []),
        ]}
      >
        <ExperimentResults question={question} outcome={outcome} />
      </Feedback>
    );
  } else if (state.phase === 'failed') status = <p className="question-message">{state.message}</p>;
  else if (running) status = <p>The experiment is running…</p>;
  else if (stage === 'locked')
    status = <p>Prediction locked in. Now run the experiment to see who is right.</p>;

  return (
    <QuestionFrame
      lessonSlug={lessonSlug}
      question={question}
      number={number}
      total={quizQuestionIds.length}
      locked={stage !== 'choosing'}
      fieldsetRef={fieldsetRef}
      details={
        stage === 'locked' && running && question.experiment.kind !== 'sampling' ? (
          <ExperimentProgress experiment={question.experiment} runs={experiment.runs} />
        ) : null
      }
      actions={
        <button ref={actionRef} type="button" className="button-primary" onClick={action.onClick}>
          {action.label}
        </button>
      }
      status={status}
      after={
        stage === 'answered' && outcome && explainApplies(question, outcome) ? (
          <ReasonPicker key={attempt} explain={question.explain} picked={reason} onPick={pickReason} />
        ) : null
      }
    >
      <div className="experiment-brief">
        <p>
          <strong>The experiment: </strong>
          <RichText text={question.experiment.description} />
        </p>
        <p className="muted">{experimentLine(question.experiment)}</p>
      </div>
      <ChoiceList
        type="radio"
        choices={question.choices}
        selected={choice ? [choice] : []}
        onChange={(ids) => {
          setChoice(ids[0] ?? '');
          setMessage(null);
        }}
        marks={
          result?.ok && outcome && choice
            ? { [choice]: choice === outcome.winner ? 'right' : 'wrong' }
            : undefined
        }
      />
    </QuestionFrame>
  );
}
