import { useProgressiveCount } from '../components/useProgressiveCount';
import type { LessonEntry } from '../course';
import { formatPercent } from '../shared/format';
import { EMPTY_LESSON, type Progress } from '../store/progressFormat';
import { RichText } from './RichText';
import { OUTCOME_LABEL, questionOutcome } from './summary';
import type { QuizState } from './useQuiz';

/** Prompts drawn in the first commit, then per idle slice. */
const PROMPTS_FIRST = 6;
const PROMPTS_PER_SLICE = 6;

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
  // A few prompts per idle slice: each prompt's formulas are typeset by KaTeX as it mounts, and every
  // lesson's at once blocked a phone for a third of a second. Printing draws them all first.
  const total = withQuiz.reduce((sum, { questions }) => sum + questions.length, 0);
  const drawn = useProgressiveCount(total, PROMPTS_FIRST, PROMPTS_PER_SLICE);
  if (withQuiz.length === 0) return null;
  let before = 0;
  const sections = withQuiz.flatMap(({ lesson, questions }) => {
    const first = before;
    before += questions.length;
    return first < drawn ? [{ lesson, questions: questions.slice(0, drawn - first) }] : [];
  });
  return (
    <section
      aria-labelledby="question-results-heading"
      className="question-results"
      aria-busy={drawn < total ? true : undefined}
    >
      <h2 id="question-results-heading">Question by question</h2>
      {sections.map(({ lesson, questions }) => {
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
