import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { paths } from '../course';
import { isPresenterLocation } from '../routes';
import { useStore } from '../store';
import { ThemeToggle } from './ThemeToggle';

/** The frame of every page: a skip link, the header with navigation, the page, and a footer. */
export function Layout({ children }: { children: ReactNode }) {
  const notice = useStore((state) => state.storageNotice);
  const dismiss = useStore((state) => state.dismissStorageNotice);
  const [location] = useLocation();
  // Slides and the speaker view fill the screen: no site header or footer around them.
  if (isPresenterLocation(location)) {
    return (
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    );
  }
  return (
    <>
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href={paths.home} className="brand" aria-label="Unroll, course home">
            <span aria-hidden="true" className="brand-mark">
              ↻
            </span>
            Unroll
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link href={paths.home}>Course</Link>
              </li>
              <li>
                <Link href={paths.glossary}>Glossary</Link>
              </li>
              <li>
                <Link href={paths.review}>Review</Link>
              </li>
              <li>
                <Link href={paths.progress}>Progress</Link>
              </li>
              <li>
                <Link href={paths.playground}>Playground</Link>
              </li>
              <li>
                <Link href={paths.lab}>Language lab</Link>
              </li>
              <li>
                <Link href={paths.claims}>Claims</Link>
              </li>
            </ul>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Unroll runs entirely in your browser: nothing you do here is sent anywhere.</p>
      </footer>
    </>
  );
}

// The routes use the hash, so a "#main" link would change the page; moving focus does the job.
function skipToMain() {
  document.getElementById('main')?.focus();
}
