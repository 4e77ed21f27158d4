// The routes the benchmarks open, shared by the Lighthouse audit and the main-thread task bench.
import { readdirSync } from 'node:fs';

/** Every route a reader can open: the lessons come from lessons/<slug>/meta.json, so a new one is covered. */
export function routes(): string[] {
  const slugs = readdirSync('lessons', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => readdirSync(`lessons/${entry.name}`).includes('meta.json'))
    .map((entry) => entry.name)
    .sort();
  return [
    '/',
    ...slugs.map((slug) => `/#/lessons/${slug}`),
    '/#/playground',
    '/#/claims',
    '/#/glossary',
    '/#/progress',
    '/#/review',
    '/#/quiz/final',
    `/#/present/${slugs[0]}/1`,
  ];
}
