import type { LessonEntry } from '../course';
import { formatPercent } from '../shared/format';
import { EMPTY_LESSON, type Progress } from '../store/progressFormat';
import { RichText } from './RichText';
import { OUTCOME_LABEL, questionOutcome } from './summary';
import type { QuizState } from './useQuiz';

/**
 * Every question of every lesson with the learner's result (right, partly right, wrong, not yet), so a
 * printed summary shows a teacher which questions to go over, not only a score per lesson.
 */
export function QuestionResults({
  lessons,
  progress,
  quizzes,
}: {
  readonly lessons: readonly LessonEntry[];
  readonly progress: Progress;
  readonly quizzes: Readonly<Record<string, QuizState>>;
}) {
  const withQuiz = lessons.flatMap((lesson) => {
    const quiz = quizzes[lesson.slug];
    return quiz?.status === 'ready' ? [{ lesson, questions: quiz.questions }] : [];
  });
  if (withQuiz.length === 0) return null;
  return (
    <section aria-labelledby="question-results-heading" className="question-results">
      <h2 id="question-results-heading">Question by question</h2>
      {withQuiz.map(({ lesson, questions }) => {
        const entry = progress.lessons[lesson.slug] ?? EMPTY_LESSON;
        return (
          <section key={lesson.slug} className="question-results-lesson" aria-label={lesson.title}>
            <h3>
              {lesson.order}. {lesson.title}
            </h3>
            <ol>
              {questions.map((question) => {
                const outcome = questionOutcome(entry, question.id);
                const best = entry.questions[question.id]?.bestScore ?? 0;
                return (
                  <li key={question.id} data-outcome={outcome}>
                    <span className="question-results-prompt">
                      <RichText text={question.prompt} />
                    </span>{' '}
                    <strong className="question-results-outcome">
                      {OUTCOME_LABEL[outcome]}
                      {outcome === 'partly' && ` (${formatPercent(best)})`}
                    </strong>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
