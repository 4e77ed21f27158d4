import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { useThemeOnDocument } from './components/ThemeToggle';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages other than the course map load on demand, so the first visit downloads little.
const LessonPage = lazy(() =>
  import('./pages/LessonPage').then((module) => ({ default: module.LessonPage })),
);
const PlaygroundPage = lazy(() =>
  import('./pages/PlaygroundPage').then((module) => ({ default: module.PlaygroundPage })),
);

/**
 * Routes live in the URL's hash (`/#/lessons/...`), so every page has a deep link that survives a
 * reload on any static host without server rewrites. What a person shares (settings of an experiment)
 * goes in the query string before the hash.
 */
export function App() {
  useThemeOnDocument();
  return (
    <Router hook={useHashLocation}>
      <Layout>
        <ErrorBoundary>
          <Suspense fallback={<p className="page muted">Loading…</p>}>
            <Switch>
              <Route path="/" component={HomePage} />
              <Route path="/lessons/:slug">{(params) => <LessonPage slug={params.slug} />}</Route>
              <Route path="/playground" component={PlaygroundPage} />
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </Router>
  );
}
