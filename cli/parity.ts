/**
 * `parity <fixture.json>`: runs our engine on a parity input (cli/parityInput.ts) and prints what
 * the tfjs oracle of tools/tfjs-oracle.ts computes for it, in the same JSON shape, so the two can
 * be compared number by number: output, hN, cN, the loss L = sum(output ⊙ dOutput), dL/d(every weight),
 * dx, dh0 and dc0.
 */
import { readFileSync } from 'node:fs';
import { createRecurrentParams } from '../engine/params.ts';
import { backward, forward } from '../engine/recurrent.ts';
import { UsageError } from './args.ts';
import { type ParityInput, readParityInput } from './parityInput.ts';

type Nested = number[] | Nested[];

/** The engine's answer, in the oracle's JSON shape (batch-first nested arrays, PyTorch's key names). */
export interface ParityOutput {
  output: number[][][];
  hN: number[][];
  cN?: number[][];
  loss: number;
  grads: { weight_ih_l0: number[][]; weight_hh_l0: number[][]; bias_ih_l0: number[]; bias_hh_l0: number[] };
  dx: number[][][];
  dh0: number[][];
  dc0?: number[][];
}

/** Reshapes a flat row-major array (from `offset`) into nested arrays of the given shape. */
export function nest(flat: ArrayLike<number>, shape: readonly number[], offset = 0): Nested {
  const [length, ...rest] = shape as [number, ...number[]];
  if (rest.length === 0) return Array.from({ length }, (_, k) => flat[offset + k]!);
  const stride = rest.reduce((product, n) => product * n, 1);
  return Array.from({ length }, (_, k) => nest(flat, rest, offset + k * stride)) as Nested;
}

/** Forward and full BPTT of one layer with dL/d(outputs) = dOutput; nothing but fresh arrays is touched. */
export function runParity(input: ParityInput): ParityOutput {
  const { cell, inputSize: I, hiddenSize: H, batchSize: B, steps: T } = input;
  const params = createRecurrentParams(cell, I, H);
  params.Wih.w.set(input.Wih);
  params.Whh.w.set(input.Whh);
  params.bih.w.set(input.bih);
  params.bhh.w.set(input.bhh);
  const batch = { batchSize: B, steps: T, inputSize: I, x: input.x, lengths: input.lengths };
  const result = forward(params, batch, {
    ...(input.h0 ? { h0: input.h0 } : {}),
    ...(input.c0 ? { c0: input.c0 } : {}),
  });
  let loss = 0;
  for (let k = 0; k < B * T * H; k++) loss += result.outputs[k]! * input.dOutput[k]!;
  // Copies: the next call on the workspace would overwrite these views.
  const output = nest(result.outputs, [B, T, H]) as number[][][];
  const hN = nest(result.hN, [B, H]) as number[][];
  const cN = result.cN ? (nest(result.cN, [B, H]) as number[][]) : undefined;
  const grads = backward(params, result.workspace, input.dOutput);
  const rows = params.Wih.shape[0]!;
  return {
    output,
    hN,
    ...(cN ? { cN } : {}),
    loss,
    grads: {
      weight_ih_l0: nest(params.Wih.dw, [rows, I]) as number[][],
      weight_hh_l0: nest(params.Whh.dw, [rows, H]) as number[][],
      bias_ih_l0: Array.from(params.bih.dw),
      bias_hh_l0: Array.from(params.bhh.dw),
    },
    dx: nest(grads.dx, [B, T, I]) as number[][][],
    dh0: nest(grads.dh0, [B, H]) as number[][],
    ...(grads.dc0 ? { dc0: nest(grads.dc0, [B, H]) as number[][] } : {}),
  };
}

/** Reads and validates a parity file; throws UsageError with every problem, one per line. */
export function loadParityFile(path: string): ParityInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code);
    throw new UsageError(`Cannot read ${path}: ${reason}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON (${(error as Error).message}).`);
  }
  const read = readParityInput(parsed);
  if (!read.ok) throw new UsageError(`${path} is not a valid parity input:\n  ${read.errors.join('\n  ')}`);
  return read.value;
}

export const PARITY_USAGE = 'parity <fixture.json>   (a tests/fixtures file, or a bare input object)';

/** The `parity` command: prints the engine's result as one JSON document on stdout. */
export function parityCommand(argv: readonly string[]): string {
  const files = argv.filter((arg) => arg !== '--help' && arg !== '-h');
  if (files.length !== argv.length) return `usage: ${PARITY_USAGE}`;
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    throw new UsageError(`parity takes one file; usage: ${PARITY_USAGE}`);
  }
  return JSON.stringify(runParity(loadParityFile(files[0]!)));
}
