/**
 * Reading the PyTorch fixtures in tests/fixtures/torch (written by scripts/torch-fixtures.py, whose
 * docstring describes the format) into the engine's types, and comparing nested arrays against them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Model, modelFrom } from '../../engine/model.ts';
import { importStateDict } from '../../engine/statedict.ts';
import type { CellKind, SequenceBatch, Target } from '../../engine/types.ts';

export const TORCH_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'torch');

export type Nested = number | readonly Nested[];
export type StateDict = Record<string, Nested>;

/** A target as the fixture stores it (the engine's Target with nested arrays). */
export type FixtureTarget =
  | { kind: 'class'; numClasses: number; labels: number[][] }
  | { kind: 'value'; size: number; values: number[][][]; weight: number[][] };

/** One forward and backward of torch.nn.RNN/LSTM/GRU + fc. State tensors are [numLayers][B][H]. */
export interface LayerFixture {
  cell: CellKind;
  numLayers: number;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  mapping: 'many-to-one' | 'many-to-many';
  stateDict: StateDict;
  x: number[][][];
  lengths: number[];
  h0: number[][][] | null;
  c0: number[][][] | null;
  target: FixtureTarget;
  expected: {
    loss: number;
    outputs: number[][][];
    hN: number[][][];
    cN: number[][][] | null;
    grads: StateDict;
    dx: number[][][];
    dh0: number[][][];
    dc0: number[][][] | null;
  };
}

/** One optimisation phase of a trajectory, in the engine's OptimizerConfig terms. */
export interface FixturePhase {
  optimizer:
    | { kind: 'adam'; beta1: number; beta2: number; epsilon: number }
    | { kind: 'momentum'; momentum: number };
  learningRate: number;
  maxNorm: number | null;
  steps: number;
}

/** A training trajectory: step k trains on batch k mod batches.length. */
export interface TrainFixture {
  cell: CellKind;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  mapping: 'many-to-one' | 'many-to-many';
  phases: FixturePhase[];
  initialStateDict: StateDict;
  batches: { x: number[][][]; lengths: number[]; target: FixtureTarget }[];
  expected: { losses: number[]; gradNorms: number[]; finalStateDict: StateDict };
}

/** The fixture files whose names start with `prefix`, parsed, with their names. */
export function readTorchFixtures<F>(prefix: 'layer-' | 'train-'): [string, F][] {
  return readdirSync(TORCH_FIXTURES)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(TORCH_FIXTURES, name), 'utf8')) as F]);
}

export const flatten = (value: Nested): number[] =>
  Array.isArray(value) ? value.flatMap(flatten) : [value as number];

/** The engine's model from a state dict of any number of layers, through the production importer. */
export function modelFromStateDict(cell: CellKind, stateDict: StateDict): Model {
  const imported = importStateDict(stateDict, cell);
  if (!imported.ok) throw new Error(imported.errors.join(' '));
  return modelFrom(imported.value.layers, imported.value.head);
}

/** A batch-first SequenceBatch from a fixture's x, lengths and target. */
export function toBatch(x: number[][][], lengths: number[], target: FixtureTarget): SequenceBatch {
  const engineTarget: Target =
    target.kind === 'class'
      ? { kind: 'class', numClasses: target.numClasses, labels: Int32Array.from(target.labels.flat()) }
      : {
          kind: 'value',
          size: target.size,
          values: Float64Array.from(target.values.flat(2)),
          weight: Float64Array.from(target.weight.flat()),
        };
  return {
    batchSize: x.length,
    steps: x[0]!.length,
    inputSize: x[0]![0]!.length,
    x: Float64Array.from(x.flat(2)),
    lengths: Int32Array.from(lengths),
    target: engineTarget,
  };
}

/** max |ours − theirs| over every entry (NaN counts as Infinity); the lengths must agree. */
export function maxError(ours: ArrayLike<number>, theirs: Nested): number {
  const expected = flatten(theirs);
  expect(ours.length).toBe(expected.length);
  let worst = 0;
  for (let k = 0; k < expected.length; k++) {
    const error = Math.abs(ours[k]! - expected[k]!);
    worst = Math.max(worst, Number.isNaN(error) ? Infinity : error);
  }
  return worst;
}
