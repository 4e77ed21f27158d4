/**
 * The playground's hyperparameters, from a link (plain, `b.` and `c.` keys) and typed into every field
 * of the form. The fields, their labels and bounds come from the app's own field table, so a new field
 * is covered at once; what a value should mean comes from the list below, written by hand, so the
 * matrix does not ask the parser under test what its input means.
 */
import { URL_FIELDS, type UrlField } from '../../app/playground/urlFields';
import { PLAYGROUND_DEFAULT } from '../../app/playground/urlState';
import type { Finding, MatrixCase, Session } from './judge';

/** A typed or linked value and what a person means by it: a number, or null for nonsense or a question. */
interface Typed {
  readonly raw: string;
  readonly meaning: number | null;
}

/** Empty, letters, negative, huge, decimal commas, exponent forms and a few more ways to type a number. */
export const TYPED: readonly Typed[] = [
  { raw: '', meaning: null },
  { raw: '   ', meaning: null },
  { raw: 'abc', meaning: null },
  { raw: '12abc', meaning: null },
  { raw: '-5', meaning: -5 },
  { raw: '-0,100', meaning: -0.1 },
  { raw: '0,544', meaning: 0.544 },
  { raw: '0,25', meaning: 0.25 },
  { raw: '1,000', meaning: null },
  { raw: '1.5', meaning: 1.5 },
  { raw: '3', meaning: 3 },
  { raw: '1e-3', meaning: 0.001 },
  { raw: '2E2', meaning: 200 },
  { raw: '1e400', meaning: null },
  { raw: '99999999999999999999', meaning: 1e20 },
  { raw: 'NaN', meaning: null },
  { raw: 'Infinity', meaning: null },
  { raw: '0x10', meaning: null },
  { raw: '<b>1</b>', meaning: null },
  { raw: '1'.repeat(40), meaning: null },
];

/** Values for a choice field: its first choice, and nonsense. */
const CHOICE_NONSENSE = ['', 'LSTM', 'xyz', '<script>', '1'];

/** Settings that make every dependent field apply, grouped so that no two conflict. */
const SETUPS: readonly { readonly query: string; readonly keys: readonly string[] }[] = [
  {
    query: 'opt=momentum&sched=step&init=gaussian&layers=2&batching=buckets',
    keys: URL_FIELDS.map((field) => field.key).filter(
      (key) => !['steps', 'components', 'layers', 'task', 'opt', 'sched', 'init', 'batching'].includes(key),
    ),
  },
  { query: 'task=sine', keys: ['steps', 'components', 'layers'] },
  { query: '', keys: ['task', 'opt', 'sched', 'init', 'batching'] },
  // Settings under which these fields mean nothing: a link's value for them must be named, not dropped.
  {
    query: 'task=sine&opt=adam&sched=constant&clip=none&init=pytorch&layers=1&batching=fixed',
    keys: [
      'lag',
      'symbols',
      'distractors',
      'momentum',
      'gamma',
      'every',
      'clipAt',
      'std',
      'dlayer',
      'minlen',
      'maxlen',
      'buckets',
    ],
  },
];

/** The setup whose fields do not apply: not on the form, so the typed-field cases skip it. */
const NOT_APPLICABLE = SETUPS[3]!;

const fieldOf = (key: string): UrlField => URL_FIELDS.find((field) => field.key === key)!;

/** Whether a person's value is one the field can take in the default playground. */
function usable(field: UrlField, meaning: number | null): boolean {
  if (meaning === null) return false;
  const range = field.range?.(PLAYGROUND_DEFAULT);
  if (!range) return false;
  const integer = ![
    'lr',
    'momentum',
    'wd',
    'gamma',
    'clipAt',
    'std',
    'fbias',
    'din',
    'dout',
    'drec',
    'dlayer',
  ].includes(field.key);
  return meaning >= range.min && meaning <= range.max && (!integer || Number.isInteger(meaning));
}

/** Notices the playground shows for its link, one string each. */
async function notices(session: Session): Promise<string[]> {
  return session.page.locator('.playground-notice li').allTextContents();
}

/** The value shown in the A form's field, or null when it is not on screen. */
async function shown(session: Session, field: UrlField): Promise<string | null> {
  const control = session.page.getByLabel(field.label, { exact: true }).first();
  if ((await control.count()) === 0) return null;
  return control.inputValue();
}

/** One page load per (prefix, value, setup) with every field of the setup set to the value. */
function linkCase(
  prefix: '' | 'b.' | 'c.',
  setup: (typeof SETUPS)[number],
  typed: Typed | string,
): MatrixCase {
  const raw = typeof typed === 'string' ? typed : typed.raw;
  const keys = setup.keys.filter((key) => (typeof typed === 'string') === Boolean(fieldOf(key).choices));
  const params = new URLSearchParams(setup.query);
  for (const key of keys) params.append(prefix + key, raw);
  return {
    area: 'playground links',
    name: `${prefix || 'a.'}* = ${JSON.stringify(raw.slice(0, 20))} (${setup.query || 'defaults'})`,
    run: async (session) => {
      await session.open(session.page, `/?${params.toString()}#/playground`);
      await session.page
        .getByRole('button', { name: /^Train/ })
        .first()
        .waitFor({ timeout: 15_000 });
      const said = await notices(session);
      const everything = said.some((notice) => notice.includes('Using the defaults'));
      const letter = prefix === '' ? '' : `(configuration ${prefix[0]!.toUpperCase()})`;
      const tabs = await session.page.getByRole('tab').count();
      return keys.map((key) => {
        const field = fieldOf(key);
        const named = said.some((notice) => notice.includes(field.label) && notice.includes(letter));
        return {
          name: `${prefix}${key}=${JSON.stringify(raw.slice(0, 20))}`,
          check: async (): Promise<Finding> => {
            if (named || everything) return null;
            const meaning = typeof typed === 'string' ? null : typed.meaning;
            const wanted = field.choices ? field.choices.includes(raw) : usable(field, meaning);
            if (!wanted) return { outcome: 'silent', detail: `${prefix}${key}=${raw}: not used, no notice` };
            if (setup === NOT_APPLICABLE)
              return { outcome: 'silent', detail: `${prefix}${key}=${raw} does not apply here, no notice` };
            if (prefix === 'c.' && !said.some((notice) => notice.includes('Configuration C')))
              return { outcome: 'silent', detail: `c.${key}=${raw} without B: shown as B without a word` };
            if (prefix !== '') {
              return tabs >= 2 ? null : { outcome: 'silent', detail: `${prefix}${key}=${raw}: no ${letter}` };
            }
            if (field.choices) return null;
            const value = await shown(session, field);
            if (value === null)
              return { outcome: 'silent', detail: `${key}=${raw}: not on the form, no notice` };
            return Math.abs(Number(value) - meaning!) <= 1e-9 * Math.max(1, Math.abs(meaning!))
              ? null
              : { outcome: 'silent', detail: `${key}=${raw} shows ${value}, no notice` };
          },
        };
      });
    },
  };
}

/** Every link case: A's keys, B's and C's, each setup, each value. */
export function linkCases(): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const prefix of ['', 'b.', 'c.'] as const) {
    for (const setup of SETUPS) {
      const values: (Typed | string)[] = setup.keys.some((key) => fieldOf(key).choices)
        ? [...CHOICE_NONSENSE]
        : [];
      // B and C read the same field table as A: a sample of the values shows their keys reach it.
      const typed =
        prefix === '' && setup !== NOT_APPLICABLE
          ? TYPED.filter((_, index) => index % 3 !== 1)
          : TYPED.filter((_, index) => index % 4 === 0);
      if (setup.keys.some((key) => !fieldOf(key).choices)) values.push(...typed);
      for (const value of values) cases.push(linkCase(prefix, setup, value));
    }
  }
  return cases;
}

/** Typed into each text field of the form, one page per setup, each value Enter'd then put back. */
function typedCase(setup: (typeof SETUPS)[number]): MatrixCase {
  const fields = setup.keys.map(fieldOf).filter((field) => !field.choices);
  return {
    area: 'playground fields',
    name: `typed (${setup.query || 'defaults'})`,
    run: async (session) => {
      await session.open(session.page, `/?${setup.query}#/playground`);
      await session.page
        .getByRole('button', { name: /^Train/ })
        .first()
        .waitFor({ timeout: 15_000 });
      const checks = [];
      for (const field of fields) {
        for (const typed of TYPED) {
          checks.push({
            name: `${field.key} ← ${JSON.stringify(typed.raw.slice(0, 20))}`,
            check: () => typeInto(session, field.label, typed, (meaning) => usable(field, meaning)),
          });
        }
      }
      if (setup.query === '') {
        for (const typed of TYPED) {
          checks.push({
            name: `until ← ${JSON.stringify(typed.raw.slice(0, 20))}`,
            check: () =>
              typeInto(
                session,
                'Steps to train',
                typed,
                (meaning) =>
                  meaning !== null && Number.isInteger(meaning) && meaning >= 1 && meaning <= 100_000,
              ),
          });
        }
      }
      return checks;
    },
  };
}

/** Types a value, presses Enter, judges, then types the value in use back. */
async function typeInto(
  session: Session,
  label: string,
  typed: Typed,
  usableValue: (meaning: number | null) => boolean,
): Promise<Finding> {
  const input = session.page.getByLabel(label, { exact: true }).first();
  if ((await input.count()) === 0) return { outcome: 'silent', detail: `no field labelled ${label}` };
  const before = await input.inputValue();
  await input.fill(typed.raw);
  await input.press('Enter');
  const field = input.locator('xpath=..');
  const problem = await field.locator('[role="alert"]').count();
  const after = await input.inputValue();
  let finding: Finding = null;
  if (problem === 0) {
    if (!usableValue(typed.meaning))
      finding = { outcome: 'silent', detail: `"${typed.raw}" kept as ${after}, no message` };
    else if (Math.abs(Number(after) - typed.meaning!) > 1e-9 * Math.max(1, Math.abs(typed.meaning!)))
      finding = { outcome: 'silent', detail: `"${typed.raw}" read as ${after}` };
  }
  await input.fill(before);
  await input.press('Enter');
  return finding;
}

/** Every typed-field case. */
export function fieldCases(): MatrixCase[] {
  return SETUPS.filter((setup) => setup !== NOT_APPLICABLE).map(typedCase);
}
