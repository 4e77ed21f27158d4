/**
 * Importing a `state_dict` (format in engine/statedictFormat.ts). The input is untrusted: the import never
 * throws, bounds its work by the size limits before it reads any number, and returns every problem it
 * finds as a sentence. The number of layers is read from the keys (`weight_ih_l0` … `weight_ih_l2`).
 */
import { MAX_LAYERS } from './model.ts';
import { createParam } from './params.ts';
import {
  dimWhy,
  isMatrix,
  LAYER_KEY,
  STATE_DICT_LIMITS as LIMITS,
  MAX_DIM,
  type Sizes,
  STATE_DICT_METADATA_KEY,
  shapeOf,
  type TensorSpec,
  tensorsFor,
} from './statedictFormat.ts';
import { type CellKind, type DenseParams, GATE_BLOCKS, type Param, type RecurrentParams } from './types.ts';

/**
 * A successfully imported model: fresh parameters (gradients zero) in the engine's layout, layers bottom
 * first. The cell, I and H are those of `layers[0]`; O is `head.outputSize`.
 */
export interface ImportedModel {
  readonly layers: readonly RecurrentParams[];
  readonly head: DenseParams;
}

/** The outcome of an import: the model, or every problem found (at most {@link MAX_ERRORS} sentences). */
export type ImportResult = { ok: true; value: ImportedModel } | { ok: false; errors: string[] };

/** The most problems an import reports before summarising the rest. */
export const MAX_ERRORS = 20;

const CELLS: readonly CellKind[] = ['rnn', 'gru', 'lstm'];
const CELL_NAMES: Readonly<Record<CellKind, string>> = { rnn: 'an RNN', gru: 'a GRU', lstm: 'an LSTM' };
/** Whatever the shapes: the tensors whose shapes depend on G or H vote on them in {@link inferSizes}. */
const hiddenTensors = (tensors: readonly TensorSpec[]) =>
  tensors.filter((t) => t.dims.some((dim) => dim === 'GH' || dim === 'H'));

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
function hintFor(key: string, keys: readonly string[]): string {
  const known = keys.find((name) => key.endsWith(`.${name}`) || key.endsWith(`.${name.slice(3)}`));
  if (known !== undefined) return ` (did you mean "${known}"?)`;
  if (key.includes('_reverse')) return ' (bidirectional layers are not supported)';
  return key.startsWith('weight_hr') ? ' (LSTM projections, proj_size, are not supported)' : '';
}

/**
 * L from the keys: one more than the highest layer number of a `weight_ih_l<k>`-like key (1 if there is
 * none). Pushes a problem for a key of a layer beyond {@link MAX_LAYERS}.
 */
function layerCount(keys: readonly string[], errors: string[]): number {
  let layers = 1;
  const tooDeep: string[] = [];
  for (const key of keys) {
    const match = LAYER_KEY.exec(key);
    if (match === null) continue;
    const k = Number(match[3]);
    if (k >= MAX_LAYERS) tooDeep.push(key);
    else layers = Math.max(layers, k + 1);
  }
  if (tooDeep.length > 0) {
    const first = tooDeep[0]!.slice(0, 60);
    errors.push(
      `"${first}" is a tensor of layer ${LAYER_KEY.exec(first)?.[3]}, but at most ${MAX_LAYERS} layers (l0 to l${MAX_LAYERS - 1}) are supported.`,
    );
  }
  return layers;
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

type Shapes = Readonly<Record<string, [number, number]>>;

/**
 * The sizes (G among `gates`, H) that the most of the tensors with G or H in their shape fit, and how many
 * fit: each tensor proposes an H, and the proposal that explains the most shapes wins (ties: H =
 * weight_hh_l0's columns). I and O are read off weight_ih_l0's columns and fc.weight's rows.
 */
function inferSizes(
  tensors: readonly TensorSpec[],
  shapes: Shapes,
  gates: readonly number[],
  layers: number,
): [Sizes, number] {
  const input = shapes.weight_ih_l0![1];
  const output = shapes['fc.weight']![0];
  const voters = hiddenTensors(tensors);
  const first = { gates: gates[0]!, hidden: shapes.weight_hh_l0![1], input, output, layers };
  let best: [Sizes, number] = [first, -1];
  for (const g of gates) {
    const proposals = [
      shapes.weight_hh_l0![1],
      shapes['fc.weight']![1],
      ...tensors.filter((t) => t.layer !== null).map((t) => shapes[t.key]![0] / g),
    ];
    for (const hidden of proposals) {
      if (!Number.isInteger(hidden) || hidden < 1) continue;
      const sizes: Sizes = { gates: g, hidden, input, output, layers };
      const fits = voters.filter((t) =>
        shapeOf(t, sizes).every((n, axis) => n === shapes[t.key]![axis]),
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
  const { input: inputSize, hidden: hiddenSize, output: outputSize, layers } = sizes;
  const expected = { format: 'unroll-state-dict', version: 1, cell, inputSize, hiddenSize, outputSize };
  const record = meta as Record<string, unknown>;
  // Files written before stacked layers have no numLayers; they hold one layer.
  const checks = Object.entries(
    record.numLayers === undefined ? expected : { ...expected, numLayers: layers },
  );
  for (const [field, wanted] of checks) {
    const got = record[field];
    if (got !== wanted) {
      errors.push(
        `The ${STATE_DICT_METADATA_KEY} metadata says ${field} is ${showValue(got)}, but the weights give ${wanted}.`,
      );
    }
  }
}

/** Every shape that differs from the sizes', as sentences. */
function shapeProblems(tensors: readonly TensorSpec[], shapes: Shapes, sizes: Sizes, errors: string[]): void {
  for (const t of tensors) {
    const want = shapeOf(t, sizes);
    const why = t.dims.map((dim) => dimWhy(dim, sizes)).join(', ');
    const got = shapes[t.key]!.slice(0, want.length);
    if (want.every((n, axis) => n === got[axis])) continue;
    if (isMatrix(t)) errors.push(`${t.key} should be ${want.join('×')} (${why}) but is ${got.join('×')}.`);
    else errors.push(`${t.key} should have ${want[0]} numbers (${why}) but has ${got[0]}.`);
  }
}

/**
 * Validates a parsed state dict (any value, e.g. from `JSON.parse`) and builds fresh parameters from it.
 * Requires exactly the tensor keys of L = 1..3 layers and the head (plus optional `_unroll` metadata that
 * must agree with them), every tensor rectangular with the exact shapes of one cell, every entry a finite
 * number, and the size limits. The cell is inferred from G = rows / H unless `cell` is given, in which case
 * it must match; likewise L is read from the keys unless `layers` is given. Never throws.
 */
export function importStateDict(value: unknown, cell?: CellKind, layers?: number): ImportResult {
  const errors: string[] = [];
  const fail = (): ImportResult => {
    const more = errors.length > MAX_ERRORS ? [`…and ${errors.length - MAX_ERRORS} more problems.`] : [];
    return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), ...more] };
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const keys = tensorsFor(1).map((t) => t.key);
    errors.push(`Expected a JSON object with the keys ${keys.join(', ')}, but got ${showValue(value)}.`);
    return fail();
  }
  const record = value as Record<string, unknown>;
  const L = layerCount(Object.keys(record), errors);
  if (errors.length > 0) return fail();
  if (layers !== undefined && L !== layers) {
    const plural = (n: number) => `${n} recurrent layer${n === 1 ? '' : 's'}`;
    errors.push(
      `These weights have ${plural(L)} (keys up to weight_ih_l${L - 1}), but this model has ${plural(layers)}.`,
    );
    return fail();
  }
  const tensors = tensorsFor(L);
  const keys = tensors.map((t) => t.key);
  const unknownKeys = Object.keys(record).filter(
    (key) => !keys.includes(key) && key !== STATE_DICT_METADATA_KEY,
  );
  for (const key of unknownKeys.slice(0, 5))
    errors.push(`Unknown key "${key.slice(0, 60)}"${hintFor(key, keys)}.`);
  if (unknownKeys.length > 5) errors.push(`…and ${unknownKeys.length - 5} more unknown keys.`);
  const shapes: Record<string, [number, number] | undefined> = {};
  for (const t of tensors) {
    if (Object.hasOwn(record, t.key)) shapes[t.key] = measure(t, record[t.key], errors);
    else if (t.layer !== null && t.layer < L - 1)
      errors.push(`Missing key "${t.key}" (layer ${L - 1} is there, so layer ${t.layer} must be too).`);
    else errors.push(`Missing key "${t.key}".`);
  }
  if (errors.length > 0) return fail();
  const measured = shapes as Shapes;
  const [free, freeFits] = inferSizes(tensors, measured, [1, 3, 4], L);
  const [sizes, fits] =
    cell === undefined ? [free, freeFits] : inferSizes(tensors, measured, [GATE_BLOCKS[cell]], L);
  const cellOf = (gates: number) => CELLS.find((kind) => GATE_BLOCKS[kind] === gates)!;
  const voters = hiddenTensors(tensors).length;
  if (cell !== undefined && freeFits === voters && free.gates !== GATE_BLOCKS[cell]) {
    // Shapes that fit another cell exactly deserve that sentence rather than a mismatch per tensor.
    const [wanted, found] = [CELL_NAMES[cell], CELL_NAMES[cellOf(free.gates)]];
    const blocks = `${free.gates} gate blocks of hidden ${free.hidden}`;
    errors.push(`These weights are ${found} (${blocks}), not ${wanted} (${GATE_BLOCKS[cell]} gate blocks).`);
  } else if (cell === undefined && fits < voters - 1) {
    // With more than one of them off, a guess at G and H would explain the mismatch wrongly.
    const list = tensors.map((t) => `${t.key} ${measured[t.key]!.filter((n) => n > 0).join('×')}`);
    errors.push(
      `These shapes fit no RNN, GRU or LSTM (G·H rows with G = 1, 3 or 4 and H = hidden): ${list.join(', ')}.`,
    );
  } else shapeProblems(tensors, measured, sizes, errors);
  if (errors.length > 0) return fail();
  const total = tensors.reduce((sum, t) => sum + measured[t.key]![0] * Math.max(1, measured[t.key]![1]), 0);
  if (total > LIMITS.maxNumbers)
    errors.push(`The weights hold ${total} numbers; at most ${LIMITS.maxNumbers} are allowed.`);
  const kind = cellOf(sizes.gates);
  checkMetadata(record[STATE_DICT_METADATA_KEY], kind, sizes, errors);
  if (errors.length > 0) return fail();
  const params = tensors.map((t) => {
    const param = createParam(t.key, shapeOf(t, sizes));
    param.w.set(read(t, record[t.key] as unknown[], errors));
    return param;
  });
  if (errors.length > 0) return fail();
  const { input: inputSize, hidden: hiddenSize, output: outputSize } = sizes;
  const stack = Array.from({ length: L }, (_, k): RecurrentParams => {
    const [Wih, Whh, bih, bhh] = params.slice(4 * k, 4 * k + 4) as [Param, Param, Param, Param];
    return { cell: kind, inputSize: k === 0 ? inputSize : hiddenSize, hiddenSize, Wih, Whh, bih, bhh };
  });
  const [W, b] = params.slice(4 * L) as [Param, Param];
  return { ok: true, value: { layers: stack, head: { inputSize: hiddenSize, outputSize, W, b } } };
}
