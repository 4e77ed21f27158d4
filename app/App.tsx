import { Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { lazyPage } from './components/lazyPage';
import { NotFoundPage } from './components/NotFoundPage';
import { RenamedLessonRedirect } from './components/RenamedLessonRedirect';
import { useThemeOnDocument } from './components/ThemeToggle';
import { findLesson, slidesLoader } from './course';
import { HomePage } from './pages/HomePage';
import { LessonWhileLoading } from './pages/LessonHeader';
import { IntroWhileLoading, pageIntros } from './pages/pageIntros';
import { ProgressWhileLoading } from './quiz/ProgressHeader';
import {
  answersRoute,
  claimsRoute,
  labRoute,
  lessonRoute,
  playgroundRoute,
  presentRoute,
  speakerRoute,
} from './routes';
import { renamedLessonRoute } from './shared/lessonRenames';

// Pages other than the course map load on demand, so the first visit downloads little; one that could not
// be downloaded (offline before it was saved) is fetched again on the next visit. Most draw their opening
// (pageIntros, LessonHeader, ProgressHeader) while their code downloads, so the first paint is not a bare
// "Loading…"; the presenter pages and the answer key do not.
const LessonPage = lazyPage(
  () => import('./pages/LessonPage').then((module) => module.LessonPage),
  ({ slug }: { slug: string }) => <LessonWhileLoading lesson={findLesson(slug)} />,
);
const FinalQuizPage = lazyPage(
  () => import('./pages/FinalQuizPage').then((module) => module.FinalQuizPage),
  <IntroWhileLoading intro={pageIntros.finalQuiz} />,
);
const GlossaryPage = lazyPage(
  () => import('./pages/GlossaryPage').then((module) => module.GlossaryPage),
  <IntroWhileLoading intro={pageIntros.glossary} />,
);
const ReviewPage = lazyPage(
  () => import('./pages/ReviewPage').then((module) => module.ReviewPage),
  <IntroWhileLoading intro={pageIntros.review} />,
);
const ProgressPage = lazyPage(
  () => import('./pages/ProgressPage').then((module) => module.ProgressPage),
  <ProgressWhileLoading />,
);
const PlaygroundPage = lazyPage(
  () => import('./pages/PlaygroundPage').then((module) => module.PlaygroundPage),
  <IntroWhileLoading intro={pageIntros.playground} />,
);
const LabPage = lazyPage(
  () => import('./pages/LabPage').then((module) => module.LabPage),
  <IntroWhileLoading intro={pageIntros.lab} />,
);
const PresentPage = lazyPage(() => import('./pages/PresentPage').then((module) => module.PresentPage));
const SpeakerPage = lazyPage(() => import('./pages/SpeakerPage').then((module) => module.SpeakerPage));
const AnswerKeyPage = lazyPage(() => import('./pages/AnswerKeyPage').then((module) => module.AnswerKeyPage));
const ClaimsPage = lazyPage(
  () => import('./pages/ClaimsPage').then((module) => module.ClaimsPage),
  <IntroWhileLoading intro={pageIntros.claims} />,
);

/**
 * Which page each location shows, as the Switch below decides (first match), for preloadPageAt. The pages
 * with an opening of their own (pageIntros, the lessons' and the progress page's) are not here: they draw it first and ask for their code once it
 * has been painted (lazyPage), so that the first paint waits for nothing else.
 */
const pagesByRoute: readonly (readonly [RegExp, { readonly preload: (match: RegExpExecArray) => void }])[] = [
  [
    presentRoute,
    {
      // The lesson's slides too, in parallel with the page, for the same reason as a lesson's text.
      preload: (match) => {
        PresentPage.preload();
        slidesLoader(match.groups?.slug ?? '')?.().catch(() => undefined);
      },
    },
  ],
  [speakerRoute, SpeakerPage],
  [answersRoute, AnswerKeyPage],
];

/**
 * Asks for the chunks of the page a location (the part after `#`) shows, before the first render: the
 * browser starts a request for each of a lesson page's two dozen files as it is asked, which on a slow
 * phone took over 100 ms, and inside the first render that made one long task of the two.
 */
export function preloadPageAt(location: string): void {
  for (const [route, page] of pagesByRoute) {
    const match = route.exec(location);
    if (match) {
      page.preload(match);
      return;
    }
  }
}

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
              {/* A lesson that moved (06-summary is now 07-summary): any of its old addresses, sent on. */}
              <Route path={renamedLessonRoute} component={RenamedLessonRedirect} />
              {/* A lesson, or one opened at a section heading, e.g. its quiz: /lessons/<slug>/check-yourself */}
              <Route path={lessonRoute}>
                {(params) => <LessonPage slug={params.slug ?? ''} section={params.section} />}
              </Route>
              <Route path="/quiz/final" component={FinalQuizPage} />
              <Route path="/glossary" component={GlossaryPage} />
              <Route path="/progress" component={ProgressPage} />
              <Route path="/review" component={ReviewPage} />
              <Route path={playgroundRoute} component={PlaygroundPage} />
              <Route path={labRoute} component={LabPage} />
              {/* Presenter mode: /present/<slug>/<n>, and its speaker view in a second window. */}
              <Route path={presentRoute}>
                {(params) => <PresentPage slug={params.slug ?? ''} slide={params.slide} />}
              </Route>
              <Route path={speakerRoute}>
                {(params) => <SpeakerPage slug={params.slug ?? ''} slide={params.slide} />}
              </Route>
              {/* A teacher's answer key: /answers/<slug> or /answers/final */}
              <Route path={answersRoute}>{(params) => <AnswerKeyPage slug={params.slug ?? ''} />}</Route>
              {/* The claims page, optionally at one claim: /claims#<id> */}
              <Route path={claimsRoute}>{(params) => <ClaimsPage claim={params.claim} />}</Route>
              <Route component={NotFoundPage} />
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </Router>
  );
}
