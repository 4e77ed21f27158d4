/**
 * Reads and writes the playground's configurations in the query string: configuration A with plain
 * keys (`cell=gru&hidden=64`), and up to two more for compare mode as differences from A under `b.`
 * and `c.` (`b.cell=lstm`). Parsing never throws; every rejected value becomes a notice.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import { DEFAULT_TRAINER_CONFIG, validateTrainerConfig } from '../engine';
import { parseNumber } from '../shared/parseNumber';
import { quoted, URL_FIELDS } from './urlFields';

/** What the playground starts from: recall at lag 10, which an LSTM learns in seconds. */
export const PLAYGROUND_DEFAULT: TrainerConfig = {
  ...DEFAULT_TRAINER_CONFIG,
  task: { ...DEFAULT_TRAINER_CONFIG.task, ...{ lag: 10 } } as TrainerConfig['task'],
};

export const MAX_STEPS_DEFAULT = 3000;
export const MAX_STEPS_LIMIT = 100_000;
export const COMPARE_PREFIXES = ['', 'b.', 'c.'] as const;

export interface PlaygroundState {
  /** One to three configurations, A first. */
  readonly configs: readonly TrainerConfig[];
  readonly maxSteps: number;
  /** Sentences about values that were not allowed and what was used instead. */
  readonly notices: readonly string[];
}

/** A compare configuration read from its keys, and whether any of them was used. */
interface ParsedConfig {
  readonly config: TrainerConfig;
  readonly used: boolean;
}

function parseOne(
  params: URLSearchParams,
  prefix: string,
  base: TrainerConfig,
  notices: string[],
): ParsedConfig {
  let config = base;
  let used = false;
  const name = prefix === '' ? '' : ` (configuration ${prefix[0]!.toUpperCase()})`;
  for (const field of URL_FIELDS) {
    const raw = params.get(prefix + field.key);
    if (raw === null) continue;
    const next = field.apply(config, raw);
    if (next === null) {
      const subject = `${field.label}${name}`;
      const reason = field.explain(config, raw, subject);
      const using = field.read(config) ?? 'the default';
      notices.push(
        reason.startsWith(subject)
          ? `${reason} The link gave ${quoted(raw)}; using ${using}.`
          : `${subject}: ${quoted(raw)} is not used. ${reason} Using ${using}.`,
      );
    } else if (field.read(next) === undefined) {
      // The key is known but means nothing here (a sequence length range under fixed batching).
      notices.push(
        `${field.label}${name}: ${quoted(raw)} is not used; it applies only with ${field.onlyWith ?? 'other settings'}.`,
      );
    } else {
      config = next;
      used = true;
    }
  }
  const problems = validateTrainerConfig(config);
  if (problems.length > 0) {
    notices.push(
      `${problems.map((problem) => problem.message).join(' ')} Using the defaults${name} instead.`,
    );
    return { config: base, used: false };
  }
  return { config, used };
}

const FIELD_KEYS = new Set(URL_FIELDS.map((field) => field.key));

/** Whether a key names something the playground reads: a field (with a compare prefix) or `until`. */
function isKnownKey(key: string): boolean {
  if (key === 'until') return true;
  const prefix = COMPARE_PREFIXES.slice(1).find((candidate) => key.startsWith(candidate)) ?? '';
  return FIELD_KEYS.has(key.slice(prefix.length));
}

const times = ['', 'once', 'twice', 'three times'];

/** One sentence for the keys that were not read: unknown ones, and those given more than once. */
function ignoredKeys(params: URLSearchParams): string | null {
  const counts = new Map<string, number>();
  for (const key of params.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ignored: string[] = [];
  for (const [key, count] of counts) {
    const shown = quoted(key).slice(1, -1);
    if (!isKnownKey(key)) ignored.push(`${shown} (unknown)`);
    else if (count > 1) ignored.push(`${shown} (given ${times[count] ?? `${count} times`}, used the first)`);
  }
  return ignored.length > 0 ? `Ignored: ${ignored.join(', ')}.` : null;
}

/** Reads the playground's state from a query string (with or without the leading '?'). */
export function parsePlaygroundState(search: string): PlaygroundState {
  const params = new URLSearchParams(search.length > 4000 ? '' : search);
  const notices: string[] =
    search.length > 4000 ? ['The link was too long to read; using the defaults.'] : [];
  const ignored = ignoredKeys(params);
  if (ignored) notices.push(ignored);
  const first = parseOne(params, '', PLAYGROUND_DEFAULT, notices).config;
  const configs = [first];
  for (const prefix of COMPARE_PREFIXES.slice(1)) {
    const keys = URL_FIELDS.map((field) => prefix + field.key).filter((key) => params.has(key));
    if (keys.length === 0) continue;
    // A compare configuration exists only when one of its settings could be used.
    const parsed = parseOne(params, prefix, first, notices);
    const letter = prefix[0]!.toUpperCase();
    if (!parsed.used) {
      notices.push(`Configuration ${letter} was not added: none of its settings could be used.`);
      continue;
    }
    const shownAs = String.fromCharCode(65 + configs.length);
    // Configurations are shown in order, so C without B takes B's place; say so rather than relabel.
    if (shownAs !== letter)
      notices.push(
        `Configuration ${letter} is shown as configuration ${shownAs}, since there is no ${shownAs}.`,
      );
    configs.push(parsed.config);
  }
  let maxSteps = MAX_STEPS_DEFAULT;
  const rawSteps = params.get('until');
  if (rawSteps !== null) {
    const parsed = parseNumber(rawSteps);
    const value = parsed.ok ? parsed.value : Number.NaN;
    if (Number.isInteger(value) && value >= 1 && value <= MAX_STEPS_LIMIT) maxSteps = value;
    else {
      const reason =
        !parsed.ok && parsed.readings
          ? `Steps to train: ${parsed.message}`
          : `Steps to train must be a whole number from 1 to ${MAX_STEPS_LIMIT}.`;
      notices.push(`${reason} The link gave ${quoted(rawSteps)}; using ${MAX_STEPS_DEFAULT}.`);
    }
  }
  return { configs, maxSteps, notices };
}

/** Writes the state as a query string (no leading '?'): only values that differ from the defaults. */
export function formatPlaygroundState(state: Pick<PlaygroundState, 'configs' | 'maxSteps'>): string {
  const params = new URLSearchParams();
  const [first] = state.configs;
  state.configs.forEach((config, index) => {
    const prefix = COMPARE_PREFIXES[index]!;
    const base = index === 0 ? PLAYGROUND_DEFAULT : first!;
    for (const field of URL_FIELDS) {
      const value = field.read(config);
      if (value !== undefined && value !== field.read(base)) params.set(prefix + field.key, value);
    }
    // A compare configuration identical to A still needs one key to exist.
    if (index > 0 && ![...params.keys()].some((key) => key.startsWith(prefix)))
      params.set(`${prefix}seed`, String(config.seed));
  });
  if (state.maxSteps !== MAX_STEPS_DEFAULT) params.set('until', String(state.maxSteps));
  return params.toString();
}
