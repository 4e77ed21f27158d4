import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../engine/configProblem.ts';
import { type LearningRateSchedule, learningRateAt, validateSchedule } from '../../engine/schedule.ts';

describe('learning-rate schedules', () => {
  it('keeps a constant rate', () => {
    for (const step of [0, 1, 1000]) expect(learningRateAt({ kind: 'constant' }, 0.01, step)).toBe(0.01);
  });

  it('multiplies by γ every stepSize updates, like StepLR', () => {
    const schedule: LearningRateSchedule = { kind: 'step', stepSize: 3, gamma: 0.5 };
    const rates = [0, 1, 2, 3, 4, 5, 6].map((step) => learningRateAt(schedule, 0.1, step));
    expect(rates).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025]);
  });

  it('multiplies by γ every update, like ExponentialLR stepped per update', () => {
    const schedule: LearningRateSchedule = { kind: 'exponential', gamma: 0.9 };
    // PyTorch's recursive form: lr ← lr·γ after each update.
    let recursive = 0.1;
    for (let step = 0; step < 200; step++) {
      expect(learningRateAt(schedule, 0.1, step)).toBeCloseTo(recursive, 15);
      recursive *= 0.9;
    }
    expect(learningRateAt(schedule, 0.1, 2)).toBeCloseTo(0.081, 16);
  });

  it('lists invalid fields for the UI', () => {
    expect(validateSchedule({ kind: 'step', stepSize: 10, gamma: 0.1 })).toEqual([]);
    const fields = (schedule: LearningRateSchedule): string[] =>
      validateSchedule(schedule).map((problem) => problem.field);
    expect(fields({ kind: 'step', stepSize: 0, gamma: 0.5 })).toEqual(['stepSize']);
    expect(fields({ kind: 'step', stepSize: 2.5, gamma: -1 })).toEqual(['gamma', 'stepSize']);
    expect(fields({ kind: 'exponential', gamma: Number.NaN })).toEqual(['gamma']);
    expect(fields({ kind: 'exponential', gamma: Number.POSITIVE_INFINITY })).toEqual(['gamma']);
    expect(fields({ kind: 'cosine' } as unknown as LearningRateSchedule)).toEqual(['kind']);
    expect(validateSchedule({ kind: 'exponential', gamma: 0 })[0]?.message).toBe(
      'γ must be a finite number > 0; got 0.',
    );
  });

  it('throws a ConfigError for an invalid schedule or base rate, and a RangeError for a bad step', () => {
    expect(() => learningRateAt({ kind: 'step', stepSize: 0, gamma: 0.5 }, 0.1, 0)).toThrow(ConfigError);
    expect(() => learningRateAt({ kind: 'constant' }, 0, 0)).toThrow(ConfigError);
    expect(() => learningRateAt({ kind: 'constant' }, Number.NaN, 0)).toThrow(/learning rate/);
    expect(() => learningRateAt({ kind: 'constant' }, 0.1, -1)).toThrow(RangeError);
    expect(() => learningRateAt({ kind: 'constant' }, 0.1, 1.5)).toThrow(RangeError);
  });
});
