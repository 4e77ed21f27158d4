import { Redirect, useLocation } from 'wouter';
import { renamedLessonLocation } from '../shared/lessonRenames';

/**
 * An old lesson address (a bookmark, a link in a handout) sent on to the lesson's new one. It replaces
 * the history entry rather than adding one, so Back does not land on the old address and bounce again.
 */
export function RenamedLessonRedirect() {
  const [location] = useLocation();
  const target = renamedLessonLocation(location);
  return target === null ? null : <Redirect to={target} replace />;
}
