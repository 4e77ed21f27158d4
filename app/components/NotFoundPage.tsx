import { Link } from 'wouter';
import { paths } from '../course';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <div className="page">
      <h1>There is no page at this address</h1>
      <p>
        The link may be mistyped or from an older version of the course.{' '}
        <Link href={paths.home}>Go to the course map</Link>.
      </p>
    </div>
  );
}
