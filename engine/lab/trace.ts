/**
 * Unit traces for the language lab: run a trained next-character model over a passage once (one-hot
 * inputs, batch of one, every layer starting from the zero state, no dropout) and keep everything a
 * figure of "what does each unit do" needs: every layer's hidden state, the LSTM's cell state, each
 * gate's activation, and the head's next-character probabilities, all per character.
 *
 * Arrays are [T][H] (or [T][V]) row-major Float64Arrays, owned by the caller: plain data that can be
 * posted from a worker as transferables. Step t is the state after reading character t (0-based). The lab's
 * worker posts a trace's values rounded to Float32Arrays ({@link toFloat32Trace}): they are drawn and
 * correlated, never trained on, and 3 layers × 6 series × 2,000 × 256 values are 74 MB in float64.
 */
import { headPredict } from '../head.ts';
import type { Model } from '../model.ts';
import { gateActivations } from '../probes.ts';
import { createStackWorkspace, type StackWorkspace, stackForward } from '../stack.ts';
import type { CellKind } from '../types.ts';

/** A per-unit series a trace holds: the states h and c, and the gates in PyTorch's order. */
export type TraceKind = 'h' | 'c' | 'i' | 'f' | 'g' | 'o' | 'r' | 'z' | 'n';

/** Which series each cell has, in the order figures list them. */
export const TRACE_KINDS: Readonly<Record<CellKind, readonly TraceKind[]>> = {
  rnn: ['h'],
  lstm: ['h', 'c', 'i', 'f', 'g', 'o'],
  gru: ['h', 'r', 'z', 'n'],
};

/** The series squashed by a sigmoid (values in [0, 1]); g and n are tanh's, h and c are states. */
export const SIGMOID_KINDS: readonly TraceKind[] = ['i', 'f', 'o', 'r', 'z'];

/** The arrays a trace's values sit in: Float64Array as computed, Float32Array as the lab's worker posts them. */
export type TraceValues = Float64Array | Float32Array;

/** One layer's series, each [T][H]; exactly the kinds of `TRACE_KINDS[cell]` are present. */
export type LayerTrace<A extends TraceValues = Float64Array> = Readonly<Partial<Record<TraceKind, A>>>;

/** What {@link traceText} returns (A = Float64Array), or its values in float32 (A = Float32Array). */
export interface TextTrace<A extends TraceValues = Float64Array> {
  readonly cell: CellKind;
  /** T, the passage's length in characters. */
  readonly steps: number;
  /** H, units per layer. */
  readonly hiddenSize: number;
  /** V, the vocabulary's size. */
  readonly vocabularySize: number;
  /** The series present in every layer (TRACE_KINDS[cell]). */
  readonly kinds: readonly TraceKind[];
  /** One entry per layer, bottom first. */
  readonly layers: readonly LayerTrace<A>[];
  /** [T][V]: softmax of the head after character t, the model's belief about character t + 1. */
  readonly probabilities: A;
}

/** A trace as the lab's worker posts it and the page reads it: every value rounded to float32. */
export type PostedTrace = TextTrace<Float32Array>;

/** A trace in either precision: what code that only reads a trace's values accepts. */
export type AnyTrace = TextTrace<TraceValues>;

/** Options of {@link traceText}. */
export interface TraceOptions {
  /** A stack workspace to reuse (at least 1 × T); one is made when omitted. */
  readonly workspace?: StackWorkspace;
}

/** Throws unless `codes` are whole symbols 0..V−1 and the model reads and predicts V one-hot symbols. */
export function checkCodes(model: Model, codes: ArrayLike<number>): number {
  const V = model.head.outputSize;
  if (model.layers[0]!.inputSize !== V) {
    throw new RangeError(
      `A language model reads one-hot symbols, but its inputs are ${model.layers[0]!.inputSize} wide and its outputs ${V}.`,
    );
  }
  for (let t = 0; t < codes.length; t++) {
    const code = codes[t]!;
    if (!(Number.isInteger(code) && code >= 0 && code < V)) {
      throw new RangeError(`Symbol ${code} at position ${t} is outside the vocabulary of ${V}.`);
    }
  }
  return V;
}

/** The one-hot encoding [T][V] of `codes`. */
export function oneHot(codes: ArrayLike<number>, V: number): Float64Array {
  const x = new Float64Array(codes.length * V);
  for (let t = 0; t < codes.length; t++) x[t * V + codes[t]!] = 1;
  return x;
}

/**
 * Runs `model` over `codes` (T ≥ 1 symbols of its vocabulary) and returns every layer's series and the
 * next-character probabilities (see {@link TextTrace}). Equals stepping a generator through the same
 * codes; reads the model, mutates only the workspace. Costs one forward of T steps.
 */
export function traceText(model: Model, codes: ArrayLike<number>, options: TraceOptions = {}): TextTrace {
  const V = checkCodes(model, codes);
  const T = codes.length;
  if (T < 1) throw new RangeError('A trace needs at least one character.');
  const { layers, head } = model;
  const { cell, hiddenSize: H } = layers[0]!;
  const workspace = options.workspace ?? createStackWorkspace(layers, 1, T);
  const input = { batchSize: 1, steps: T, inputSize: V, x: oneHot(codes, V), lengths: Int32Array.of(T) };
  const { outputs } = stackForward(layers, input, { workspace });
  const traces = workspace.layers.map((layer): LayerTrace => {
    const gates = gateActivations(layer, 0);
    if (gates.cell === 'lstm') {
      const { h, c, i, f, g, o } = gates;
      return { h, c, i, f, g, o };
    }
    if (gates.cell === 'gru') {
      const { h, r, z, n } = gates;
      return { h, r, z, n };
    }
    return { h: gates.h };
  });
  const rows = Int32Array.from({ length: T }, (_, t) => t);
  const probabilities = headPredict(head, outputs, rows, 'softmax');
  return {
    cell,
    steps: T,
    hiddenSize: H,
    vocabularySize: V,
    kinds: TRACE_KINDS[cell],
    layers: traces,
    probabilities,
  };
}

/**
 * `trace` with every series and the probabilities copied into new Float32Arrays (half the bytes to post;
 * float32's 7 significant digits are far finer than a colour step or a correlation's last shown digit).
 * The input is left as it is.
 */
export function toFloat32Trace(trace: TextTrace): PostedTrace {
  const layers = trace.layers.map(
    (layer): LayerTrace<Float32Array> =>
      Object.fromEntries(
        trace.kinds.flatMap((kind) => {
          const series = layer[kind];
          return series === undefined ? [] : [[kind, new Float32Array(series)]];
        }),
      ),
  );
  return { ...trace, layers, probabilities: new Float32Array(trace.probabilities) };
}
