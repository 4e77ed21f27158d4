// The SCORM 1.2 package in an LMS: scorm-again's Scorm12API plays the LMS in a test page that frames the
// package, both served here from one origin as an LMS serves them. Needs `npm run build:scorm` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname } from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { Question } from '../../app/lessonTypes';
import { choose, expect, test } from './fixtures';

const ZIP = 'dist-scorm/unroll-scorm.zip';
const PORT = Number(process.env.E2E_SCORM_PORT ?? Number(process.env.E2E_PORT ?? 4179) + 20);
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** The final quiz's lesson, found as the app finds it: the lesson whose order is FINAL_QUIZ_LESSON_ORDER. */
async function finalQuiz(): Promise<{ order: number; questions: readonly Question[] }> {
  const order = Number(/FINAL_QUIZ_LESSON_ORDER = (\d+)/.exec(readFileSync('app/course.ts', 'utf8'))?.[1]);
  const slug = readdirSync('lessons').find((folder) => {
    const meta = `lessons/${folder}/meta.json`;
    return existsSync(meta) && JSON.parse(readFileSync(meta, 'utf8')).order === order;
  });
  if (!slug) throw new Error(`no lesson has order ${order}`);
  const module: { questions: readonly Question[] } = await import(`../../lessons/${slug}/quiz.ts`);
  return { order, questions: module.questions };
}

// The LMS's page: the API as window.API, optionally resumed from suspend data (as an LMS does when the
// learner comes back, here in a fresh browser: the course's own saved progress is cleared first).
const LMS_SCRIPT = `
const params = new URLSearchParams(location.search);
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
const resume = params.get('resume');
if (resume !== null) {
  localStorage.clear();
  window.API.loadFromJSON({ suspend_data: resume, core: { entry: 'resume' } });
}
window.API.loadFromJSON({ student_data: { mastery_score: '80' } });
const frame = document.createElement('iframe');
frame.title = 'Course';
frame.style.width = '1200px';
frame.style.height = '900px';
frame.src = 'course/index.html' + (params.get('hash') ?? '');
document.body.append(frame);
`;
const LMS_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>' +
  '<link rel="icon" href="data:,">' +
  '<script src="scorm12.js"></script></head><body><script src="lms.js"></script></body></html>';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
};

let entries: Record<string, Uint8Array> = {};
let server: Server;

test.use({ baseURL: ORIGIN });
// One server on one port: the file's tests run in one worker, one after another.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  if (!existsSync(ZIP)) throw new Error(`No ${ZIP}: run \`npm run build:scorm\` first.`);
  entries = unzipSync(readFileSync(ZIP));
  const scormAgain = readFileSync('node_modules/scorm-again/dist/scorm12.js');
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', ORIGIN).pathname;
    const send = (body: string | Uint8Array, type: string) => {
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    };
    if (path === '/' || path === '/index.html') return send(LMS_PAGE, TYPES['.html']!);
    if (path === '/lms.js') return send(LMS_SCRIPT, TYPES['.js']!);
    if (path === '/scorm12.js') return send(scormAgain, TYPES['.js']!);
    const file = path.startsWith('/course/')
      ? entries[decodeURIComponent(path.slice('/course/'.length))]
      : undefined;
    if (file) return send(file, TYPES[extname(path)] ?? 'application/octet-stream');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('the zip holds the site and a SCORM 1.2 manifest that lists every file', () => {
  const names = Object.keys(entries);
  expect(names).toContain('imsmanifest.xml');
  expect(names).toContain('index.html');
  const manifest = strFromU8(entries['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
  expect(manifest.match(/<organization /g)).toHaveLength(1);
  expect(manifest).toMatch(/<resource [^>]*adlcp:scormtype="sco"[^>]*href="index.html"/);
  expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
  const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((match) => match[1]);
  expect(new Set(listed)).toEqual(new Set(names.filter((name) => name !== 'imsmanifest.xml')));
  // Addresses are relative, so the package works under whatever path the LMS serves it from.
  const index = strFromU8(entries['index.html']!);
  expect(index).not.toMatch(/(src|href)="\/(?!\/)/);
  expect(index).toContain('http-equiv="Content-Security-Policy"');
  expect(names.some((name) => name.startsWith('sw') || name.includes('registerSW'))).toBe(false);
});

interface LmsView {
  status: string;
  raw: string;
  max: string;
  suspend: string;
}
const lmsView = (page: Page) =>
  page.evaluate((): LmsView => {
    const api = (
      window as unknown as { API: { cmi: { core: Record<string, unknown> } & Record<string, unknown> } }
    ).API;
    const score = api.cmi.core.score as Record<string, string>;
    return {
      status: String(api.cmi.core.lesson_status),
      raw: score.raw ?? '',
      max: score.max ?? '',
      suspend: String(api.cmi.suspend_data),
    };
  });

test('answers in the framed course reach the LMS, and come back from its suspend data', async ({ page }) => {
  const { order, questions } = await finalQuiz();
  const question = questions.find((q) => q.kind === 'single');
  if (question?.kind !== 'single') throw new Error('the final quiz has no single-choice question');
  await page.goto('/?hash=%23%2Fquiz%2Ffinal');
  const course = page.frameLocator('iframe[title="Course"]');
  const item = course.locator(`li#question-${question.id}`);
  await expect(item).toBeVisible();
  await expect.poll(async () => (await lmsView(page)).status).toBe('incomplete');

  const right = question.choices.findIndex((choice) => choice.id === question.answer);
  await choose(item.getByRole('radio').nth(right));
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.feedback-verdict')).toContainText('Right');

  const expected = String(Math.round(100 / questions.length));
  await expect.poll(async () => (await lmsView(page)).raw).toBe(expected);
  const view = await lmsView(page);
  expect(view.status).toBe('incomplete');
  expect(view.max).toBe('100');
  expect(view.suspend).toMatch(new RegExp(`^u1\\|.*${question.id}=1\\.100`));
  expect(view.suspend.length).toBeLessThanOrEqual(4096);

  // Back in a fresh browser: only the LMS's suspend data knows the answer.
  await page.goto(`/?resume=${encodeURIComponent(view.suspend)}&hash=%23%2Fprogress`);
  await expect(course.getByLabel(`Quiz of lesson ${order}: 1 of ${questions.length} answered`)).toBeVisible();
  await expect.poll(async () => (await lmsView(page)).raw).toBe(expected);
});

test('outside an LMS the package runs as the plain site, saving progress in the browser only', async ({
  page,
}) => {
  const { questions } = await finalQuiz();
  const question = questions.find((q) => q.kind === 'single');
  if (question?.kind !== 'single') throw new Error('the final quiz has no single-choice question');
  await page.goto('/course/index.html#/quiz/final');
  await expect(page.getByRole('heading', { level: 1, name: 'Final quiz' })).toBeVisible();
  const item = page.locator(`li#question-${question.id}`);
  await choose(item.getByRole('radio').first());
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.feedback-verdict')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('unroll.progress'))).toContain(question.id);
  expect(await page.evaluate(() => 'API' in window)).toBe(false);
});
