/**
 * `train --task text`: a run on a text file prints the held-out perplexity and both counting baselines,
 * and a file that is not usable text ends with exit code 2 and one sentence on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/args.ts';
import { MAX_TEXT_FILE_BYTES, readTextFile } from '../../cli/textFile.ts';
import { parseTrainFlags } from '../../cli/trainFlags.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'unroll-text-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const prose = 'the river runs to the sea and the sea runs back to the river in the rain. '.repeat(12);

describe('reading a text file', () => {
  it('reads UTF-8 text and drops a byte-order mark', () => {
    expect(readTextFile(file('bom.txt', `\uFEFF${prose}`))).toBe(prose);
  });

  it.each([
    ['a missing file', () => join(dir, 'nowhere.txt'), /cannot be read: no such file/],
    ['a folder', () => dir, /is not a file/],
    ['an empty file', () => file('empty.txt', ''), /The text is empty/],
    [
      'a binary file',
      () => file('binary.bin', Uint8Array.from([0x89, 0x50, 0xff, 0xfe, 0x00, 0x01])),
      /not UTF-8/,
    ],
    ['text with NUL characters', () => file('nul.txt', `${prose}\u0000${prose}`), /binary file/],
    ['a file over the limit', () => file('large.txt', 'a'.repeat(MAX_TEXT_FILE_BYTES + 1)), /the limit is/],
  ])('refuses %s with one sentence', (_, path, message) => {
    expect(() => readTextFile(path())).toThrow(UsageError);
    expect(() => readTextFile(path())).toThrow(message);
  });
});

describe('train --task text', () => {
  it('builds the text task from the file, with the window length and vocabulary cap', () => {
    const parsed = parseTrainFlags([
      '--task',
      'text',
      '--text-file',
      file('prose.txt', prose),
      '--length',
      '16',
      '--vocabulary',
      '12',
    ]);
    expect(parsed?.config.task).toMatchObject({ kind: 'text', text: prose, steps: 16, vocabularySize: 12 });
    expect(parsed?.run.target).toBeNull();
  });

  it('points a refused vocabulary size at its flag', () => {
    expect(() => parseTrainFlags(['--task', 'text', '--vocabulary', '1'])).toThrow(/--vocabulary/);
    expect(() => parseTrainFlags(['--task', 'recall', '--text-file', 'x.txt'])).toThrow(
      /--text-file applies to the text task only/,
    );
  });

  it('prints the held-out perplexity and the unigram and bigram baselines', () => {
    const path = file('run.txt', prose);
    const args = ['--task', 'text', '--text-file', path, '--hidden', '8', '--length', '16', '--steps', '20'];
    const run = spawnSync('npx', ['tsx', 'cli/main.ts', 'train', ...args, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim()) as {
      steps: number;
      heldOut: { perplexity: number };
      baselines: { unigram: number; bigram: number };
    };
    expect(result.steps).toBe(20);
    expect(result.heldOut.perplexity).toBeGreaterThan(1);
    // On this text the bigram model knows a lot more than letter frequencies.
    expect(result.baselines.bigram).toBeLessThan(result.baselines.unigram);
    expect(result.baselines.bigram).toBeGreaterThan(1);
  });

  it('ends with exit code 2 and one line for a binary file', () => {
    const path = file(
      'image.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]),
    );
    const run = spawnSync('npx', ['tsx', 'cli/main.ts', 'train', '--task', 'text', '--text-file', path], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/not UTF-8 text/);
  });
});
