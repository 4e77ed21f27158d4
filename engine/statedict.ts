/**
 * Weights in and out as JSON, in PyTorch's `state_dict` names and layouts, so a model trained here loads
 * into `torch.nn.RNN/LSTM/GRU(batch_first=True)` + `torch.nn.Linear` and back:
 *
 *     weight_ih_l0 [G·H][I]   weight_hh_l0 [G·H][H]   bias_ih_l0 [G·H]   bias_hh_l0 [G·H]
 *     fc.weight    [O][H]     fc.bias      [O]
 *
 * with G = GATE_BLOCKS[cell] (rnn 1; lstm 4 blocks i, f, g, o; gru 3 blocks r, z, n), as nested arrays of
 * numbers. An optional metadata record sits under the key `_unroll` ({@link STATE_DICT_METADATA_KEY});
 * PyTorch users drop it before loading, e.g.
 *
 *     d = json.load(f); d.pop('_unroll', None); t = {k: torch.tensor(v) for k, v in d.items()}
 *     rnn.load_state_dict({k: v for k, v in t.items() if k.endswith('_l0')})
 *     fc.load_state_dict({'weight': t['fc.weight'], 'bias': t['fc.bias']})
 *
 * Import treats its input as untrusted: it never throws, bounds its work by the size limits before it
 * reads any number, and returns every problem it finds as a sentence.
 */
import { createParam } from './params.ts';
import { type CellKind, type DenseParams, GATE_BLOCKS, type Param, type RecurrentParams } from './types.ts';

/** The JSON form: PyTorch's keys with nested arrays, plus optional metadata. */
export interface StateDictJson {
  weight_ih_l0: number[][];
  weight_hh_l0: number[][];
  bias_ih_l0: number[];
  bias_hh_l0: number[];
  'fc.weight': number[][];
  'fc.bias': number[];
  _unroll?: StateDictMetadata;
}

/** What the `_unroll` key records, so a file says which model it is without inferring it from shapes. */
export interface StateDictMetadata {
  format: 'unroll-state-dict';
  version: 1;
  cell: CellKind;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
}

/** The key of the metadata record; PyTorch users ignore or drop it. */
export const STATE_DICT_METADATA_KEY = '_unroll';

/** Limits on imported files; anything larger is rejected before its numbers are read. */
export const STATE_DICT_LIMITS = {
  maxInputSize: 512,
  maxHiddenSize: 512,
  maxOutputSize: 512,
  /** All entries of all six tensors together. */
  maxNumbers: 2_000_000,
  /** Characters of JSON text (UTF-16 code units; about bytes for this ASCII format). */
  maxTextLength: 20 * 1024 * 1024,
} as const;

/**
 * A successfully imported model: fresh parameters (gradients zero) in the engine's layout. The cell, I and
 * H are `recurrent.cell`, `recurrent.inputSize`, `recurrent.hiddenSize`; O is `head.outputSize`.
 */
export interface ImportedModel {
  readonly recurrent: RecurrentParams;
  readonly head: DenseParams;
}

/** The outcome of an import: the model, or every problem found (at most {@link MAX_ERRORS} sentences). */
export type ImportResult = { ok: true; value: ImportedModel } | { ok: false; errors: string[] };

/** The most problems an import reports before summarising the rest. */
export const MAX_ERRORS = 20;

/** The sizes a state dict's shapes are written in: G gate blocks, hidden H, input I, output O. */
interface Sizes {
  readonly gates: number;
  readonly hidden: number;
  readonly input: number;
  readonly output: number;
}

/** A dimension of the format: G·H gate rows, hidden H, input I or output O. */
type Dim = 'GH' | 'H' | 'I' | 'O';

/** One tensor of the format: its key and its dimensions (one for a vector, rows then columns for a matrix). */
interface TensorSpec {
  readonly key: 'weight_ih_l0' | 'weight_hh_l0' | 'bias_ih_l0' | 'bias_hh_l0' | 'fc.weight' | 'fc.bias';
  readonly dims: readonly [Dim] | readonly [Dim, Dim];
}
type TensorKey = TensorSpec['key'];

const LIMITS = STATE_DICT_LIMITS;
const TENSORS: readonly TensorSpec[] = [
  { key: 'weight_ih_l0', dims: ['GH', 'I'] },
  { key: 'weight_hh_l0', dims: ['GH', 'H'] },
  { key: 'bias_ih_l0', dims: ['GH'] },
  { key: 'bias_hh_l0', dims: ['GH'] },
  { key: 'fc.weight', dims: ['O', 'H'] },
  { key: 'fc.bias', dims: ['O'] },
];
const MAX_DIM: Readonly<Record<Dim, number>> = {
  GH: 4 * LIMITS.maxHiddenSize,
  H: LIMITS.maxHiddenSize,
  I: LIMITS.maxInputSize,
  O: LIMITS.maxOutputSize,
};

/** The expected length of a dimension for the given sizes. */
function dimSize(dim: Dim, s: Sizes): number {
  return { GH: s.gates * s.hidden, H: s.hidden, I: s.input, O: s.output }[dim];
}

/** Why a dimension has its length, for messages: "4 gates × hidden 32", "input 10". */
function dimWhy(dim: Dim, s: Sizes): string {
  if (dim === 'GH') return `${s.gates === 1 ? 'hidden' : `${s.gates} gates × hidden`} ${s.hidden}`;
  return dim === 'H' ? `hidden ${s.hidden}` : dim === 'I' ? `input ${s.input}` : `outputs ${s.output}`;
}

const shapeOf = (t: TensorSpec, s: Sizes): number[] => t.dims.map((dim) => dimSize(dim, s));
const isMatrix = (t: TensorSpec): boolean => t.dims.length === 2;
/** The tensors whose shapes depend on G or H, which vote on them in {@link inferSizes}. */
const HIDDEN_TENSORS = TENSORS.filter((t) => t.dims.some((dim) => dim === 'GH' || dim === 'H'));
const TENSOR_KEYS: readonly string[] = TENSORS.map((tensor) => tensor.key);
const CELLS: readonly CellKind[] = ['rnn', 'gru', 'lstm'];
const CELL_NAMES: Readonly<Record<CellKind, string>> = { rnn: 'an RNN', gru: 'a GRU', lstm: 'an LSTM' };

function nested(param: Param, shape: readonly number[]): number[][] | number[] {
  const [rows, cols] = shape as [number, number | undefined];
  if (param.w.length !== rows * (cols ?? 1))
    throw new RangeError(`${param.name} does not have the shape ${shape.join('×')}.`);
  if (cols === undefined) return Array.from(param.w);
  return Array.from({ length: rows }, (_, r) => Array.from(param.w.subarray(r * cols, (r + 1) * cols)));
}

/**
 * Copies the weights of a recurrent layer and its head into the JSON form (plain arrays; the model is not
 * mutated). Adds the `_unroll` metadata unless `metadata` is false. Throws RangeError if the parameters
 * disagree with their stated sizes, which is a bug in the caller, not bad input.
 */
export function exportStateDict(
  recurrent: RecurrentParams,
  head: DenseParams,
  metadata = true,
): StateDictJson {
  const { cell, inputSize, hiddenSize } = recurrent;
  if (head.inputSize !== hiddenSize)
    throw new RangeError(`The head reads ${head.inputSize} values, not ${hiddenSize}.`);
  const sizes: Sizes = {
    gates: GATE_BLOCKS[cell],
    hidden: hiddenSize,
    input: inputSize,
    output: head.outputSize,
  };
  const params: Record<TensorKey, Param> = {
    weight_ih_l0: recurrent.Wih,
    weight_hh_l0: recurrent.Whh,
    bias_ih_l0: recurrent.bih,
    bias_hh_l0: recurrent.bhh,
    'fc.weight': head.W,
    'fc.bias': head.b,
  };
  const dict: Record<string, unknown> = Object.fromEntries(
    TENSORS.map((t) => [t.key, nested(params[t.key], shapeOf(t, sizes))]),
  );
  if (metadata) {
    const outputSize = head.outputSize;
    dict._unroll = { format: 'unroll-state-dict', version: 1, cell, inputSize, hiddenSize, outputSize };
  }
  return dict as unknown as StateDictJson;
}

/**
 * JSON text of a state dict, one matrix row per line. Unlike `JSON.stringify`, which writes -0 as `0`,
 * it keeps the sign of zero, so text → {@link parseStateDict} restores every bit.
 */
export function stringifyStateDict(dict: StateDictJson): string {
  const number = (value: number) => (Object.is(value, -0) ? '-0' : JSON.stringify(value));
  const vector = (values: readonly number[]) => `[${values.map(number).join(',')}]`;
  const lines = TENSORS.map((t) => {
    const key = t.key;
    const matrix = isMatrix(t);
    const text = matrix
      ? `[\n    ${(dict[key] as number[][]).map(vector).join(',\n    ')}\n  ]`
      : vector(dict[key] as number[]);
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  if (dict._unroll !== undefined)
    lines.push(`  "${STATE_DICT_METADATA_KEY}": ${JSON.stringify(dict._unroll)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Parses and validates JSON text (see {@link importStateDict}); `cell`, if given, is required to match. */
export function parseStateDict(text: unknown, cell?: CellKind): ImportResult {
  if (typeof text !== 'string') return { ok: false, errors: ['Expected JSON text.'] };
  if (text.length > LIMITS.maxTextLength) {
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [`The text is ${megabytes} MB; at most 20 MB is accepted.`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'parse error';
    return { ok: false, errors: [`This is not valid JSON (${reason}).`] };
  }
  return importStateDict(value, cell);
}

/** What a value is, for messages: `a string "ab…"`, `NaN`, `null`, `an object`. */
function showValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return `a string ${JSON.stringify(value.length > 12 ? `${value.slice(0, 12)}…` : value)}`;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A hint for an unknown key that PyTorch would write for a model this format does not cover. */
function hintFor(key: string): string {
  const known = TENSOR_KEYS.find((name) => key.endsWith(`.${name}`) || key.endsWith(`.${name.slice(3)}`));
  if (known !== undefined) return ` (did you mean "${known}"?)`;
  if (/_l[1-9]/.test(key)) return ' (only one layer is supported)';
  if (key.includes('_reverse')) return ' (bidirectional layers are not supported)';
  return key.startsWith('weight_hr') ? ' (LSTM projections, proj_size, are not supported)' : '';
}

/**
 * Checks one tensor's structure (array, rows arrays, rectangular, within its limits) without reading its
 * numbers, and returns [rows, cols] (cols 0 for a vector), or undefined after pushing the problem.
 */
function measure(t: TensorSpec, value: unknown, errors: string[]): [number, number] | undefined {
  const kind = isMatrix(t) ? 'a matrix (an array of rows of numbers)' : 'an array of numbers';
  const unit = isMatrix(t) ? 'rows' : 'numbers';
  if (!Array.isArray(value))
    return void errors.push(`${t.key} should be ${kind} but is ${showValue(value)}.`);
  if (value.length === 0) return void errors.push(`${t.key} is empty.`);
  const maxRows = MAX_DIM[t.dims[0]];
  if (value.length > maxRows)
    return void errors.push(`${t.key} has ${value.length} ${unit}; at most ${maxRows} are allowed.`);
  if (t.dims[1] === undefined) return [value.length, 0];
  const cols = Array.isArray(value[0]) ? value[0].length : 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row))
      return void errors.push(`${t.key} row ${r} should be an array of numbers but is ${showValue(row)}.`);
    if (row.length !== cols)
      return void errors.push(
        `${t.key} is ragged: row 0 has ${cols} numbers but row ${r} has ${row.length}.`,
      );
  }
  if (cols === 0) return void errors.push(`${t.key} has empty rows.`);
  if (cols > MAX_DIM[t.dims[1]])
    return void errors.push(`${t.key} has ${cols} columns; at most ${MAX_DIM[t.dims[1]]} are allowed.`);
  return [value.length, cols];
}

/**
 * The sizes (G among `gates`, H) that the most of the five tensors with G or H in their shape fit, and how
 * many fit: each tensor proposes an H, and the proposal that explains the most shapes wins (ties: H =
 * weight_hh's columns). I and O are read off weight_ih's columns and fc.weight's rows.
 */
function inferSizes(shapes: Record<TensorKey, [number, number]>, gates: readonly number[]): [Sizes, number] {
  const input = shapes.weight_ih_l0[1];
  const output = shapes['fc.weight'][0];
  let best: [Sizes, number] = [{ gates: gates[0]!, hidden: shapes.weight_hh_l0[1], input, output }, -1];
  for (const g of gates) {
    const proposals = [
      shapes.weight_hh_l0[1],
      shapes['fc.weight'][1],
      ...TENSORS.slice(0, 4).map((t) => shapes[t.key][0] / g),
    ];
    for (const hidden of proposals) {
      if (!Number.isInteger(hidden) || hidden < 1) continue;
      const sizes: Sizes = { gates: g, hidden, input, output };
      const fits = HIDDEN_TENSORS.filter((t) =>
        shapeOf(t, sizes).every((n, axis) => n === shapes[t.key][axis]),
      ).length;
      if (fits > best[1]) best = [sizes, fits];
    }
  }
  return best;
}

/** Copies a tensor's entries, pushing a problem for the first few that are not finite numbers. */
function read(t: TensorSpec, value: unknown[], errors: string[]): Float64Array {
  const flat = isMatrix(t) ? (value as unknown[][]).flat() : value;
  const cols = isMatrix(t) ? (value[0] as unknown[]).length : 1;
  const out = new Float64Array(flat.length);
  let bad = 0;
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (typeof v === 'number' && Number.isFinite(v)) out[i] = v;
    else if (bad++ < 3) {
      const where = isMatrix(t) ? `[${Math.floor(i / cols)}][${i % cols}]` : `[${i}]`;
      errors.push(`${t.key}${where} should be a finite number but is ${showValue(v)}.`);
    }
  }
  if (bad > 3) errors.push(`${t.key} has ${bad - 3} more entries that are not finite numbers.`);
  return out;
}

/** Problems with the optional metadata: it must be an object that agrees with the weights. */
function checkMetadata(meta: unknown, cell: CellKind, sizes: Sizes, errors: string[]): void {
  if (meta === undefined) return;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return void errors.push(
      `The ${STATE_DICT_METADATA_KEY} metadata should be an object but is ${showValue(meta)}.`,
    );
  }
  const { input: inputSize, hidden: hiddenSize, output: outputSize } = sizes;
  const expected = { format: 'unroll-state-dict', version: 1, cell, inputSize, hiddenSize, outputSize };
  for (const [field, wanted] of Object.entries(expected)) {
    const got = (meta as Record<string, unknown>)[field];
    if (got !== wanted) {
      errors.push(
        `The ${STATE_DICT_METADATA_KEY} metadata says ${field} is ${showValue(got)}, but the weights give ${wanted}.`,
      );
    }
  }
}

/**
 * Validates a parsed state dict (any value, e.g. from `JSON.parse`) and builds fresh parameters from it.
 * Requires exactly the six tensor keys (plus optional `_unroll` metadata that must agree with them), every
 * tensor rectangular with the exact shapes of one cell, every entry a finite number, and the size limits.
 * The cell is inferred from G = rows / H unless `cell` is given, in which case it must match. Never throws.
 */
export function importStateDict(value: unknown, cell?: CellKind): ImportResult {
  const errors: string[] = [];
  const fail = (): ImportResult => {
    const more = errors.length > MAX_ERRORS ? [`…and ${errors.length - MAX_ERRORS} more problems.`] : [];
    return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), ...more] };
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(
      `Expected a JSON object with the keys ${TENSOR_KEYS.join(', ')}, but got ${showValue(value)}.`,
    );
    return fail();
  }
  const record = value as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter(
    (key) => !TENSOR_KEYS.includes(key) && key !== STATE_DICT_METADATA_KEY,
  );
  for (const key of unknownKeys.slice(0, 5)) errors.push(`Unknown key "${key.slice(0, 60)}"${hintFor(key)}.`);
  if (unknownKeys.length > 5) errors.push(`…and ${unknownKeys.length - 5} more unknown keys.`);
  const shapes: Partial<Record<TensorKey, [number, number]>> = {};
  for (const t of TENSORS) {
    if (!Object.hasOwn(record, t.key)) errors.push(`Missing key "${t.key}".`);
    else shapes[t.key] = measure(t, record[t.key], errors);
  }
  if (errors.length > 0) return fail();
  const measured = shapes as Record<TensorKey, [number, number]>;
  const [free, freeFits] = inferSizes(measured, [1, 3, 4]);
  const [sizes, fits] = cell === undefined ? [free, freeFits] : inferSizes(measured, [GATE_BLOCKS[cell]]);
  const cellOf = (gates: number) => CELLS.find((kind) => GATE_BLOCKS[kind] === gates)!;
  const shapeList = TENSORS.map((t) => `${t.key} ${measured[t.key].filter((n) => n > 0).join('×')}`).join(
    ', ',
  );
  if (cell !== undefined && freeFits === HIDDEN_TENSORS.length && free.gates !== GATE_BLOCKS[cell]) {
    // Shapes that fit another cell exactly deserve that sentence rather than six mismatches.
    const [wanted, found] = [CELL_NAMES[cell], CELL_NAMES[cellOf(free.gates)]];
    const blocks = `${free.gates} gate blocks of hidden ${free.hidden}`;
    errors.push(`These weights are ${found} (${blocks}), not ${wanted} (${GATE_BLOCKS[cell]} gate blocks).`);
  } else if (cell === undefined && fits < HIDDEN_TENSORS.length - 1) {
    // With more than one of them off, a guess at G and H would explain the mismatch wrongly.
    errors.push(
      `These shapes fit no RNN, GRU or LSTM (G·H rows with G = 1, 3 or 4 and H = hidden): ${shapeList}.`,
    );
  } else {
    for (const t of TENSORS) {
      const want = shapeOf(t, sizes);
      const why = t.dims.map((dim) => dimWhy(dim, sizes)).join(', ');
      const got = measured[t.key].slice(0, want.length);
      if (want.every((n, axis) => n === got[axis])) continue;
      if (isMatrix(t)) errors.push(`${t.key} should be ${want.join('×')} (${why}) but is ${got.join('×')}.`);
      else errors.push(`${t.key} should have ${want[0]} numbers (${why}) but has ${got[0]}.`);
    }
  }
  if (errors.length > 0) return fail();
  const total = TENSORS.reduce((sum, t) => sum + measured[t.key][0] * Math.max(1, measured[t.key][1]), 0);
  if (total > LIMITS.maxNumbers)
    errors.push(`The weights hold ${total} numbers; at most ${LIMITS.maxNumbers} are allowed.`);
  const kind = cellOf(sizes.gates);
  checkMetadata(record[STATE_DICT_METADATA_KEY], kind, sizes, errors);
  if (errors.length > 0) return fail();
  const [wih, whh, bih, bhh, fcW, fcB] = TENSORS.map((t) => {
    const param = createParam(t.key, shapeOf(t, sizes));
    param.w.set(read(t, record[t.key] as unknown[], errors));
    return param;
  }) as [Param, Param, Param, Param, Param, Param];
  if (errors.length > 0) return fail();
  const { input: inputSize, hidden: hiddenSize, output: outputSize } = sizes;
  const recurrent = { cell: kind, inputSize, hiddenSize, Wih: wih, Whh: whh, bih, bhh };
  return { ok: true, value: { recurrent, head: { inputSize: hiddenSize, outputSize, W: fcW, b: fcB } } };
}
