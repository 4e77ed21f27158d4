import { Link } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { lessons, paths } from '../course';
import { CardProgress, ContinueLink } from '../quiz/CourseProgress';
import { ReviewDueLink } from '../quiz/ReviewDueLink';

/** The course map: every lesson in order, with what it teaches and how long it takes. */
export function HomePage() {
  usePageTitle(null);
  const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  return (
    <div className="page home">
      <section className="hero">
        <h1>Recurrent neural networks, unrolled</h1>
        <p className="lead">
          A course on the networks that read sequences one step at a time. Every lesson explains an idea in
          plain words and formulas. The models you will train run here, in your browser, on your own machine.
        </p>
      </section>
      <ContinueLink />
      <ReviewDueLink />
      <section aria-labelledby="course-map-heading">
        <h2 id="course-map-heading">The course</h2>
        <p className="muted">
          {lessons.length} {lessons.length === 1 ? 'lesson' : 'lessons'}, about {totalMinutes} minutes of
          reading.
        </p>
        <ol className="course-map">
          {lessons.map((lesson) => (
            <li key={lesson.slug} className="course-card">
              <Link href={paths.lesson(lesson.slug)} className="course-card-link">
                <span className="course-card-number" aria-hidden="true">
                  {lesson.order}
                </span>
                <span className="course-card-body">
                  <span className="course-card-title">{lesson.title}</span>
                  <span className="course-card-summary">{lesson.summary}</span>
                  <span className="course-card-minutes">{lesson.minutes} min read</span>
                  <CardProgress lesson={lesson} />
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
