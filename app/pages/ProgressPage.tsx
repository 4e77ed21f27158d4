import '../styles/quiz.css';
import { useState } from 'react';
import { Link } from 'wouter';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { usePageTitle } from '../components/usePageTitle';
import { FINAL_ANSWERS, finalQuizLesson, lessons, paths } from '../course';
import { DamagedProgress } from '../quiz/DamagedProgress';
import { progressDocument } from '../quiz/exportProgress';
import { ProgressHeader } from '../quiz/ProgressHeader';
import { ProgressTable } from '../quiz/ProgressTable';
import { QuestionResults } from '../quiz/QuestionResults';
import { describeQuiz, summarizeQuiz } from '../quiz/summary';
import { useQuizzes } from '../quiz/useQuiz';
import { download } from '../shared/download';
import { useStore } from '../store';
import { EMPTY_LESSON } from '../store/progressFormat';

/** The learner's progress: every lesson, the final quiz, and print, export and reset. */
export function ProgressPage() {
  usePageTitle('Your progress');
  const progress = useStore((state) => state.progress);
  const saved = useStore((state) => state.progressSaved);
  const locked = useStore((state) => state.progressLock !== null);
  const resetProgress = useStore((state) => state.resetProgress);
  const quizzes = useQuizzes(lessons);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const final = finalQuizLesson();
  const finalQuiz = final ? quizzes[final.slug] : undefined;
  const finalSummary =
    final && finalQuiz?.status === 'ready'
      ? summarizeQuiz(
          finalQuiz.questions.map((question) => question.id),
          progress.lessons[final.slug] ?? EMPTY_LESSON,
        )
      : null;
  const today = new Date();

  const exportJson = () => {
    const day = today.toISOString().slice(0, 10);
    download(
      `unroll-progress-${day}.json`,
      progressDocument(lessons, progress, quizzes, new Date()),
      'application/json',
    );
    setAnnouncement('Your progress was saved as a JSON file.');
  };
  const reset = () => {
    resetProgress();
    setConfirming(false);
    setAnnouncement('Your progress has been reset.');
  };

  return (
    <div className="page progress-page">
      <ProgressHeader quizzes={quizzes} today={today} />
      {!saved && !locked && (
        <p className="progress-warning">
          This browser is not saving your progress, so it lasts only until you close this tab. Export it as
          JSON to keep a copy.
        </p>
      )}
      <DamagedProgress />
      <ProgressTable
        lessons={lessons}
        progress={progress}
        quizzes={quizzes}
        caption="Every lesson, in course order"
      />
      <section aria-labelledby="final-quiz-heading" className="progress-final">
        <h2 id="final-quiz-heading">Final quiz</h2>
        {final && finalQuiz?.status === 'ready' && finalSummary ? (
          <p>
            {describeQuiz(finalSummary)}
            {finalSummary.answered > 0 && ` · ${finalSummary.right} fully right`}.{' '}
            <Link href={paths.finalQuiz}>
              {finalSummary.answered === 0 ? 'Take the final quiz' : 'Open the final quiz'}
            </Link>
            {' · '}
            <Link href={paths.answers(FINAL_ANSWERS)}>Answer key (for teachers)</Link>
          </p>
        ) : (
          <p>The final quiz comes with the last lesson and is not ready yet.</p>
        )}
      </section>
      <QuestionResults lessons={lessons} progress={progress} quizzes={quizzes} />
      <section aria-labelledby="progress-actions-heading" className="progress-actions">
        <h2 id="progress-actions-heading">Keep or clear it</h2>
        <p className="muted">
          Progress is saved only in this browser. Print it, save it as a file, or start again.
        </p>
        <div className="progress-buttons">
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" onClick={exportJson}>
            Export as JSON
          </button>
          <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
            Reset progress
          </button>
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </section>
      <ConfirmDialog
        open={confirming}
        title="Reset all progress?"
        confirmLabel="Reset progress"
        onConfirm={reset}
        onCancel={() => setConfirming(false)}
      >
        <p>
          This forgets every answer, score and reading position in this browser. It cannot be undone; export
          your progress first if you want a copy.
        </p>
      </ConfirmDialog>
    </div>
  );
}
