/**
 * Parity with PyTorch's single-layer RNN/LSTM/GRU: the engine's forward and BPTT against the fixtures in
 * tests/fixtures, which the independent tfjs oracle (tools/tfjs-oracle.ts) computed in float32.
 * The engine computes in float64 from the same float32-exact inputs, so the tolerance is float32's:
 * |ours − expected| ≤ 2e-5 + 1e-4·|expected| for every number. The test drives engine/recurrent.ts
 * directly, and separately the `parity` CLI, so a fault in either shows up on its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecurrentParams } from '../../engine/params.ts';
import { backward, forward } from '../../engine/recurrent.ts';
import type { OracleInput, OracleOutput } from '../../tools/tfjs-oracle.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const ABSOLUTE = 2e-5;
const RELATIVE = 1e-4;

interface Fixture {
  readonly input: OracleInput;
  readonly expected: OracleOutput;
}

type Nested = number | readonly Nested[];
const flatten = (value: Nested): number[] =>
  Array.isArray(value) ? value.flatMap(flatten) : [value as number];

const fixtureNames = readdirSync(FIXTURES)
  .filter((name) => /^parity-.*\.json$/.test(name))
  .sort();
const loadFixture = (name: string): Fixture => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** Asserts two nested arrays have the same shape and agree within the float32 tolerance; names the worst entry. */
function expectClose(what: string, actual: Nested | undefined, expected: Nested): void {
  expect(actual, `${what} is missing`).toBeDefined();
  const ours = flatten(actual!);
  const theirs = flatten(expected);
  expect(ours.length, `${what} has the wrong number of entries`).toBe(theirs.length);
  let worst = { index: -1, excess: 0 };
  ours.forEach((value, index) => {
    const excess = Math.abs(value - theirs[index]!) - (ABSOLUTE + RELATIVE * Math.abs(theirs[index]!));
    if (!(excess <= worst.excess)) worst = { index, excess: Number.isNaN(excess) ? Infinity : excess };
  });
  const at = worst.index;
  expect(at, `${what}[${at}] = ${ours[at]} but the oracle has ${theirs[at]}`).toBe(-1);
}

/** The engine on a fixture input: forward, L = Σ output ⊙ dOutput, full BPTT. */
function runEngine(input: OracleInput): OracleOutput {
  const { cell, inputSize: I, hiddenSize: H } = input;
  const B = input.x.length;
  const T = input.x[0]!.length;
  const params = createRecurrentParams(cell, I, H);
  params.Wih.w.set(input.stateDict.weight_ih_l0.flat());
  params.Whh.w.set(input.stateDict.weight_hh_l0.flat());
  params.bih.w.set(input.stateDict.bias_ih_l0);
  params.bhh.w.set(input.stateDict.bias_hh_l0);
  const x = Float64Array.from(input.x.flat(2));
  const lengths = Int32Array.from(input.lengths ?? input.x.map(() => T));
  const dOutput = Float64Array.from(input.dOutput.flat(2));
  const result = forward(
    params,
    { batchSize: B, steps: T, inputSize: I, x, lengths },
    {
      ...(input.h0 ? { h0: Float64Array.from(input.h0.flat()) } : {}),
      ...(input.c0 ? { c0: Float64Array.from(input.c0.flat()) } : {}),
    },
  );
  const rows = (flat: ArrayLike<number>, width: number): number[][] =>
    Array.from({ length: flat.length / width }, (_, r) => Array.from(flat).slice(r * width, (r + 1) * width));
  const cube = (flat: ArrayLike<number>, width: number): number[][][] =>
    Array.from({ length: B }, (_, b) =>
      rows(Array.from(flat).slice(b * T * width, (b + 1) * T * width), width),
    );
  let loss = 0;
  for (let k = 0; k < dOutput.length; k++) loss += result.outputs[k]! * dOutput[k]!;
  const output = cube(result.outputs, H);
  const hN = rows(result.hN, H);
  const cN = result.cN ? rows(result.cN, H) : undefined;
  const grads = backward(params, result.workspace, dOutput);
  return {
    output,
    hN,
    ...(cN ? { cN } : {}),
    loss,
    grads: {
      weight_ih_l0: rows(params.Wih.dw, I),
      weight_hh_l0: rows(params.Whh.dw, H),
      bias_ih_l0: Array.from(params.bih.dw),
      bias_hh_l0: Array.from(params.bhh.dw),
    },
    dx: cube(grads.dx, I),
    dh0: rows(grads.dh0, H),
    ...(grads.dc0 ? { dc0: rows(grads.dc0, H) } : {}),
  };
}

/** Every quantity of a result against the fixture's expected one. */
function expectParity(name: string, ours: OracleOutput, expected: OracleOutput): void {
  expectClose(`${name} output`, ours.output, expected.output);
  expectClose(`${name} hN`, ours.hN, expected.hN);
  expectClose(`${name} loss`, ours.loss, expected.loss);
  for (const key of ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'] as const) {
    expectClose(`${name} grads.${key}`, ours.grads[key], expected.grads[key]);
  }
  expectClose(`${name} dx`, ours.dx, expected.dx);
  expectClose(`${name} dh0`, ours.dh0, expected.dh0);
  if (expected.cN !== undefined) {
    expectClose(`${name} cN`, ours.cN, expected.cN);
    expectClose(`${name} dc0`, ours.dc0, expected.dc0!);
  } else {
    expect(ours.cN, `${name}: only the LSTM has a cell state`).toBeUndefined();
    expect(ours.dc0).toBeUndefined();
  }
}

/** Runs the CLI as a person would (`npx tsx cli/main.ts …`). */
function cli(...args: string[]) {
  return spawnSync('npx', ['tsx', 'cli/main.ts', ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('parity with the tfjs oracle of PyTorch', () => {
  it('finds the fixtures of every cell, plain, masked and large', () => {
    expect(fixtureNames.length).toBe(9);
    for (const cell of ['rnn', 'lstm', 'gru']) {
      for (const kind of ['plain', 'masked', 'large'])
        expect(fixtureNames).toContain(`parity-${cell}-${kind}.json`);
    }
  });

  it.each(fixtureNames)('matches %s: outputs, final states, loss and every gradient', (name) => {
    const fixture = loadFixture(name);
    expectParity(name, runEngine(fixture.input), fixture.expected);
  });

  it('would notice a wrong gradient: a fixture with one weight gradient nudged fails the comparison', () => {
    const fixture = loadFixture('parity-gru-plain.json');
    const tampered = structuredClone(fixture.expected);
    tampered.grads.weight_hh_l0[5]![1]! += 1e-3;
    expect(() => expectParity('tampered', runEngine(fixture.input), tampered)).toThrow(/weight_hh_l0\[21\]/);
  });

  it('gives the same numbers through the parity CLI', () => {
    const name = 'parity-lstm-large.json';
    const run = cli('parity', join('tests', 'fixtures', name));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expectParity(`CLI ${name}`, JSON.parse(run.stdout), loadFixture(name).expected);
  });

  it('accepts a bare input object as well as a fixture file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'unroll-parity-'));
    const file = join(directory, 'bare.json');
    const fixture = loadFixture('parity-rnn-masked.json');
    writeFileSync(file, JSON.stringify(fixture.input));
    const run = cli('parity', file);
    expect(run.status).toBe(0);
    expectParity('CLI bare input', JSON.parse(run.stdout), fixture.expected);
  });

  it('rejects a malformed fixture with exit code 2 and a message naming the problem, not a stack trace', () => {
    const directory = mkdtempSync(join(tmpdir(), 'unroll-parity-'));
    const fixture = loadFixture('parity-lstm-plain.json');
    const file = join(directory, 'malformed.json');
    const broken = structuredClone(fixture);
    broken.input.stateDict.weight_hh_l0.pop();
    (broken.input.x[1]![2] as unknown[])[0] = 'seven';
    writeFileSync(file, JSON.stringify(broken));
    const run = cli('parity', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'stateDict.weight_hh_l0 should have 16 rows (4 gates × hidden 4) but has 15.',
    );
    expect(run.stderr).toContain('x[1][2][0] should be a finite number but is the string "seven".');
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const notJson = join(directory, 'truncated.json');
    writeFileSync(notJson, '{"input": {"cell": "lstm"');
    const truncated = cli('parity', notJson);
    expect(truncated.status).toBe(2);
    expect(truncated.stderr).toMatch(/is not valid JSON/);
    expect(truncated.stderr).not.toMatch(/\n\s+at /);
  });
});
