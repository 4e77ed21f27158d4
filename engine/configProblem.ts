/** How every configuration in the engine (tasks, optimisers, schedules, clipping, runs) reports what is wrong. */

/** One human-readable problem with one field of a configuration. */
export interface ConfigProblem {
  /** The configuration key at fault, e.g. `'beta2'`, or `'kind'` for an unknown kind. */
  readonly field: string;
  /** A sentence for the person who typed the value, e.g. "β₂ must be in [0, 1); got 1.5." */
  readonly message: string;
}

/** Thrown when a configuration that its validator rejects is used anyway; carries every problem. */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
  /** Every problem found, not only the first. */
  readonly problems: readonly ConfigProblem[];
  constructor(what: string, problems: readonly ConfigProblem[]) {
    super(`Invalid ${what}: ${problems.map((problem) => problem.message).join(' ')}`);
    this.problems = problems;
  }
}
