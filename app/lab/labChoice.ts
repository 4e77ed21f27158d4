/**
 * What the student chose in the language lab (text, cell, layers, hidden size, seed), how a link says
 * it (`#/lab?text=toy-code&cell=gru&layers=2&hidden=64&seed=3`), and the lab's size limit on a text.
 * A value a link gets wrong is named in a notice and the default used instead.
 */
import type { CellKind } from '../../engine/types';
import { CELL_KINDS, LAB_DEFAULTS, TRAINER_LIMITS, textProblems } from '../engine';
import { BUILTIN_TEXTS } from '../engineTexts';

/** The slot the lab's model trains in: one model at a time, shared by the lab page and lesson 6. */
export const LAB_SLOT = 'lab';

export type BuiltinId = (typeof BUILTIN_TEXTS)[number]['id'];

/** Where the text comes from: a built-in one, or the student's own (pasted or opened). */
export type TextSource =
  | { readonly kind: 'builtin'; readonly id: BuiltinId }
  | { readonly kind: 'own'; readonly text: string; readonly name: string };

export interface LabChoice {
  readonly text: TextSource;
  readonly cell: CellKind;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly seed: number;
}

export const DEFAULT_CHOICE: LabChoice = {
  text: { kind: 'builtin', id: 'course-prose' },
  cell: LAB_DEFAULTS.cell,
  layers: LAB_DEFAULTS.layers,
  hiddenSize: LAB_DEFAULTS.hiddenSize,
  seed: LAB_DEFAULTS.seed,
};

/**
 * The longest text the lab takes: checking a text and building its vocabulary happen on the page's
 * thread when it is chosen, and 200,000 characters keep that under 50 ms (the course prose is 84,000).
 */
export const LAB_TEXT_LIMIT = 200_000;

const made = new Map<BuiltinId, string>();
const making = new Map<BuiltinId, Promise<string>>();
/** The built-in texts generated off the page's thread: the toy code takes 60-110 ms cold. */
const GENERATED: readonly BuiltinId[] = ['toy-code'];

/** A built-in text made on the page's thread (the fallback where no worker can be started). */
function makeHere(id: BuiltinId): string {
  return BUILTIN_TEXTS.find((entry) => entry.id === id)!.text();
}

/** A built-in text made by a worker of its own, or in a later task of the page where workers fail. */
function makeOffThread(id: BuiltinId): Promise<string> {
  if (typeof Worker === 'undefined')
    return new Promise((resolve) => setTimeout(() => resolve(makeHere(id)), 0));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../engine/worker/textWorker.ts', import.meta.url), {
      type: 'module',
      name: 'unroll-text',
    });
    const done = (text: string) => {
      worker.terminate();
      resolve(text);
    };
    worker.onmessage = (event: MessageEvent<{ text: unknown }>) =>
      done(typeof event.data.text === 'string' ? event.data.text : makeHere(id));
    worker.onerror = () => done(makeHere(id));
    worker.postMessage(id);
  });
}

/**
 * The text of a source when it is at hand (the student's own, a built-in text already made, or one
 * quick to make), or null while the toy code is still being generated: see {@link loadSourceText}.
 */
export function sourceTextNow(source: TextSource): string | null {
  if (source.kind === 'own') return source.text;
  let text = made.get(source.id);
  if (text === undefined) {
    if (GENERATED.includes(source.id)) return null;
    text = makeHere(source.id);
    made.set(source.id, text);
  }
  return text;
}

/** The text of a source, generated off the page's thread the first time it is asked for (once per page). */
export function loadSourceText(source: TextSource): Promise<string> {
  const now = sourceTextNow(source);
  if (now !== null || source.kind === 'own') return Promise.resolve(now ?? '');
  let promise = making.get(source.id);
  if (!promise) {
    const { id } = source;
    promise = makeOffThread(id).then((text) => {
      made.set(id, text);
      return text;
    });
    making.set(id, promise);
  }
  return promise;
}

/** A start for samples and autocomplete made of the text's own first word, so it is in its vocabulary. */
export function defaultPrime(text: string): string {
  const word = /^\s*(\S{1,24}\s)/u.exec(text.slice(0, 100));
  return word ? word[1]! : Array.from(text).slice(0, 4).join('');
}

/** Why the lab cannot train on `text`, or null when it can. */
export function ownTextProblem(text: string): string | null {
  if (text.length > 2 * LAB_TEXT_LIMIT || Array.from(text).length > LAB_TEXT_LIMIT) {
    return `This text has ${Array.from(text).length.toLocaleString('en-US')} characters; the lab takes at most ${LAB_TEXT_LIMIT.toLocaleString('en-US')} (about 200 KB). Paste or open a shorter part of it.`;
  }
  return textProblems(text)[0]?.message ?? null;
}

function readWhole(value: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

/** The choice a link's query describes, and a sentence for each value it could not use. */
export function parseLabQuery(query: string): { choice: LabChoice; notices: string[] } {
  const params = new URLSearchParams(query);
  const notices: string[] = [];
  let choice = DEFAULT_CHOICE;
  const known = new Set(['text', 'cell', 'layers', 'hidden', 'seed']);
  for (const key of new Set(params.keys())) {
    if (!known.has(key)) notices.push(`“${key}” is not a setting of the lab; it was ignored.`);
    else if (params.getAll(key).length > 1)
      notices.push(`“${key}” is given more than once; the first is used.`);
  }
  const text = params.get('text');
  if (text !== null) {
    const entry = BUILTIN_TEXTS.find((one) => one.id === text);
    if (entry) choice = { ...choice, text: { kind: 'builtin', id: entry.id } };
    else
      notices.push(
        `text=${text} is not a built-in text (${BUILTIN_TEXTS.map((one) => one.id).join(', ')}); the course prose is used.`,
      );
  }
  const cell = params.get('cell');
  if (cell !== null) {
    const found = CELL_KINDS.find((kind) => kind === cell);
    if (found) choice = { ...choice, cell: found };
    else notices.push(`cell=${cell} is not a cell (rnn, lstm or gru); ${DEFAULT_CHOICE.cell} is used.`);
  }
  const numbers = [
    ['layers', 'layers', 1, 3],
    ['hidden', 'hiddenSize', TRAINER_LIMITS.hiddenSize.min, TRAINER_LIMITS.hiddenSize.max],
    ['seed', 'seed', TRAINER_LIMITS.seed.min, TRAINER_LIMITS.seed.max],
  ] as const;
  for (const [key, field, min, max] of numbers) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = readWhole(raw, min, max);
    if (value === null) {
      notices.push(
        `${key}=${raw} must be a whole number from ${min} to ${max}; ${DEFAULT_CHOICE[field]} is used.`,
      );
    } else {
      choice = { ...choice, [field]: value };
    }
  }
  return { choice, notices };
}

/** The query of a choice (an own text is not put in a link: it may be long and is the student's). */
export function formatLabQuery(choice: LabChoice): string {
  const params = new URLSearchParams();
  if (choice.text.kind === 'builtin') params.set('text', choice.text.id);
  params.set('cell', choice.cell);
  params.set('layers', String(choice.layers));
  params.set('hidden', String(choice.hiddenSize));
  params.set('seed', String(choice.seed));
  return params.toString();
}
