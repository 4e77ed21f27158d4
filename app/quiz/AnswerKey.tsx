import type { Question } from '../lessonTypes';
import { RichText } from './RichText';

/** The right answer of a question in words, as a teacher reads it out. */
function RightAnswer({ question }: { question: Question }) {
  switch (question.kind) {
    case 'single': {
      const choice = question.choices.find((c) => c.id === question.answer);
      return <RichText text={choice?.text ?? question.answer} />;
    }
    case 'multiple':
      return (
        <ul className="answer-key-choices">
          {question.choices
            .filter((choice) => question.answers.includes(choice.id))
            .map((choice) => (
              <li key={choice.id}>
                <RichText text={choice.text} />
              </li>
            ))}
        </ul>
      );
    case 'numeric':
      return (
        <>
          {question.answer}
          {question.unit ? ` ${question.unit}` : ''}
          {question.tolerance > 0 && ` (accepted within ±${question.tolerance})`}
        </>
      );
    case 'ordering':
      return (
        <ol className="answer-key-choices">
          {question.items.map((item) => (
            <li key={item.id}>
              <RichText text={item.text} />
            </li>
          ))}
        </ol>
      );
    case 'predict': {
      const outcome = question.choices.find((c) => c.id === question.explain.outcome);
      const reason = question.explain.choices.find((c) => c.id === question.explain.answer);
      return (
        <>
          Measured when the learner runs it: {question.experiment.description}, the{' '}
          {question.experiment.winner} measure wins. On the question&rsquo;s seed the result is &ldquo;
          <RichText text={outcome?.text ?? question.explain.outcome} />
          &rdquo;.
          <span className="answer-key-reason">
            {' '}
            <strong>
              Reason (<RichText text={question.explain.prompt} />
              ):
            </strong>{' '}
            <RichText text={reason?.text ?? question.explain.answer} />
          </span>
        </>
      );
    }
  }
}

/** Every question of a quiz with its right answer and the explanation: a teacher's printable key. */
export function AnswerKey({ questions }: { questions: readonly Question[] }) {
  return (
    <ol className="answer-key">
      {questions.map((question) => (
        <li key={question.id} id={`answer-${question.id}`} className="answer-key-item">
          <p className="answer-key-prompt">
            <RichText text={question.prompt} />
          </p>
          <div className="answer-key-answer">
            <strong>Answer: </strong>
            <RightAnswer question={question} />
          </div>
          <p className="answer-key-explanation">
            <RichText text={question.explanation} />
          </p>
        </li>
      ))}
    </ol>
  );
}
