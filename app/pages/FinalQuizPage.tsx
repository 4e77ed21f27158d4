import { Link } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { finalQuizLesson, paths } from '../course';
import { QuizSection } from '../quiz/QuizSection';
import { IntroText, pageIntros } from './pageIntros';

/**
 * The course's final quiz on a page of its own. Its questions live in the summary lesson's quiz.ts, so
 * answers here and on that lesson's page are the same progress.
 */
export function FinalQuizPage() {
  usePageTitle('Final quiz');
  const lesson = finalQuizLesson();
  return (
    <div className={pageIntros.finalQuiz.className}>
      <IntroText intro={pageIntros.finalQuiz}>
        {lesson && (
          <p className="muted">
            These are also the questions at the end of{' '}
            <Link href={paths.lesson(lesson.slug)}>
              lesson {lesson.order}, {lesson.title}
            </Link>
            ; your answers count in both places.
          </p>
        )}
      </IntroText>
      {lesson ? (
        <QuizSection
          lesson={lesson}
          title="Questions"
          headingId="final-quiz-questions"
          empty={
            <p>
              The final quiz is not written yet. Each lesson ends with its own “Check yourself” questions.
            </p>
          }
        />
      ) : (
        <p>
          The final quiz comes with the course's last lesson, which is not written yet. Meanwhile each lesson
          ends with its own “Check yourself” questions: <Link href={paths.home}>go to the course map</Link>.
        </p>
      )}
    </div>
  );
}
