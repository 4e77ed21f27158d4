import { Link } from 'wouter';
import { paths, slidesLoader } from '../course';
import './presentLink.css';

/** "Present": opens a lesson as slides, for a teacher in front of a class (nothing when it has none). */
export function PresentLink({ slug, title }: { readonly slug: string; readonly title: string }) {
  if (!slidesLoader(slug)) return null;
  return (
    <Link href={paths.present(slug)} className="present-link" aria-label={`Present “${title}” as slides`}>
      <span aria-hidden="true">▶ </span>Present
    </Link>
  );
}
