import type { CellKind } from '../../../engine/types';
import { formatPercent } from '../../shared/format';

/** One row of a gate figure: a gate (σ, in [0, 1]) or a signed quantity (tanh candidate, states). */
export interface GateInfo {
  readonly key: string;
  /** The letter used in the equations. */
  readonly symbol: string;
  readonly name: string;
  /** 'gate': sigmoid output in [0, 1], sequential colours. 'signed': diverging colours centred at 0. */
  readonly kind: 'gate' | 'signed';
}

const gate = (key: string, name: string): GateInfo => ({ key, symbol: key, name, kind: 'gate' });
const signed = (key: string, name: string): GateInfo => ({ key, symbol: key, name, kind: 'signed' });

/**
 * The rows each cell shows, in PyTorch's gate order (LSTM i, f, g, o; GRU r, z, n), followed by the
 * states. A row appears only when its values are supplied.
 */
export const gateRows: Readonly<Record<CellKind, readonly GateInfo[]>> = {
  lstm: [
    gate('i', 'input'),
    gate('f', 'forget'),
    signed('g', 'candidate'),
    gate('o', 'output'),
    signed('c', 'cell state'),
  ],
  gru: [gate('r', 'reset'), gate('z', 'update'), signed('n', 'candidate'), signed('h', 'hidden state')],
  rnn: [signed('h', 'hidden state')],
};

export const gateOrderNote: Readonly<Record<CellKind, string>> = {
  lstm: 'Gates follow PyTorch’s order: i (input), f (forget), g (candidate), o (output); c is the cell state.',
  gru: 'Gates follow PyTorch’s order: r (reset), z (update), n (candidate); h is the hidden state, h = (1 − z)·n + z·h₋₁.',
  rnn: 'A plain RNN has no gates: the row is its hidden state h = tanh(W x + U h₋₁ + b).',
};

export type GateValues = Readonly<Record<string, Float64Array | readonly number[]>>;

/** One unit's values over time from a [T][H] row-major array; missing entries become NaN. */
export function unitSeries(
  values: Float64Array | readonly number[] | undefined,
  steps: number,
  hiddenSize: number,
  unit: number,
): Float64Array {
  const series = new Float64Array(Math.max(0, steps)).fill(Number.NaN);
  if (!values || unit < 0 || unit >= hiddenSize) return series;
  for (let t = 0; t < steps; t++) {
    const index = t * hiddenSize + unit;
    if (index < values.length) series[t] = Number(values[index]);
  }
  return series;
}

/** 0, 1, …, hiddenSize − 1: the units a selector offers. */
export function unitNumbers(hiddenSize: number): number[] {
  return Array.from({ length: Math.max(0, hiddenSize) }, (_, unit) => unit);
}

/** True when the figure has something to draw. */
export function hasGateData(gates: GateValues, steps: number, hiddenSize: number): boolean {
  return steps > 0 && hiddenSize > 0 && Object.values(gates).some((values) => values.length > 0);
}

/** How an input symbol reads on an axis: visible stand-ins for space and line breaks. */
export function displayInput(label: string | undefined): string {
  if (label === undefined) return '';
  if (label === ' ') return '␣';
  if (label === '\n') return '↵';
  if (label === '\t') return '⇥';
  return label;
}

/** A value with two decimals and a true minus sign; "no value" for NaN or ±Infinity. */
export function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'no value';
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== '0.00' ? `−${text}` : text;
}

/** What a forget gate value does, in words. */
export function forgetMeaning(f: number): string {
  if (!Number.isFinite(f)) return 'its effect is unknown';
  if (f >= 0.9) return 'it keeps almost all of the cell state';
  if (f <= 0.1) return 'it erases almost all of the cell state';
  return `it keeps ${formatPercent(f)} of the cell state`;
}

/** What a GRU update gate value does, in words (PyTorch: h = (1 − z)·n + z·h₋₁). */
export function updateMeaning(z: number): string {
  if (!Number.isFinite(z)) return 'its effect is unknown';
  if (z >= 0.9) return 'it keeps almost all of the previous state';
  if (z <= 0.1) return 'it replaces almost all of the previous state with the candidate';
  return `it keeps ${formatPercent(z)} of the previous state and takes ${formatPercent(1 - z)} from the candidate`;
}

const stepPhrase = (step: number, input: string | undefined) =>
  input ? `At step ${step + 1} (input “${displayInput(input)}”)` : `At step ${step + 1}`;

/**
 * One sentence about one unit at one time step, e.g. "At step 12 the forget gate of unit 3 is 0.97:
 * it keeps almost all of the cell state; …". Steps and units are counted from 1 in words.
 */
export function describeStep(
  cell: CellKind,
  value: (key: string) => number,
  step: number,
  unit: number,
  input?: string,
): string {
  const at = stepPhrase(step, input);
  const u = unit + 1;
  if (cell === 'lstm') {
    const f = value('f');
    return (
      `${at} the forget gate of unit ${u} is ${formatValue(f)}: ${forgetMeaning(f)}. ` +
      `The input gate is ${formatValue(value('i'))} on a candidate g = ${formatValue(value('g'))}, ` +
      `and the output gate is ${formatValue(value('o'))}.`
    );
  }
  if (cell === 'gru') {
    const z = value('z');
    return (
      `${at} the update gate of unit ${u} is ${formatValue(z)}: ${updateMeaning(z)} ` +
      `(n = ${formatValue(value('n'))}); the reset gate r = ${formatValue(value('r'))}.`
    );
  }
  return `${at} the hidden state of unit ${u} is ${formatValue(value('h'))}.`;
}

/** Mean of the finite values, or NaN when there are none. */
export function finiteMean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    if (Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}
