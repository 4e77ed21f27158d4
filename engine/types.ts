/** Data types shared across the engine. Plain data only: everything here crosses the worker boundary. */

/** The three recurrent cells, with PyTorch's equations. */
export type CellKind = 'rnn' | 'lstm' | 'gru';

/** Every cell kind, in the order the course introduces them (and lists them in forms and tables). */
export const CELL_KINDS: readonly CellKind[] = ['rnn', 'lstm', 'gru'];

/**
 * How many gate blocks are stacked in `weight_ih` / `weight_hh` (rows G*H):
 * rnn 1; lstm 4 in PyTorch's order i, f, g, o; gru 3 in PyTorch's order r, z, n.
 */
export const GATE_BLOCKS: Readonly<Record<CellKind, number>> = { rnn: 1, lstm: 4, gru: 3 };

/** A trainable tensor: flat row-major values `w` and a gradient buffer `dw` of the same length. */
export interface Param {
  readonly name: string;
  readonly shape: readonly number[];
  readonly w: Float64Array;
  readonly dw: Float64Array;
}

/** What the model is asked to predict at each step of each sequence. */
export type Target =
  | {
      readonly kind: 'class';
      readonly numClasses: number;
      /** [B][T] class index; -1 means "no target at this step" (many-to-one uses only the last step). */
      readonly labels: Int32Array;
    }
  | {
      readonly kind: 'value';
      readonly size: number;
      /** [B][T][size] regression targets. */
      readonly values: Float64Array;
      /** [B][T] 1 where a target exists, 0 where not. */
      readonly weight: Float64Array;
    };

/**
 * A batch of sequences, batch-first like PyTorch's `batch_first=True`.
 * Sequence b is valid for steps 0 .. lengths[b]-1; later steps are padding (ignored, as in packed sequences).
 */
export interface SequenceBatch {
  readonly batchSize: number;
  readonly steps: number;
  readonly inputSize: number;
  /** [B][T][I] row-major. */
  readonly x: Float64Array;
  /** [B], each in 1..steps. */
  readonly lengths: Int32Array;
  readonly target: Target;
}

/**
 * The weights of one recurrent layer in PyTorch's layout (`torch.nn.RNN/LSTM/GRU`, layer k of a stack):
 * Wih [G*H][I] = weight_ih_lk, Whh [G*H][H] = weight_hh_lk, bih [G*H] = bias_ih_lk, bhh [G*H] = bias_hh_lk,
 * where I is the model's input size for k = 0 and the hidden size H above it.
 */
export interface RecurrentParams {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly Wih: Param;
  readonly Whh: Param;
  readonly bih: Param;
  readonly bhh: Param;
}

/** A dense output layer in PyTorch's `nn.Linear` layout: W [O][H] = fc.weight, b [O] = fc.bias. */
export interface DenseParams {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly W: Param;
  readonly b: Param;
}
