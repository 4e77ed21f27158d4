/**
 * Reading a parity input (the `input` of a tests/fixtures file, or a bare input object) as untrusted data:
 * every key, shape and number is checked before the engine sees it, and every problem comes back as a
 * sentence naming where it is, e.g. "stateDict.weight_hh_l0 should have 16 rows (4 gates × hidden 4) but
 * has 12." The format is PyTorch's single-layer `nn.RNN/LSTM/GRU(batch_first=True)`:
 *
 *     { cell, inputSize I, hiddenSize H,
 *       stateDict: { weight_ih_l0 [G·H][I], weight_hh_l0 [G·H][H], bias_ih_l0 [G·H], bias_hh_l0 [G·H] },
 *       x [B][T][I], h0? [B][H], c0? [B][H] (LSTM), lengths? [B] (each 1..T), dOutput [B][T][H] }
 */
import { type CellKind, GATE_BLOCKS } from '../engine/types.ts';

/** A validated parity input, flattened row-major into typed arrays. */
export interface ParityInput {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly batchSize: number;
  readonly steps: number;
  /** [G·H][I], [G·H][H], [G·H], [G·H] in PyTorch's gate order. */
  readonly Wih: Float64Array;
  readonly Whh: Float64Array;
  readonly bih: Float64Array;
  readonly bhh: Float64Array;
  /** [B][T][I] */
  readonly x: Float64Array;
  /** [B][H], or undefined for zeros. */
  readonly h0: Float64Array | undefined;
  readonly c0: Float64Array | undefined;
  /** [B], each 1..T (all T when the input gives none). */
  readonly lengths: Int32Array;
  /** [B][T][H]: dL/d(output) for L = sum(output ⊙ dOutput). */
  readonly dOutput: Float64Array;
}

export type ParityReadResult = { ok: true; value: ParityInput } | { ok: false; errors: string[] };

/** Sizes beyond which an input is refused before its numbers are read. */
export const PARITY_LIMITS = { maxSize: 512, maxBatch: 1024, maxSteps: 2000, maxNumbers: 4_000_000 } as const;

const MAX_ERRORS = 10;
const INPUT_KEYS = ['cell', 'inputSize', 'hiddenSize', 'stateDict', 'x', 'h0', 'c0', 'lengths', 'dOutput'];
const STATE_KEYS = ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'] as const;

/** One axis of an expected shape: its length and how to say what it counts. */
interface Axis {
  readonly size: number;
  readonly what: string;
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 20))}`;
  if (value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/**
 * Reads a nested array of the given shape into a flat Float64Array, pushing a sentence per problem.
 * Stops at the first structural problem of a tensor; reports at most three non-finite entries per tensor.
 */
function readTensor(value: unknown, path: string, shape: readonly Axis[], errors: string[]): Float64Array {
  const out = new Float64Array(shape.reduce((product, axis) => product * axis.size, 1));
  let filled = 0;
  let bad = 0;
  const walk = (node: unknown, where: string, depth: number): boolean => {
    const axis = shape[depth]!;
    if (!Array.isArray(node)) {
      errors.push(`${where} should be an array of ${axis.size} ${axis.what} but is ${show(node)}.`);
      return false;
    }
    if (node.length !== axis.size) {
      errors.push(`${where} should have ${axis.size} ${axis.what} but has ${node.length}.`);
      return false;
    }
    for (let k = 0; k < node.length; k++) {
      const item: unknown = node[k];
      if (depth + 1 < shape.length) {
        if (!walk(item, `${where}[${k}]`, depth + 1)) return false;
      } else if (typeof item === 'number' && Number.isFinite(item)) {
        out[filled++] = item;
      } else {
        filled++;
        if (bad++ < 3) errors.push(`${where}[${k}] should be a finite number but is ${show(item)}.`);
      }
    }
    return true;
  };
  walk(value, path, 0);
  if (bad > 3) errors.push(`${path} has ${bad - 3} more entries that are not finite numbers.`);
  return out;
}

function readSize(record: Record<string, unknown>, key: string, errors: string[]): number {
  const value = record[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= PARITY_LIMITS.maxSize) {
    return value;
  }
  errors.push(`${key} should be a whole number from 1 to ${PARITY_LIMITS.maxSize} but is ${show(value)}.`);
  return 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finish(errors: string[]): ParityReadResult {
  const more = errors.length > MAX_ERRORS ? [`…and ${errors.length - MAX_ERRORS} more problems.`] : [];
  return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), ...more] };
}

/**
 * Validates a parsed JSON value as a parity input. A fixture file's `{ input, expected, generator }` is
 * unwrapped to its `input`. Never throws.
 */
export function readParityInput(parsed: unknown): ParityReadResult {
  const value = isRecord(parsed) && !('cell' in parsed) && 'input' in parsed ? parsed.input : parsed;
  const errors: string[] = [];
  if (!isRecord(value)) {
    return finish([
      `Expected a JSON object with the keys cell, inputSize, hiddenSize, stateDict, x and dOutput.`,
    ]);
  }
  for (const key of Object.keys(value)
    .filter((key) => !INPUT_KEYS.includes(key))
    .slice(0, 5)) {
    errors.push(`Unknown key "${key.slice(0, 40)}"; the keys are ${INPUT_KEYS.join(', ')}.`);
  }
  for (const key of ['cell', 'inputSize', 'hiddenSize', 'stateDict', 'x', 'dOutput']) {
    if (!(key in value)) errors.push(`Missing key "${key}".`);
  }
  if (errors.length > 0) return finish(errors);
  const cell = value.cell;
  if (cell !== 'rnn' && cell !== 'lstm' && cell !== 'gru') {
    errors.push(`cell should be "rnn", "lstm" or "gru" but is ${show(cell)}.`);
  }
  const I = readSize(value, 'inputSize', errors);
  const H = readSize(value, 'hiddenSize', errors);
  const x = value.x;
  const first: unknown = Array.isArray(x) ? x[0] : undefined;
  const B = Array.isArray(x) ? x.length : 0;
  const T = Array.isArray(first) ? first.length : 0;
  if (!(B >= 1 && B <= PARITY_LIMITS.maxBatch)) {
    errors.push(
      `x should be an array of 1 to ${PARITY_LIMITS.maxBatch} sequences [B][T][I] but is ${B === 0 ? show(x) : `${B} long`}.`,
    );
  } else if (!(T >= 1 && T <= PARITY_LIMITS.maxSteps)) {
    errors.push(
      `x[0] should be an array of 1 to ${PARITY_LIMITS.maxSteps} steps but is ${T === 0 ? show(first) : `${T} long`}.`,
    );
  }
  const state = value.stateDict;
  if (!isRecord(state)) errors.push(`stateDict should be an object but is ${show(state)}.`);
  else {
    for (const key of Object.keys(state).filter((key) => !(STATE_KEYS as readonly string[]).includes(key))) {
      errors.push(`Unknown key "stateDict.${key.slice(0, 40)}"; the keys are ${STATE_KEYS.join(', ')}.`);
    }
    for (const key of STATE_KEYS) if (!(key in state)) errors.push(`Missing key "stateDict.${key}".`);
  }
  if (value.c0 !== undefined && cell !== 'lstm') errors.push('c0 is only for the LSTM; remove it.');
  if (errors.length > 0) return finish(errors);
  const kind = cell as CellKind;
  const weights = state as Record<string, unknown>;
  const G = GATE_BLOCKS[kind];
  const numbers = G * H * (I + H + 2) + B * T * (I + H) + 2 * B * H + B;
  if (numbers > PARITY_LIMITS.maxNumbers) {
    return finish([
      `The input holds about ${numbers} numbers; at most ${PARITY_LIMITS.maxNumbers} are accepted.`,
    ]);
  }
  const gates = `(${G === 1 ? '' : `${G} gates × `}hidden ${H})`;
  const gateRows = { size: G * H, what: `rows ${gates}` };
  const gateNumbers = { size: G * H, what: `numbers ${gates}` };
  const sequences = { size: B, what: 'sequences (B, from x)' };
  const steps = { size: T, what: 'steps (T, from x[0])' };
  const Wih = readTensor(
    weights.weight_ih_l0,
    'stateDict.weight_ih_l0',
    [gateRows, { size: I, what: 'numbers (inputSize)' }],
    errors,
  );
  const Whh = readTensor(
    weights.weight_hh_l0,
    'stateDict.weight_hh_l0',
    [gateRows, { size: H, what: 'numbers (hiddenSize)' }],
    errors,
  );
  const bih = readTensor(weights.bias_ih_l0, 'stateDict.bias_ih_l0', [gateNumbers], errors);
  const bhh = readTensor(weights.bias_hh_l0, 'stateDict.bias_hh_l0', [gateNumbers], errors);
  const xs = readTensor(x, 'x', [sequences, steps, { size: I, what: 'numbers (inputSize)' }], errors);
  const hidden = { size: H, what: 'numbers (hiddenSize)' };
  const dOutput = readTensor(value.dOutput, 'dOutput', [sequences, steps, hidden], errors);
  const h0 = value.h0 === undefined ? undefined : readTensor(value.h0, 'h0', [sequences, hidden], errors);
  const c0 = value.c0 === undefined ? undefined : readTensor(value.c0, 'c0', [sequences, hidden], errors);
  const lengths = new Int32Array(B).fill(T);
  if (value.lengths !== undefined) {
    const given = readTensor(value.lengths, 'lengths', [sequences], errors);
    given.forEach((length, b) => {
      if (Number.isInteger(length) && length >= 1 && length <= T) lengths[b] = length;
      else if (Array.isArray(value.lengths) && typeof value.lengths[b] === 'number') {
        errors.push(`lengths[${b}] should be a whole number from 1 to ${T} (T) but is ${length}.`);
      }
    });
  }
  if (errors.length > 0) return finish(errors);
  return {
    ok: true,
    value: {
      cell: kind,
      inputSize: I,
      hiddenSize: H,
      batchSize: B,
      steps: T,
      Wih,
      Whh,
      bih,
      bhh,
      x: xs,
      h0,
      c0,
      lengths,
      dOutput,
    },
  };
}
