/**
 * Sine: predict the next value of a sum of sines, at every step (many-to-many, MSE).
 *
 * A sequence samples s(t) = Σₖ aₖ sin(2π fₖ t + φₖ) at t = 0 .. T; the input at step t is s(t) and the
 * target is s(t+1). Each sequence draws its own phases φₖ uniformly from [0, 2π), so it starts anywhere in
 * the pattern. Frequencies fₖ (cycles per step) are either the fixed list below or, with
 * `frequencies: 'random'`, drawn for every sequence uniformly from [0.02, 0.25), which forces the network to
 * read the frequency off the sequence so far. The amplitudes aₖ ∝ 1/(k+1) sum to 1, so |s| ≤ 1.
 *
 * Always predicting 0 scores, in expectation over the phases, MSE = Σₖ aₖ² / 2 (the signal's power).
 */

import type { ConfigProblem } from '../configProblem.ts';
import type { Rng } from '../rng.ts';
import type { SequenceBatch } from '../types.ts';
import type { TaskSpec } from './types.ts';

/** Configuration of the sine task. */
export interface SineConfig {
  readonly kind: 'sine';
  /** T, the number of predictions per sequence, 2..500. */
  readonly steps: number;
  /** Sines in the sum, 1..5. */
  readonly components: number;
  /** The fixed list {@link SINE_FREQUENCIES}, or fresh random frequencies for every sequence. */
  readonly frequencies: 'fixed' | 'random';
  /** Sequences in the held-out set, 16..4096. */
  readonly heldOutSize: number;
}

/** The fixed frequencies in cycles per step (periods of 25, 9.1, 5.9, 4.3 and 3.2 steps). */
export const SINE_FREQUENCIES: readonly number[] = [0.04, 0.11, 0.17, 0.23, 0.31];

/** The range of random frequencies, [low, high) in cycles per step; below the Nyquist limit 0.5. */
export const SINE_RANDOM_FREQUENCY_RANGE: readonly [number, number] = [0.02, 0.25];

/** The amplitudes aₖ ∝ 1/(k+1), normalised to sum to 1. */
export function sineAmplitudes(components: number): number[] {
  const raw = Array.from({ length: components }, (_, k) => 1 / (k + 1));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => value / total);
}

/**
 * Writes `steps + 1` samples s(0) .. s(steps) of one random sum of sines into `series` at `offset`
 * (advances `rng`): the task's inputs are samples 0 .. steps-1 and its targets samples 1 .. steps.
 */
export function writeSineSeries(
  rng: Rng,
  config: Pick<SineConfig, 'steps' | 'components' | 'frequencies'>,
  series: Float64Array,
  offset: number,
): void {
  const amplitudes = sineAmplitudes(config.components);
  const [low, high] = SINE_RANDOM_FREQUENCY_RANGE;
  const angular: number[] = [];
  const phases: number[] = [];
  for (let k = 0; k < config.components; k++) {
    const frequency = config.frequencies === 'fixed' ? SINE_FREQUENCIES[k]! : rng.uniform(low, high);
    angular.push(2 * Math.PI * frequency);
    phases.push(rng.uniform(0, 2 * Math.PI));
  }
  for (let t = 0; t <= config.steps; t++) {
    let value = 0;
    for (let k = 0; k < config.components; k++)
      value += amplitudes[k]! * Math.sin(angular[k]! * t + phases[k]!);
    series[offset + t] = value;
  }
}

function sineBatch(rng: Rng, config: SineConfig, batchSize: number): SequenceBatch {
  const { steps } = config;
  const series = new Float64Array(steps + 1);
  const x = new Float64Array(batchSize * steps);
  const values = new Float64Array(batchSize * steps);
  for (let b = 0; b < batchSize; b++) {
    writeSineSeries(rng, config, series, 0);
    x.set(series.subarray(0, steps), b * steps);
    values.set(series.subarray(1, steps + 1), b * steps);
  }
  return {
    batchSize,
    steps,
    inputSize: 1,
    x,
    lengths: new Int32Array(batchSize).fill(steps),
    target: { kind: 'value', size: 1, values, weight: new Float64Array(batchSize * steps).fill(1) },
  };
}

/** The sine task's spec; see the file comment for the design. */
export const sineSpec: TaskSpec<SineConfig> = {
  kind: 'sine',
  title: 'Sine forecast',
  summary: 'Watch a wave made of a few sines and predict its next value at every step.',
  defaults: { kind: 'sine', steps: 50, components: 3, frequencies: 'fixed', heldOutSize: 256 },
  fields: [
    { key: 'steps', label: 'Sequence length', min: 2, max: 500, integer: true },
    { key: 'components', label: 'Sine components', min: 1, max: SINE_FREQUENCIES.length, integer: true },
    { key: 'heldOutSize', label: 'Held-out sequences', min: 16, max: 4096, integer: true },
  ],
  extraProblems(config) {
    const problems: ConfigProblem[] = [];
    if (config.frequencies !== 'fixed' && config.frequencies !== 'random') {
      const got = JSON.stringify(config.frequencies) ?? 'nothing';
      problems.push({
        field: 'frequencies',
        message: `Frequencies must be "fixed" or "random"; got ${got}.`,
      });
    }
    return problems;
  },
  build(config) {
    const power = sineAmplitudes(config.components).reduce((sum, a) => sum + (a * a) / 2, 0);
    return {
      inputSize: 1,
      inputLabels: ['value'],
      output: { kind: 'values', size: 1, labels: ['next value'] },
      outputSize: 1,
      loss: 'mse',
      metrics: ['mse'],
      mapping: 'many-to-many',
      steps: config.steps,
      baseline: { metric: 'mse', value: power, description: 'always answer 0, the mean of the wave' },
      sampleBatch: (rng, batchSize) => sineBatch(rng, config, batchSize),
      heldOutBatch: (rng) => sineBatch(rng, config, config.heldOutSize),
    };
  },
};
