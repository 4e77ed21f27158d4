/**
 * An independent reference for PyTorch's single-layer `nn.RNN` / `nn.LSTM` / `nn.GRU` (batch_first=True),
 * written with tfjs core ops and differentiated by tfjs autodiff (`tf.grads`). It shares no code with
 * engine/: it is the oracle the engine's parity fixtures are generated from.
 *
 * tfjs computes in float32 only, so everything here is float32-accurate (about 7 significant digits).
 * Run it on the `cpu` backend when the result must be reproducible bit for bit (fixtures).
 */
import * as tf from '@tensorflow/tfjs';

export type OracleCell = 'rnn' | 'lstm' | 'gru';
export type Matrix = number[][];

/** PyTorch's parameter names and layouts for layer 0: rows are G*H (G gate blocks of H rows). */
export interface OracleStateDict {
  /** [G*H][I] */
  weight_ih_l0: Matrix;
  /** [G*H][H] */
  weight_hh_l0: Matrix;
  /** [G*H] */
  bias_ih_l0: number[];
  /** [G*H] */
  bias_hh_l0: number[];
}

/** One fixture input. The loss is L = sum(output * dOutput), so dL/doutput = dOutput. */
export interface OracleInput {
  cell: OracleCell;
  inputSize: number;
  hiddenSize: number;
  stateDict: OracleStateDict;
  /** [B][T][I] */
  x: number[][][];
  /** [B][H]; zeros when absent. */
  h0?: Matrix;
  /** [B][H], LSTM only; zeros when absent. */
  c0?: Matrix;
  /** [B], each in 1..T; packed-sequence semantics. All T when absent. */
  lengths?: number[];
  /** [B][T][H] */
  dOutput: number[][][];
}

export interface OracleOutput {
  /** [B][T][H]; 0 at padded steps t >= lengths[b]. */
  output: number[][][];
  /** [B][H], the state after each sequence's last valid step. */
  hN: Matrix;
  /** [B][H], LSTM only. */
  cN?: Matrix;
  loss: number;
  /** dL/d(each stateDict entry), same shapes. */
  grads: OracleStateDict;
  /** [B][T][I] */
  dx: number[][][];
  /** [B][H] */
  dh0: Matrix;
  /** [B][H], LSTM only. */
  dc0?: Matrix;
}

/** Gate blocks stacked in PyTorch's weights: rnn 1; lstm i,f,g,o; gru r,z,n. */
export const ORACLE_GATES: Readonly<Record<OracleCell, number>> = { rnn: 1, lstm: 4, gru: 3 };

interface Unrolled {
  /** [B][T][H] */
  output: tf.Tensor3D;
  hN: tf.Tensor2D;
  cN: tf.Tensor2D;
}

/** The cell's state update h (and c) -> h' (and c'), in PyTorch's equations. `x` [B][I], `h`, `c` [B][H]. */
function cellStep(
  cell: OracleCell,
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  c: tf.Tensor2D,
  Wih: tf.Tensor2D,
  Whh: tf.Tensor2D,
  bih: tf.Tensor1D,
  bhh: tf.Tensor1D,
): { h: tf.Tensor2D; c: tf.Tensor2D } {
  // x W_ih^T + b_ih and h W_hh^T + b_hh, each [B][G*H]; kept apart because the GRU needs them apart.
  const inputPart = tf.add(tf.matMul(x, Wih, false, true), bih) as tf.Tensor2D;
  const hiddenPart = tf.add(tf.matMul(h, Whh, false, true), bhh) as tf.Tensor2D;
  if (cell === 'rnn') {
    return { h: tf.tanh(tf.add(inputPart, hiddenPart)), c };
  }
  if (cell === 'lstm') {
    const [i, f, g, o] = tf.split(tf.add(inputPart, hiddenPart), 4, 1) as tf.Tensor2D[];
    const cNext = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
    return { h: tf.mul(tf.sigmoid(o), tf.tanh(cNext)), c: cNext };
  }
  const [xr, xz, xn] = tf.split(inputPart, 3, 1) as tf.Tensor2D[];
  const [hr, hz, hn] = tf.split(hiddenPart, 3, 1) as tf.Tensor2D[];
  const r = tf.sigmoid(tf.add(xr, hr));
  const z = tf.sigmoid(tf.add(xz, hz));
  // PyTorch's GRU applies r after the recurrent matmul and its bias: n = tanh(x_n + r * (W_hn h + b_hn)).
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  // h' = (1 - z) * n + z * h = n + z * (h - n)
  return { h: tf.add(n, tf.mul(z, tf.sub(h, n))) as tf.Tensor2D, c };
}

/**
 * Unrolls the layer over T steps. `stepValid[t]` is a bool [B][1], true where step t is valid for sequence b:
 * a valid step takes the new state and emits it; a padded step keeps the state and emits 0.
 */
function unroll(
  cell: OracleCell,
  x: tf.Tensor3D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  Wih: tf.Tensor2D,
  Whh: tf.Tensor2D,
  bih: tf.Tensor1D,
  bhh: tf.Tensor1D,
  stepValid: tf.Tensor2D[],
): Unrolled {
  const xs = tf.unstack(x, 1) as tf.Tensor2D[];
  const zeros = tf.zerosLike(h0);
  let h = h0;
  let c = c0;
  const outputs: tf.Tensor2D[] = [];
  xs.forEach((xt, t) => {
    const next = cellStep(cell, xt, h, c, Wih, Whh, bih, bhh);
    const valid = stepValid[t]!;
    outputs.push(tf.where(valid, next.h, zeros));
    h = tf.where(valid, next.h, h);
    c = tf.where(valid, next.c, c);
  });
  return { output: tf.stack(outputs, 1) as tf.Tensor3D, hN: h, cN: c };
}

/** Forward, loss and every gradient of L = sum(output * dOutput), by tfjs autodiff in float32. */
export function runOracle(input: OracleInput): OracleOutput {
  const { cell, hiddenSize } = input;
  const batch = input.x.length;
  const steps = input.x[0]?.length ?? 0;
  const lengths = input.lengths ?? input.x.map(() => steps);
  let result: OracleOutput | undefined;
  tf.tidy(() => {
    const stepValid = Array.from({ length: steps }, (_, t) =>
      tf.tensor2d(
        lengths.map((length) => [t < length]),
        [batch, 1],
        'bool',
      ),
    );
    const dOutput = tf.tensor3d(input.dOutput);
    const h0 = input.h0 ? tf.tensor2d(input.h0) : tf.zeros<tf.Rank.R2>([batch, hiddenSize]);
    const c0 = input.c0 ? tf.tensor2d(input.c0) : tf.zeros<tf.Rank.R2>([batch, hiddenSize]);
    // The differentiated inputs in this order; c0 only for the LSTM, since tf.grads rejects an input
    // the loss does not depend on.
    const sources: tf.Tensor[] = [
      tf.tensor2d(input.stateDict.weight_ih_l0),
      tf.tensor2d(input.stateDict.weight_hh_l0),
      tf.tensor1d(input.stateDict.bias_ih_l0),
      tf.tensor1d(input.stateDict.bias_hh_l0),
      tf.tensor3d(input.x),
      h0,
      ...(cell === 'lstm' ? [c0] : []),
    ];
    const forward = ([Wih, Whh, bih, bhh, x, h, c = c0]: tf.Tensor[]) =>
      unroll(
        cell,
        x as tf.Tensor3D,
        h as tf.Tensor2D,
        c as tf.Tensor2D,
        Wih as tf.Tensor2D,
        Whh as tf.Tensor2D,
        bih as tf.Tensor1D,
        bhh as tf.Tensor1D,
        stepValid,
      );
    const lossOf = (...tensors: tf.Tensor[]) => tf.sum(tf.mul(forward(tensors).output, dOutput));

    const unrolled = forward(sources);
    const loss = lossOf(...sources);
    const [dWih, dWhh, dbih, dbhh, dx, dh0, dc0] = tf.grads(lossOf)(sources);

    const out: OracleOutput = {
      output: unrolled.output.arraySync(),
      hN: unrolled.hN.arraySync(),
      loss: loss.arraySync() as number,
      grads: {
        weight_ih_l0: dWih!.arraySync() as Matrix,
        weight_hh_l0: dWhh!.arraySync() as Matrix,
        bias_ih_l0: dbih!.arraySync() as number[],
        bias_hh_l0: dbhh!.arraySync() as number[],
      },
      dx: dx!.arraySync() as number[][][],
      dh0: dh0!.arraySync() as Matrix,
    };
    if (cell === 'lstm') {
      out.cN = unrolled.cN.arraySync();
      out.dc0 = dc0!.arraySync() as Matrix;
    }
    result = out;
  });
  return result!;
}
