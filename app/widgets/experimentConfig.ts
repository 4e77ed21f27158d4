import type { TrainerConfig } from '../../engine/trainerConfig';
import type { ExperimentConfig } from '../lessonTypes';
import { PLAYGROUND_DEFAULT } from '../playground/urlState';

/** A full configuration from the playground's default and a lesson's overrides (nested objects merged). */
export function configFrom(overrides: ExperimentConfig = {}): TrainerConfig {
  const base = PLAYGROUND_DEFAULT;
  return {
    ...base,
    ...overrides,
    task: overrides.task ?? base.task,
    init: { ...base.init, ...overrides.init },
    dropout: { ...base.dropout, ...overrides.dropout },
  };
}
