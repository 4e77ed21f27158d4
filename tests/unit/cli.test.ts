/**
 * The command line as a script uses it: `train --json` and `bench --json` print exactly one JSON line of
 * the documented shape on stdout, and bad flags end with exit code 2 and one readable line on stderr
 * (the sentences themselves are checked in-process, which is faster than a process per flag).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/args.ts';
import { parseTrainFlags } from '../../cli/trainFlags.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs `npx tsx cli/main.ts <commandLine>` (split at spaces) and returns its exit code and output. */
function cli(commandLine: string | string[]) {
  const args = typeof commandLine === 'string' ? commandLine.split(' ') : commandLine;
  const run = spawnSync('npx', ['tsx', 'cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The single line of stdout, parsed; fails unless stdout is exactly one line of JSON. */
function oneJsonLine(stdout: string): Record<string, unknown> {
  const lines = stdout.split('\n').filter((line) => line !== '');
  expect(lines, stdout).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

const sortedKeys = (value: unknown) => Object.keys(value as object).sort();

describe('train', () => {
  it('prints one JSON line with exactly the documented keys', () => {
    const run = cli('train --cell gru --task recall --lag 3 --hidden 8 --steps 20 --json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = oneJsonLine(run.stdout);
    expect(sortedKeys(result)).toEqual([
      'diverged',
      'heldOut',
      'loss',
      'metric',
      'metricName',
      'ms',
      'steps',
    ]);
    expect(sortedKeys(result.heldOut)).toEqual(['loss', 'metric']);
    expect(result.metricName).toBe('accuracy');
    expect(result.diverged).toBe(false);
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThanOrEqual(20);
    for (const value of [result.loss, result.metric, result.ms]) expect(typeof value).toBe('number');
    const heldOut = result.heldOut as { loss: number; metric: number };
    expect(heldOut.metric).toBeGreaterThanOrEqual(0);
    expect(heldOut.metric).toBeLessThanOrEqual(1);
  });

  it('reports MSE for the adding task and stops early once the target is met', () => {
    const run = cli(
      'train --task adding --length 5 --hidden 8 --steps 400 --target 0.15 --eval-every 10 --json',
    );
    expect(run.status).toBe(0);
    const result = oneJsonLine(run.stdout);
    expect(result.metricName).toBe('mse');
    expect((result.heldOut as { metric: number }).metric).toBeLessThanOrEqual(0.15);
    expect(result.steps).toBeLessThan(400);
    expect((result.steps as number) % 10).toBe(0);
  });

  it('reports a diverged run as a result: the message, and no NaN', () => {
    const run = cli(
      'train --task adding --length 10 --hidden 8 --optimizer sgd --lr 1000 --clip none --steps 200 --json',
    );
    expect(run.status).toBe(0);
    const result = oneJsonLine(run.stdout);
    expect(result.diverged).toMatch(/^Training diverged at step \d+: .*clipping.*learning rate/);
    const heldOut = result.heldOut as Record<string, unknown>;
    for (const value of [result.loss, result.metric, heldOut.loss, heldOut.metric]) {
      expect(value === null || (typeof value === 'number' && Number.isFinite(value)), String(value)).toBe(
        true,
      );
    }
    expect(result.steps).toBeLessThan(200);
  });

  it.each([
    [['--hiden', '8'], /^Unknown option --hiden for "train"/],
    [['--hidden', '1e9'], /^Hidden size must be from 1 to 256; got 1000000000 \(--hidden\)\.$/],
    [['--lr', 'NaN'], /^The learning rate must be a finite number > 0; got NaN \(--lr\)\.$/],
    [['--lr', 'fast'], /^--lr must be a number; got "fast"\.$/],
    [['--cell', 'transformer'], /^--cell must be one of lstm, gru, rnn; got "transformer"\.$/],
    [['--dropout', '-0.5'], /^The output dropout rate must be from 0 to 0\.9; got -0\.5 \(--dropout\)\.$/],
    [['--task', 'adding', '--lag', '5'], /^--lag applies to the recall task only\.$/],
    [['--schedule', 'step', '--gamma', '0.5'], /^--schedule step needs --step-size N\.$/],
    [['--steps'], /^--steps needs a value/],
    [['--layers', '4'], /^The number of layers must be from 1 to 3; got 4 \(--layers\)\.$/],
    [
      ['--layer-dropout', '0.2'],
      /^--layer-dropout needs --layers 2 or 3 \(it acts between stacked layers\)\.$/,
    ],
    [
      ['--layers', '2', '--layer-dropout', '1'],
      /^The dropout rate between layers must be from 0 to 0\.9; got 1 \(--layer-dropout\)\.$/,
    ],
    [['--temperature', '0.5'], /^--temperature needs --sample N\.$/],
    [
      ['--task', 'chars', '--sample', '5', '--temperature', '0'],
      /^--temperature must be a finite number > 0; got 0\.$/,
    ],
    [['--task', 'chars', '--sample', '0'], /^--sample must be a whole number from 1 to 100000; got 0\.$/],
  ])('refuses %j with one sentence naming the flag', (flags, message) => {
    expect(() => parseTrainFlags(flags)).toThrow(UsageError);
    expect(() => parseTrainFlags(flags)).toThrow(message);
  });

  it('maps --layers and --layer-dropout onto the configuration', () => {
    const parsed = parseTrainFlags(['--layers', '3', '--layer-dropout', '0.25']);
    expect(parsed!.config.layers).toBe(3);
    expect(parsed!.config.dropout.layer).toBe(0.25);
    expect(parseTrainFlags([])!.config.layers).toBe(1);
    expect(parseTrainFlags([])!.run.sample).toBeNull();
  });

  it('trains a 2-layer chars model and prints the prime and a seeded sample in the JSON line', () => {
    const line = (seed: string) =>
      [
        'train',
        '--task',
        'chars',
        '--layers',
        '2',
        '--hidden',
        '8',
        '--steps',
        '5',
        '--target',
        'none',
      ].concat([
        '--sample',
        '20',
        '--temperature',
        '0.7',
        '--top-k',
        '5',
        '--prime',
        'the ',
        '--seed',
        seed,
        '--json',
      ]);
    const run = cli(line('1'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = oneJsonLine(run.stdout);
    expect(result.steps).toBe(5);
    expect(typeof result.sample).toBe('string');
    expect(result.sample as string).toMatch(/^the /);
    expect(result.sample as string).toHaveLength(24);
    expect(oneJsonLine(cli(line('1')).stdout).sample).toBe(result.sample);
  });

  it('refuses --sample for a task without a vocabulary, and a prime outside it, with exit code 2', () => {
    const recall = cli('train --task recall --sample 5');
    expect(recall.status).toBe(2);
    expect(recall.stderr).toBe(
      'unroll train: --sample needs a task that predicts the next symbol (chars); recall has no vocabulary.\n',
    );
    const prime = cli(['train', '--task', 'chars', '--sample', '5', '--prime', 'x€']);
    expect(prime.status).toBe(2);
    expect(prime.stderr).toBe('unroll train: --prime has "€", which is not in the chars vocabulary.\n');
  });

  it('ends a bad command line with exit code 2 and that one line on stderr, without a stack trace', () => {
    const run = cli('train --hidden 1e9 --json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('unroll train: Hidden size must be from 1 to 256; got 1000000000 (--hidden).\n');
  });
});

describe('bench', () => {
  it('prints one JSON line: a result per engine (the float32 one too) and cell, and the LSTM latency', () => {
    const run = cli('bench --json --seconds 0.3 --workloads standard');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = oneJsonLine(run.stdout);
    expect(sortedKeys(summary)).toEqual(['latency', 'results']);
    const results = summary.results as Record<string, unknown>[];
    expect(results).toHaveLength(12);
    for (const row of results) {
      expect(sortedKeys(row)).toEqual(['cell', 'engine', 'gflops', 'seqPerSec']);
      expect(row.seqPerSec).toBeGreaterThan(0);
      expect(row.gflops).toBeGreaterThan(0);
    }
    const pairs = results.map((row) => `${row.engine} ${row.cell}`).sort();
    expect(pairs).toEqual(
      ['unroll', 'unroll-f32', 'tfjs-cpu', 'tfjs-wasm']
        .flatMap((engine) => ['gru', 'lstm', 'rnn'].map((cell) => `${engine} ${cell}`))
        .sort(),
    );
    expect(sortedKeys(summary.latency)).toEqual(['lstm_h64_t200_b1_ms']);
    expect((summary.latency as { lstm_h64_t200_b1_ms: number }).lstm_h64_t200_b1_ms).toBeGreaterThan(0);
  });

  it('adds the char-LM as its own key, one row per engine, when it runs', () => {
    // tfjs takes seconds to tens of seconds per char-LM step, so this checks the shape on our engine.
    const run = cli('bench --json --seconds 0.05 --engines unroll');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = oneJsonLine(run.stdout);
    expect(sortedKeys(summary)).toEqual(['charLm', 'latency', 'results']);
    expect(summary.results).toHaveLength(3);
    const charLm = summary.charLm as Record<string, unknown>[];
    expect(charLm).toHaveLength(1);
    expect(sortedKeys(charLm[0])).toEqual(['engine', 'gflops', 'seqPerSec']);
    expect(charLm[0]!.engine).toBe('unroll');
    expect(charLm[0]!.gflops).toBeGreaterThan(0);
  });

  it('refuses an unknown workload with exit code 2', () => {
    const run = cli('bench --workloads char');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--workloads takes names from standard, char-lm; got "char"\.\n$/);
  });

  it('refuses a bad --seconds with exit code 2', () => {
    const run = cli('bench --seconds -1');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^unroll bench: --seconds must be a number from 0\.05 to 600; got -1\.\n$/);
  });
});
