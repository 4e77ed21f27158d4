/**
 * Reads and writes the playground's configurations in the query string: configuration A with plain
 * keys (`cell=gru&hidden=64`), and up to two more for compare mode as differences from A under `b.`
 * and `c.` (`b.cell=lstm`). Parsing never throws; every rejected value becomes a notice.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import { DEFAULT_TRAINER_CONFIG, validateTrainerConfig } from '../engine';
import { URL_FIELDS } from './urlFields';

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

function describeValue(raw: string): string {
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return `"${shown}"`;
}

function parseOne(
  params: URLSearchParams,
  prefix: string,
  base: TrainerConfig,
  notices: string[],
): TrainerConfig {
  let config = base;
  const name = prefix === '' ? '' : ` (configuration ${prefix[0]!.toUpperCase()})`;
  for (const field of URL_FIELDS) {
    const raw = params.get(prefix + field.key);
    if (raw === null) continue;
    const next = field.apply(config, raw);
    if (next === null) {
      notices.push(
        `${field.label}${name}: ${describeValue(raw)} is not allowed (${field.allowed}); using ${field.read(config) ?? 'the default'}.`,
      );
    } else {
      config = next;
    }
  }
  const problems = validateTrainerConfig(config);
  if (problems.length > 0) {
    notices.push(
      `${problems.map((problem) => problem.message).join(' ')} Using the defaults${name} instead.`,
    );
    return base;
  }
  return config;
}

/** Reads the playground's state from a query string (with or without the leading '?'). */
export function parsePlaygroundState(search: string): PlaygroundState {
  const params = new URLSearchParams(search.length > 4000 ? '' : search);
  const notices: string[] =
    search.length > 4000 ? ['The link was too long to read; using the defaults.'] : [];
  const first = parseOne(params, '', PLAYGROUND_DEFAULT, notices);
  const configs = [first];
  for (const prefix of COMPARE_PREFIXES.slice(1)) {
    const present = [...params.keys()].some((key) => key.startsWith(prefix));
    if (present) configs.push(parseOne(params, prefix, first, notices));
  }
  let maxSteps = MAX_STEPS_DEFAULT;
  const rawSteps = params.get('until');
  if (rawSteps !== null) {
    const value = Number(rawSteps);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_STEPS_LIMIT) maxSteps = value;
    else {
      notices.push(
        `Steps to train: ${describeValue(rawSteps)} is not allowed (a whole number from 1 to ${MAX_STEPS_LIMIT}); using ${MAX_STEPS_DEFAULT}.`,
      );
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
