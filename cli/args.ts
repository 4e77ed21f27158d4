/**
 * Command-line flags: `--name value`, `--name=value` and boolean `--name`, checked against a table of the
 * flags a command accepts. Every mistake becomes a {@link UsageError} with one sentence that names the
 * flag, which main.ts prints on stderr with exit code 2.
 */

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

/** Splits argv into flags and positionals; throws UsageError for an unknown flag or a missing value. */
export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
  command: string,
): ParsedFlags {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--') {
      positionals.push(...argv.slice(k + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError(
        `Unknown option --${name} for "${command}"; run "${command} --help" for the list.`,
      );
    }
    if (spec.kind === 'boolean') {
      if (equals !== -1) throw new UsageError(`--${name} takes no value.`);
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else if (k + 1 < argv.length && !/^--[a-z]/.test(argv[k + 1]!)) value = argv[++k];
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
