import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng.ts';
import {
  exportStateDict,
  type ImportResult,
  importStateDict,
  MAX_ERRORS,
  parseStateDict,
  STATE_DICT_LIMITS,
  type StateDictJson,
  stringifyStateDict,
} from '../../engine/statedict.ts';
import {
  type CellKind,
  type DenseParams,
  GATE_BLOCKS,
  type Param,
  type RecurrentParams,
} from '../../engine/types.ts';

function param(name: string, shape: number[], seed: number): Param {
  const size = shape.reduce((a, b) => a * b, 1);
  const rng = createRng(seed);
  // Values with full 53-bit mantissas and a wide range of exponents, the hard case for text round trips.
  const w = Float64Array.from({ length: size }, () => rng.normal() * 10 ** rng.int(7) * 1e-3);
  return { name, shape, w, dw: new Float64Array(size) };
}

function model(
  cell: CellKind,
  input: number,
  hidden: number,
  output: number,
): [RecurrentParams, DenseParams] {
  const rows = GATE_BLOCKS[cell] * hidden;
  const recurrent: RecurrentParams = {
    cell,
    inputSize: input,
    hiddenSize: hidden,
    Wih: param('weight_ih_l0', [rows, input], 1),
    Whh: param('weight_hh_l0', [rows, hidden], 2),
    bih: param('bias_ih_l0', [rows], 3),
    bhh: param('bias_hh_l0', [rows], 4),
  };
  const head: DenseParams = {
    inputSize: hidden,
    outputSize: output,
    W: param('fc.weight', [output, hidden], 5),
    b: param('fc.bias', [output], 6),
  };
  return [recurrent, head];
}

/** A JSON-shaped copy of a state dict that a test may break freely. */
function editable(cell: CellKind, input = 3, hidden = 4, output = 2): Record<string, unknown> {
  const [recurrent, head] = model(cell, input, hidden, output);
  return JSON.parse(JSON.stringify(exportStateDict([recurrent], head)));
}

function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

function bits(values: Float64Array): string {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length * 2)).join(',');
}

describe('export and import', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`round-trips a ${cell} through JSON.stringify bit for bit`, () => {
      const [recurrent, head] = model(cell, 5, 7, 3);
      const result = parseStateDict(JSON.stringify(exportStateDict([recurrent], head)));
      if (!result.ok) throw new Error(result.errors.join('\n'));
      const { value } = result;
      const imported = value.layers[0]!;
      expect([imported.cell, imported.inputSize, imported.hiddenSize, value.head.outputSize]).toEqual([
        cell,
        5,
        7,
        3,
      ]);
      const pairs: [Param, Param][] = [
        [recurrent.Wih, value.layers[0]!.Wih],
        [recurrent.Whh, value.layers[0]!.Whh],
        [recurrent.bih, value.layers[0]!.bih],
        [recurrent.bhh, value.layers[0]!.bhh],
        [head.W, value.head.W],
        [head.b, value.head.b],
      ];
      for (const [original, imported] of pairs) {
        expect(imported.name).toBe(original.name);
        expect(imported.shape).toEqual(original.shape);
        expect(bits(imported.w)).toBe(bits(original.w));
        expect(Array.from(imported.dw).every((v) => v === 0)).toBe(true);
      }
    });
  }

  it('writes PyTorch names and layouts: G·H rows in gate blocks, rows of I or H numbers', () => {
    const [recurrent, head] = model('lstm', 3, 4, 2);
    const dict = exportStateDict([recurrent], head);
    expect(Object.keys(dict)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'fc.weight',
      'fc.bias',
      '_unroll',
    ]);
    expect([dict.weight_ih_l0.length, dict.weight_ih_l0[0]!.length]).toEqual([16, 3]);
    expect([dict.weight_hh_l0.length, dict.weight_hh_l0[0]!.length]).toEqual([16, 4]);
    expect(dict.bias_hh_l0.length).toBe(16);
    expect([dict['fc.weight'].length, dict['fc.weight'][0]!.length]).toEqual([2, 4]);
    // Row-major: entry [r][c] is w[r*cols + c].
    expect(dict.weight_ih_l0[5]![2]).toBe(recurrent.Wih.w[5 * 3 + 2]);
    expect(dict._unroll).toEqual({
      format: 'unroll-state-dict',
      version: 1,
      cell: 'lstm',
      inputSize: 3,
      hiddenSize: 4,
      outputSize: 2,
      numLayers: 1,
    });
    expect(exportStateDict([recurrent], head, false)._unroll).toBeUndefined();
  });

  it('keeps the sign of zero through stringifyStateDict, which JSON.stringify loses', () => {
    const [recurrent, head] = model('gru', 2, 3, 2);
    recurrent.Whh.w[4] = -0;
    head.b.w[1] = -0;
    const text = stringifyStateDict(exportStateDict([recurrent], head));
    const result = parseStateDict(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(bits(result.value.layers[0]!.Whh.w)).toBe(bits(recurrent.Whh.w));
    expect(Object.is(result.value.head.b.w[1], -0)).toBe(true);
    // The same numbers otherwise: JSON.stringify writes both zeros as 0.
    expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(exportStateDict([recurrent], head)));
  });

  it('imports a file without metadata, inferring the cell from the gate blocks', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const dict = editable(cell, 3, 6, 2);
      delete dict._unroll;
      const result = importStateDict(dict);
      expect(result.ok && result.value.layers[0]!.cell).toBe(cell);
    }
  });
});

describe('import rejects bad input with clear messages', () => {
  it('rejects text that is not JSON, and JSON that is not an object', () => {
    expect(errorsOf(parseStateDict('{"weight_ih_l0": [[1, 2]'))[0]).toMatch(/not valid JSON/);
    expect(errorsOf(parseStateDict('NaN'))[0]).toMatch(/not valid JSON/);
    expect(errorsOf(parseStateDict(42))[0]).toBe('Expected JSON text.');
    expect(errorsOf(parseStateDict('[1, 2]'))[0]).toMatch(/Expected a JSON object .* but got an array/);
    expect(errorsOf(importStateDict(null))[0]).toMatch(/but got null/);
  });

  it('names a missing key and an unknown one, with a hint for module prefixes', () => {
    const dict = editable('lstm');
    dict['rnn.weight_hh_l0'] = dict.weight_hh_l0;
    delete dict.weight_hh_l0;
    const errors = errorsOf(importStateDict(dict));
    expect(errors).toContain('Missing key "weight_hh_l0".');
    expect(errors).toContain('Unknown key "rnn.weight_hh_l0" (did you mean "weight_hh_l0"?).');
  });

  it('explains a wrong shape in gates, hidden and input sizes', () => {
    const dict = editable('lstm', 10, 32, 5);
    dict.weight_hh_l0 = (dict.weight_hh_l0 as number[][]).map((row) => row.slice(1));
    expect(errorsOf(importStateDict(dict))).toEqual([
      'weight_hh_l0 should be 128×32 (4 gates × hidden 32, hidden 32) but is 128×31.',
    ]);
    const biased = editable('gru', 10, 8, 5);
    biased.bias_ih_l0 = (biased.bias_ih_l0 as number[]).slice(1);
    biased['fc.bias'] = [1, 2, 3];
    expect(errorsOf(importStateDict(biased))).toEqual([
      'bias_ih_l0 should have 24 numbers (3 gates × hidden 8) but has 23.',
      'fc.bias should have 5 numbers (outputs 5) but has 3.',
    ]);
  });

  it('reports ragged rows and rows that are not arrays', () => {
    const ragged = editable('rnn');
    (ragged.weight_ih_l0 as number[][])[2]!.push(0.5);
    expect(errorsOf(importStateDict(ragged))).toEqual([
      'weight_ih_l0 is ragged: row 0 has 3 numbers but row 2 has 4.',
    ]);
    const flat = editable('rnn');
    flat['fc.weight'] = [1, 2, 3];
    expect(errorsOf(importStateDict(flat))[0]).toBe(
      'fc.weight row 0 should be an array of numbers but is 1.',
    );
    const text = editable('rnn');
    text.bias_hh_l0 = 'zeros';
    expect(errorsOf(importStateDict(text))[0]).toBe(
      'bias_hh_l0 should be an array of numbers but is a string "zeros".',
    );
  });

  it('rejects NaN, Infinity, strings, null and nested arrays as entries, saying where', () => {
    const dict = editable('gru', 3, 4, 2);
    (dict.weight_hh_l0 as unknown[][])[1]![2] = Number.NaN;
    (dict.weight_ih_l0 as unknown[][])[0]![1] = '0.5';
    (dict['fc.bias'] as unknown[])[1] = null;
    (dict.bias_ih_l0 as unknown[])[3] = [1];
    expect(errorsOf(importStateDict(dict))).toEqual([
      'weight_ih_l0[0][1] should be a finite number but is a string "0.5".',
      'weight_hh_l0[1][2] should be a finite number but is NaN.',
      'bias_ih_l0[3] should be a finite number but is an array.',
      'fc.bias[1] should be a finite number but is null.',
    ]);
    // JSON has no NaN literal, but an overflowing number parses to Infinity.
    const text = JSON.stringify(editable('rnn')).replace(/"bias_hh_l0":\[[^,\]]+/, '"bias_hh_l0":[1e999');
    expect(errorsOf(parseStateDict(text))).toEqual([
      'bias_hh_l0[0] should be a finite number but is Infinity.',
    ]);
  });

  it('says which cell the shapes fit when another cell was asked for', () => {
    const dict = editable('gru', 3, 32, 2);
    expect(errorsOf(importStateDict(dict, 'lstm'))).toEqual([
      'These weights are a GRU (3 gate blocks of hidden 32), not an LSTM (4 gate blocks).',
    ]);
    expect(importStateDict(dict, 'gru').ok).toBe(true);
    const rows = editable('rnn', 3, 5, 2);
    for (const key of ['weight_ih_l0', 'weight_hh_l0']) {
      rows[key] = (rows[key] as number[][]).concat((rows[key] as number[][]).slice(0, 5));
    }
    rows.bias_ih_l0 = (rows.bias_ih_l0 as number[]).concat([0, 0, 0, 0, 0]);
    rows.bias_hh_l0 = (rows.bias_hh_l0 as number[]).concat([0, 0, 0, 0, 0]);
    delete rows._unroll;
    expect(errorsOf(importStateDict(rows))[0]).toMatch(
      /^These shapes fit no RNN, GRU or LSTM .*weight_hh_l0 10×5/,
    );
  });

  it('checks that the metadata agrees with the weights', () => {
    const dict = editable('lstm', 3, 4, 2);
    dict._unroll = { ...(dict._unroll as object), hiddenSize: 5, format: 'other' };
    expect(errorsOf(importStateDict(dict))).toEqual([
      'The _unroll metadata says format is a string "other", but the weights give unroll-state-dict.',
      'The _unroll metadata says hiddenSize is 5, but the weights give 4.',
    ]);
    dict._unroll = 'lstm';
    expect(errorsOf(importStateDict(dict))).toEqual([
      'The _unroll metadata should be an object but is a string "lstm".',
    ]);
  });

  it('rejects oversized input before reading it, and does so quickly', () => {
    const start = performance.now();
    const huge = ' '.repeat(STATE_DICT_LIMITS.maxTextLength + 1);
    expect(errorsOf(parseStateDict(huge))[0]).toMatch(/at most 20 MB/);
    const dict = editable('lstm');
    dict.weight_hh_l0 = new Array(10_000_000).fill([0]);
    expect(errorsOf(importStateDict(dict))).toEqual([
      'weight_hh_l0 has 10000000 rows; at most 2048 are allowed.',
    ]);
    const wide = editable('rnn');
    wide.weight_ih_l0 = [new Array(5_000_000).fill(0)];
    expect(errorsOf(importStateDict(wide))[0]).toMatch(/^weight_ih_l0 has 5000000 columns; at most 512/);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('enforces the limit on the total count of numbers', () => {
    // An LSTM with input 512 and hidden 512 holds 4·512·(512+512+2) + 512·513 ≈ 2.36 million numbers.
    const rows = 4 * 512;
    const matrix = (cols: number) => new Array(rows).fill(new Array(cols).fill(0));
    const dict = {
      weight_ih_l0: matrix(512),
      weight_hh_l0: matrix(512),
      bias_ih_l0: new Array(rows).fill(0),
      bias_hh_l0: new Array(rows).fill(0),
      'fc.weight': new Array(512).fill(new Array(512).fill(0)),
      'fc.bias': new Array(512).fill(0),
    };
    expect(errorsOf(importStateDict(dict))).toEqual([
      `The weights hold ${rows * 1026 + 512 * 513} numbers; at most 2000000 are allowed.`,
    ]);
  });

  it('caps the number of messages', () => {
    const dict = editable('rnn');
    for (let k = 0; k < 40; k++) dict[`extra_${k}`] = 0;
    delete dict.weight_ih_l0;
    const errors = errorsOf(importStateDict(dict));
    expect(errors.length).toBeLessThanOrEqual(MAX_ERRORS + 1);
    expect(errors).toContain('…and 35 more unknown keys.');
    expect(errors).toContain('Missing key "weight_ih_l0".');
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      '',
      '{}',
      '{"__proto__": {"x": 1}}',
      [],
      true,
      { weight_ih_l0: {} },
    ];
    for (const input of inputs) {
      expect(() => parseStateDict(input)).not.toThrow();
      expect(() => importStateDict(input)).not.toThrow();
    }
    const [one, oneHead] = model('rnn', 1, 1, 1);
    const typed: StateDictJson = exportStateDict([one], oneHead);
    expect(importStateDict(typed).ok).toBe(true);
  });
});
