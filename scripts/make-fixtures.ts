/**
 * Writes the engine's parity fixtures: tests/fixtures/parity-<cell>-<name>.json, each holding an input
 * (PyTorch state_dict layout, batch-first), what the tfjs oracle computes for it, and which oracle that was.
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * Deterministic: a seeded PRNG of its own, the tfjs cpu backend, and every input a multiple of 1/256
 * (exact in float32 and float64, so the float64 engine and the float32 oracle read the same numbers).
 * Expected values are float32 results, written in the shortest decimal that rounds back to that float32.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import {
  ORACLE_GATES,
  type OracleCell,
  type OracleInput,
  type OracleOutput,
  runOracle,
} from '../tools/tfjs-oracle.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

export interface Fixture {
  input: OracleInput;
  expected: OracleOutput;
  generator: string;
}

interface FixtureSpec {
  name: 'plain' | 'masked' | 'large';
  batch: number;
  steps: number;
  inputSize: number;
  hiddenSize: number;
  /** Nonzero h0 (and c0 for the LSTM). */
  initialState: boolean;
  lengths?: number[];
}

/** plain: zero initial state, full lengths; masked: packed lengths and a given state; large: both, unsorted. */
export const FIXTURE_SPECS: readonly FixtureSpec[] = [
  { name: 'plain', batch: 2, steps: 5, inputSize: 3, hiddenSize: 4, initialState: false },
  { name: 'masked', batch: 3, steps: 5, inputSize: 3, hiddenSize: 4, initialState: true, lengths: [5, 3, 1] },
  {
    name: 'large',
    batch: 3,
    steps: 12,
    inputSize: 5,
    hiddenSize: 8,
    initialState: true,
    lengths: [12, 7, 10],
  },
];

export const FIXTURE_CELLS: readonly OracleCell[] = ['rnn', 'lstm', 'gru'];

/** mulberry32: a 32-bit seeded generator of floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [-scale, scale), rounded to a multiple of 1/256 so it is exact in float32. */
function quantizedUniform(random: () => number, scale: number): number {
  return Math.round((2 * random() - 1) * scale * 256) / 256;
}

function fill(random: () => number, scale: number, shape: readonly number[]): unknown {
  const [size, ...rest] = shape;
  return Array.from({ length: size! }, () =>
    rest.length === 0 ? quantizedUniform(random, scale) : fill(random, scale, rest),
  );
}

/** A fixture input; weights drawn like PyTorch's default init, U(-1/sqrt(H), 1/sqrt(H)). */
export function makeInput(cell: OracleCell, spec: FixtureSpec, seed: number): OracleInput {
  const random = mulberry32(seed);
  const { batch: B, steps: T, inputSize: I, hiddenSize: H } = spec;
  const rows = ORACLE_GATES[cell] * H;
  const weightScale = 1 / Math.sqrt(H);
  const matrix = (scale: number, shape: number[]) => fill(random, scale, shape) as number[][];
  const input: OracleInput = {
    cell,
    inputSize: I,
    hiddenSize: H,
    stateDict: {
      weight_ih_l0: matrix(weightScale, [rows, I]),
      weight_hh_l0: matrix(weightScale, [rows, H]),
      bias_ih_l0: fill(random, weightScale, [rows]) as number[],
      bias_hh_l0: fill(random, weightScale, [rows]) as number[],
    },
    x: fill(random, 1, [B, T, I]) as number[][][],
    dOutput: fill(random, 1, [B, T, H]) as number[][][],
  };
  if (spec.initialState) {
    input.h0 = matrix(0.5, [B, H]);
    if (cell === 'lstm') input.c0 = matrix(1, [B, H]);
  }
  if (spec.lengths) input.lengths = [...spec.lengths];
  return input;
}

/** The shortest decimal that rounds back to the same float32 (at most 9 significant digits). */
function shortestFloat32(value: number): number {
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return Number(value.toPrecision(9));
}

function mapNumbers<T>(value: T): T {
  if (typeof value === 'number') return shortestFloat32(value) as T;
  if (Array.isArray(value)) return value.map(mapNumbers) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, mapNumbers(entry)])) as T;
  }
  return value;
}

export function fixtureFileName(cell: OracleCell, name: string): string {
  return `parity-${cell}-${name}.json`;
}

/** Every fixture, keyed by file name. Call with the tfjs cpu backend active. */
export function buildFixtures(): Map<string, Fixture> {
  const fixtures = new Map<string, Fixture>();
  const generator = `tfjs-core ${tf.version_core} oracle, float32`;
  FIXTURE_CELLS.forEach((cell, cellIndex) => {
    FIXTURE_SPECS.forEach((spec, specIndex) => {
      const input = makeInput(cell, spec, 1000 + 10 * cellIndex + specIndex);
      const expected = mapNumbers(runOracle(input));
      fixtures.set(fixtureFileName(cell, spec.name), { input, expected, generator });
    });
  });
  return fixtures;
}

/** JSON with each innermost array of numbers on one line: small files that still diff readably. */
export function formatFixture(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'number')) return `[${value.join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => inner + formatFixture(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(
      ([key, entry]) => `${inner}${JSON.stringify(key)}: ${formatFixture(entry, inner)}`,
    );
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  for (const [fileName, fixture] of buildFixtures()) {
    const text = `${formatFixture(fixture)}\n`;
    writeFileSync(join(FIXTURE_DIR, fileName), text);
    console.log(`${fileName}  ${(text.length / 1024).toFixed(1)} KB`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
