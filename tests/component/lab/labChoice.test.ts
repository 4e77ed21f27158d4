import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHOICE,
  defaultPrime,
  formatLabQuery,
  LAB_TEXT_LIMIT,
  ownTextProblem,
  parseLabQuery,
} from '../../../app/lab/labChoice';
import { readSavedLab, type SavedLab, savedLabFile } from '../../../app/lab/labSaved';

describe('the lab’s link', () => {
  it('reads every setting of a good link and writes the same link back', () => {
    const { choice, notices } = parseLabQuery('text=toy-code&cell=gru&layers=2&hidden=64&seed=3');
    expect(notices).toEqual([]);
    expect(choice).toEqual({
      text: { kind: 'builtin', id: 'toy-code' },
      cell: 'gru',
      layers: 2,
      hiddenSize: 64,
      seed: 3,
    });
    expect(parseLabQuery(formatLabQuery(choice)).choice).toEqual(choice);
  });

  it('names each bad, unknown or repeated value and keeps the default for it', () => {
    const { choice, notices } = parseLabQuery(
      'text=novel&cell=gpt&layers=4&hidden=1e3&seed=-2&seed=5&zoom=2',
    );
    expect(choice).toEqual(DEFAULT_CHOICE);
    expect(notices.join(' ')).toMatch(/text=novel/);
    expect(notices.join(' ')).toMatch(/cell=gpt/);
    expect(notices.join(' ')).toMatch(/layers=4/);
    expect(notices.join(' ')).toMatch(/hidden=1e3/);
    expect(notices.join(' ')).toMatch(/seed=-2/);
    expect(notices.join(' ')).toMatch(/“seed” is given more than once/);
    expect(notices.join(' ')).toMatch(/“zoom” is not a setting/);
  });
});

describe('the lab’s own texts', () => {
  it('takes a text within the limits and says why it refuses others', () => {
    expect(ownTextProblem('a few words. '.repeat(30))).toBeNull();
    expect(ownTextProblem('too short')).toMatch(/at least 200/);
    expect(ownTextProblem('x'.repeat(LAB_TEXT_LIMIT + 1))).toMatch(/at most 200,000/);
    expect(ownTextProblem(`${'text '.repeat(50)}\u0000`)).toMatch(/binary/);
  });

  it('starts samples with the text’s own first word', () => {
    expect(defaultPrime('Sequences are everywhere')).toBe('Sequences ');
    expect(defaultPrime('  fn main() {')).toBe('fn ');
  });
});

const saved: SavedLab = {
  format: 'unroll-language-lab',
  version: 1,
  savedAt: '2026-12-02T01:00:00.000Z',
  choice: DEFAULT_CHOICE,
  step: 120,
  weights: '{"weight_ih_l0":[[0.5]]}',
  vocabulary: ['a', 'b'],
  history: { stepOffset: 120, steps: [1, 2], loss: [3, 2.5], evaluations: [{ step: 100, perplexity: 9 }] },
  samples: [{ id: 1, step: 100, temperature: 0.5, prime: 'a', text: 'bab' }],
  profiles: [
    { cell: 'lstm', label: 'LSTM, 128 units, step 120', profile: Float64Array.of(1, 0.5), measuredAt: 'now' },
  ],
};

describe('the lab’s saved model', () => {
  it('reads back its own export file, weights included', () => {
    const read = readSavedLab(JSON.parse(savedLabFile(saved)), 'model.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(JSON.parse(read.saved.weights)).toEqual({ weight_ih_l0: [[0.5]] });
    expect(read.saved.profiles[0]!.profile).toEqual(Float64Array.of(1, 0.5));
    expect(read.saved.history).toEqual(saved.history);
  });

  it('refuses foreign, newer and damaged records with a sentence naming them', () => {
    const file = JSON.parse(savedLabFile(saved)) as Record<string, unknown>;
    const cases: [unknown, RegExp][] = [
      [null, /not a language-lab model/],
      [{ weight_ih_l0: [] }, /not a language-lab model/],
      [{ ...file, version: 2 }, /format version 2/],
      [{ ...file, choice: { ...DEFAULT_CHOICE, cell: 'gpt' } }, /settings are missing or damaged/],
      [{ ...file, choice: { ...DEFAULT_CHOICE, text: { kind: 'builtin', id: 'novel' } } }, /settings/],
      [{ ...file, stateDict: undefined }, /weights are missing/],
      [{ ...file, vocabulary: 'ab' }, /vocabulary/],
      [{ ...file, history: { ...saved.history, loss: [1] } }, /damaged/],
      [{ ...file, samples: [{ id: 'x' }] }, /damaged/],
    ];
    for (const [value, reason] of cases) {
      const read = readSavedLab(value, 'model.json');
      expect(read.ok, JSON.stringify(value)?.slice(0, 80)).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/^model\.json cannot be used: /);
      if (!read.ok) expect(read.message).toMatch(reason);
    }
  });
});
