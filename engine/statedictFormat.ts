/**
 * The shape of the `state_dict` JSON format (engine/statedict.ts): PyTorch's keys for a stack of L layers
 * and a head, each tensor's dimensions, the metadata record and the size limits. Shared by export and
 * import.
 */
import type { CellKind } from './types.ts';

/**
 * The JSON form: PyTorch's keys with nested arrays (`weight_ih_l1` … for the layers above the first),
 * plus optional metadata.
 */
export interface StateDictJson {
  weight_ih_l0: number[][];
  weight_hh_l0: number[][];
  bias_ih_l0: number[];
  bias_hh_l0: number[];
  'fc.weight': number[][];
  'fc.bias': number[];
  _unroll?: StateDictMetadata;
  /** The tensors of layers 1 and 2, when there are. */
  [key: string]: number[][] | number[] | StateDictMetadata | undefined;
}

/** What the `_unroll` key records, so a file says which model it is without inferring it from shapes. */
export interface StateDictMetadata {
  format: 'unroll-state-dict';
  version: 1;
  cell: CellKind;
  inputSize: number;
  hiddenSize: number;
  outputSize: number;
  /** PyTorch's `num_layers`; files written before stacked layers omit it (one layer). */
  numLayers?: number;
}

/** The key of the metadata record; PyTorch users ignore or drop it. */
export const STATE_DICT_METADATA_KEY = '_unroll';

/** Limits on imported files; anything larger is rejected before its numbers are read. */
export const STATE_DICT_LIMITS = {
  maxInputSize: 512,
  maxHiddenSize: 512,
  maxOutputSize: 512,
  /** All entries of all tensors together. */
  maxNumbers: 2_000_000,
  /** Characters of JSON text (UTF-16 code units; about bytes for this ASCII format). */
  maxTextLength: 20 * 1024 * 1024,
} as const;

/** The sizes a state dict's shapes are written in: G gate blocks, hidden H, input I, output O, L layers. */
export interface Sizes {
  readonly gates: number;
  readonly hidden: number;
  readonly input: number;
  readonly output: number;
  readonly layers: number;
}

/** A dimension of the format: G·H gate rows, hidden H, input I or output O. */
export type Dim = 'GH' | 'H' | 'I' | 'O';

/** One tensor of the format: its key, its layer (null for the head) and its dimensions. */
export interface TensorSpec {
  readonly key: string;
  readonly layer: number | null;
  readonly dims: readonly [Dim] | readonly [Dim, Dim];
}

/** A key of a recurrent layer's tensor, with its layer number in group 3. */
export const LAYER_KEY = /^(weight|bias)_(ih|hh)_l(\d+)$/;

/** The tensors of L layers and the head in `state_dict` order: layer 0's four, layer 1's, …, fc. */
export function tensorsFor(layers: number): TensorSpec[] {
  const specs: TensorSpec[] = [];
  for (let k = 0; k < layers; k++) {
    specs.push(
      { key: `weight_ih_l${k}`, layer: k, dims: ['GH', k === 0 ? 'I' : 'H'] },
      { key: `weight_hh_l${k}`, layer: k, dims: ['GH', 'H'] },
      { key: `bias_ih_l${k}`, layer: k, dims: ['GH'] },
      { key: `bias_hh_l${k}`, layer: k, dims: ['GH'] },
    );
  }
  specs.push(
    { key: 'fc.weight', layer: null, dims: ['O', 'H'] },
    { key: 'fc.bias', layer: null, dims: ['O'] },
  );
  return specs;
}

/** The longest a dimension may be. */
export const MAX_DIM: Readonly<Record<Dim, number>> = {
  GH: 4 * STATE_DICT_LIMITS.maxHiddenSize,
  H: STATE_DICT_LIMITS.maxHiddenSize,
  I: STATE_DICT_LIMITS.maxInputSize,
  O: STATE_DICT_LIMITS.maxOutputSize,
};

/** The expected length of a dimension for the given sizes. */
export function dimSize(dim: Dim, s: Sizes): number {
  return { GH: s.gates * s.hidden, H: s.hidden, I: s.input, O: s.output }[dim];
}

/** Why a dimension has its length, for messages: "4 gates × hidden 32", "input 10". */
export function dimWhy(dim: Dim, s: Sizes): string {
  if (dim === 'GH') return `${s.gates === 1 ? 'hidden' : `${s.gates} gates × hidden`} ${s.hidden}`;
  return dim === 'H' ? `hidden ${s.hidden}` : dim === 'I' ? `input ${s.input}` : `outputs ${s.output}`;
}

/** The shape of a tensor for the given sizes. */
export const shapeOf = (t: TensorSpec, s: Sizes): number[] => t.dims.map((dim) => dimSize(dim, s));

/** True for a matrix (two dimensions), false for a vector. */
export const isMatrix = (t: TensorSpec): boolean => t.dims.length === 2;
