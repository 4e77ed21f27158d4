/**
 * Command-line flags: `--name value`, `--name=value` and boolean `--name` (split by `node:util` parseArgs),
 * checked against a table of the flags a command accepts. Every mistake becomes a {@link UsageError} with
 * one sentence that names the flag, which main.ts prints on stderr with exit code 2.
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was called (bad flag, bad value, bad input file): exit code 2, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One flag a command accepts. */
export interface FlagSpec {
  readonly name: string;
  /** 'boolean' flags take no value; 'value' flags take exactly one. */
  readonly kind: 'boolean' | 'value';
  /** What the value looks like in the help text, e.g. 'N' or 'lstm|gru|rnn'. */
  readonly value?: string;
  readonly help: string;
}

/** What {@link parseFlags} found. */
export interface ParsedFlags {
  /** Value flags by name (without the dashes), the last occurrence winning. */
  readonly values: ReadonlyMap<string, string>;
  /** Boolean flags that were given. */
  readonly switches: ReadonlySet<string>;
  /** Arguments that are not flags, in order. */
  readonly positionals: readonly string[];
}

/**
 * Splits argv into flags and positionals with Node's `parseArgs`; throws UsageError for an unknown flag, a
 * missing value or a value given to a boolean flag. parseArgs runs non-strict and hands back its tokens,
 * so that each mistake gets this CLI's own sentence rather than Node's. Single-dash arguments (`-h`, `-1`)
 * are positionals, as they were before parseArgs: the commands have no short flags.
 */
export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  command: string,
): ParsedFlags {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const options = Object.fromEntries(
    specs.map((spec) => [spec.name, { type: spec.kind === 'boolean' ? 'boolean' : 'string' } as const]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  let lastShortIndex = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    if (!token.rawName.startsWith('--')) {
      // `-abc` comes back as three tokens with one index: keep the argument once, as it was written.
      if (token.index !== lastShortIndex) positionals.push(argv[token.index]!);
      lastShortIndex = token.index;
      continue;
    }
    const { name } = token;
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError(
        `Unknown option --${name} for "${command}"; run "${command} --help" for the list.`,
      );
    }
    if (spec.kind === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${name} takes no value.`);
      switches.add(name);
      continue;
    }
    // parseArgs takes the next argument whatever it is; a flag there means this one's value is missing.
    const value = token.inlineValue === false && /^--[a-z]/.test(token.value ?? '') ? undefined : token.value;
    if (value === undefined) throw new UsageError(`--${name} needs a value (${spec.value ?? 'a value'}).`);
    values.set(name, value);
  }
  return { values, switches, positionals };
}

/**
 * The number a flag was given, or undefined if absent. Any numeric literal is accepted, including
 * `NaN`, `Infinity` and `1e9`, so that range problems are reported by the configuration's validator in
 * its own words; text that is not a number at all is a UsageError.
 */
export function numberFlag(flags: ParsedFlags, name: string): number | undefined {
  const text = flags.values.get(name);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || (Number.isNaN(value) && trimmed !== 'NaN')) {
    throw new UsageError(`--${name} must be a number; got ${JSON.stringify(text)}.`);
  }
  return value;
}

/** The value of a flag that must be one of `choices`, or undefined if absent. */
export function choiceFlag<T extends string>(
  flags: ParsedFlags,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = flags.values.get(name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got ${JSON.stringify(text)}.`);
  }
  return text as T;
}

/** A whole number within [min, max] for a flag the CLI itself owns (not a TrainerConfig field). */
export function integerFlag(flags: ParsedFlags, name: string, min: number, max: number): number | undefined {
  const value = numberFlag(flags, name);
  if (value === undefined) return undefined;
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got ${value}.`);
  }
  return value;
}

/** The help text of a command: its usage line, then one line per flag. */
export function helpText(usage: string, specs: readonly FlagSpec[]): string {
  const rows = specs.map((spec) => [`--${spec.name}${spec.value ? ` ${spec.value}` : ''}`, spec.help]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  return [`usage: ${usage}`, '', ...rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`)].join(
    '\n',
  );
}
