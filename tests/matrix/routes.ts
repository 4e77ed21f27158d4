/**
 * URL parameters of every route. The routes come from one table (a new page is one line), the lessons
 * and decks from the lesson folders, so a new lesson is covered without editing this file. Each route
 * gets the hostile suffixes every address can carry, plus the parameters it really reads (slide numbers
 * and `controls` for presenter mode, a claim id, a section).
 */
import { existsSync, readdirSync } from 'node:fs';
import { type Finding, type MatrixCase, newMessages, type Session, visibleMessages } from './judge';

const lessonSlugs = readdirSync('lessons', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`lessons/${entry.name}/lesson.mdx`))
  .map((entry) => entry.name)
  .sort();
const deckSlugs = lessonSlugs.filter((slug) => existsSync(`lessons/${slug}/slides.mdx`));
const CLAIM_IDS = ['memory-horizon', 'gru-parameters', 'step-time', 'clipping', 'forget-bias'];

/** A page of the app: its address inside the hash and the parameters it reads besides a query. */
interface RouteSpec {
  readonly name: string;
  readonly path: string;
  /** Addresses that name something this route cannot show: each must say so. */
  readonly refused?: readonly string[];
  /** Addresses with parameters the route reads and can use: each must show the page. */
  readonly accepted?: readonly string[];
  /** A route like one already covered in full (another deck): its own parameters only. */
  readonly sample?: boolean;
}

const BAD_SLIDES = ['0', '-1', '1.5', 'abc', '9999', '99999999999', '%00'];

/** Every route of the app. Add a page here (one line) and the matrix covers it. */
export const ROUTES: readonly RouteSpec[] = [
  { name: 'home', path: '/' },
  ...lessonSlugs.map((slug) => ({
    name: `lesson ${slug.slice(0, 2)}`,
    path: `/lessons/${slug}`,
    accepted: [`/lessons/${slug}/check-yourself`],
    refused: [`/lessons/${slug}/no-such-section`],
  })),
  { name: 'playground', path: '/playground' },
  {
    name: 'lab',
    path: '/lab',
    accepted: ['/lab?text=toy-code&cell=gru&layers=2&hidden=64&seed=3', '/lab?text=rivers'],
    refused: ['/lab?text=novel', '/lab?cell=transformer', '/lab?layers=9', '/lab?hidden=abc', '/lab?seed=-1'],
  },
  {
    name: 'answer keys',
    path: '/answers/final',
    accepted: lessonSlugs.map((slug) => `/answers/${slug}`),
    refused: ['/answers/no-such-lesson'],
  },
  {
    name: 'renamed summary',
    path: '/lessons/07-summary',
    accepted: ['/lessons/06-summary', '/present/06-summary/2', '/speaker/06-summary/1'],
  },
  ...deckSlugs.flatMap((slug, index) =>
    (['present', 'speaker'] as const).map((mode) => ({
      name: `${mode} ${slug.slice(0, 2)}`,
      path: `/${mode}/${slug}/1`,
      // Every deck is one component: the first gets every hostile query, each gets the slide numbers.
      sample: index > 0,
      accepted: [`/${mode}/${slug}/2`, `/${mode}/${slug}/1?controls=0`, `/${mode}/${slug}`].slice(
        0,
        index > 0 ? 0 : 3,
      ),
      refused: [
        ...(index > 0 ? BAD_SLIDES.slice(2, 5) : BAD_SLIDES).map((slide) => `/${mode}/${slug}/${slide}`),
        `/${mode}/${slug}/1?controls=maybe`,
      ],
    })),
  ),
  {
    name: 'claims',
    path: '/claims',
    accepted: CLAIM_IDS.map((id) => `/claims#${id}`),
    refused: ['/claims#no-such-claim', '/claims#%3Cimg%20src=x%3E'],
  },
  { name: 'glossary', path: '/glossary' },
  { name: 'progress', path: '/progress' },
  { name: 'review', path: '/review' },
  { name: 'final quiz', path: '/quiz/final' },
  {
    name: '404',
    path: '/no-such-page',
    refused: [
      '/no-such-page',
      '/lessons/99-no-such-lesson',
      '/present/99-no-such-lesson/1',
      '/speaker/99-no-such-lesson/1',
      '/quiz/other',
      '/lessons',
      '/%E0%A4%A',
      '/lessons/..%2F..%2Fetc',
    ],
  },
];

/** What any address can carry: a query inside or before the hash, doubled keys, broken escapes, length. */
const HOSTILE_QUERIES = [
  '?x=%3Cscript%3Ealert(1)%3C%2Fscript%3E&x=2&%E0%A4%A=1&=&&=',
  `?long=${'x'.repeat(6000)}`,
];

/** The address to open for a path inside the hash (queries stay inside the hash as typed). */
const address = (path: string) => `/#${path}`;

const baselines = new Map<string, Promise<string[]>>();

/** Messages the route shows with nothing wrong, so a case counts only what it added. */
async function baseline(session: Session, path: string): Promise<string[]> {
  let known = baselines.get(path);
  if (!known) {
    known = (async () => {
      const page = await session.context.newPage();
      await session.open(page, address(path));
      await page.waitForTimeout(1000);
      const messages = await visibleMessages(page);
      await page.close();
      return messages;
    })();
    baselines.set(path, known);
  }
  return known;
}

async function isMissingPage(session: Session): Promise<boolean> {
  return (
    (
      await session.page
        .locator('h1')
        .first()
        .textContent()
        .catch(() => '')
    )?.startsWith('There is no page') ?? false
  );
}

function openCase(
  route: RouteSpec,
  name: string,
  target: string,
  expect: 'page' | 'refused' | 'any',
): MatrixCase {
  return {
    area: 'routes',
    name: `${route.name}: ${name}`,
    run: async (session): Promise<Finding> => {
      const known = await baseline(session, route.path);
      await session.open(session.page, target);
      await session.page.waitForTimeout(300);
      if (expect === 'any') return null;
      if (expect === 'page')
        return (await isMissingPage(session)) && route.name !== '404'
          ? { outcome: 'silent', detail: `${target} shows the missing page` }
          : null;
      // A lesson's text and quiz load after the page (seconds on a busy machine): wait for the message.
      for (const deadline = Date.now() + 9000; Date.now() < deadline; ) {
        if (await isMissingPage(session)) return null;
        if (newMessages(known, await visibleMessages(session.page)).length > 0) return null;
        await session.page.waitForTimeout(250);
      }
      return { outcome: 'silent', detail: `${target}: no message` };
    },
  };
}

/** Every route case: hostile queries on each route, and each route's own parameters. */
export function routeCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const route of ROUTES) {
    cases.push(openCase(route, 'as linked', address(route.path), route.name === '404' ? 'refused' : 'page'));
    for (const query of route.sample ? [] : HOSTILE_QUERIES) {
      const shown = query.length > 40 ? `${query.slice(0, 12)}… (${query.length} characters)` : query;
      // The playground reads every key of its query: its own area judges the notices.
      cases.push(openCase(route, `query in the hash ${shown}`, address(route.path + query), 'any'));
      if (query === HOSTILE_QUERIES[0])
        cases.push(
          openCase(route, `query before the hash ${shown}`, `/${query}${address(route.path)}`, 'any'),
        );
    }
    if (!route.sample)
      cases.push(openCase(route, 'trailing slash', address(`${route.path.replace(/\/$/, '')}/`), 'any'));
    for (const path of route.accepted ?? []) cases.push(openCase(route, path, address(path), 'page'));
    for (const path of route.refused ?? []) cases.push(openCase(route, path, address(path), 'refused'));
  }
  return cases;
}
