/**
 * The WebAssembly kernels (engine/wasm/dense.wat): one matrix product, float64, 128-bit SIMD, about
 * 2.5–5× the blocked JavaScript kernels of engine/cells/kernels.ts on the layer's shapes, and the gate
 * nonlinearities two at a time (about twice as fast as Math.exp and Math.tanh). Each workspace
 * gets an arena, its own WebAssembly memory sized once for all its buffers (so the Float64Array views the
 * rest of the engine uses never move), with an instance of the module bound to it.
 *
 * The module must stay under 4 KB: browsers compile larger ones synchronously only off the main thread,
 * and the lessons' small widgets run the engine on the main thread (a unit test checks the size).
 *
 * The opt-in float32 product (engine/wasm/dense32.wat, kernels 'wasm-f32') is a second module, bound to
 * the same memory when an arena asks for it: {@link Gemm} with W in float32 and the sum in float32, four
 * lanes a vector. The float64 module, the default and the one every parity check runs on, is unchanged.
 *
 * Where WebAssembly or its SIMD is missing, or a Content-Security-Policy forbids compiling it, the module
 * fails to load and {@link createDenseArena} returns null: the workspace then uses plain arrays and the
 * JavaScript kernels, which compute the same products.
 */
import { DENSE32_WASM_BASE64 } from './dense32Module.ts';
import { DENSE_WASM_BASE64 } from './denseModule.ts';

/**
 * For each listed row r and column n < N:
 *   out[r·os + n] = (acc ? out[r·os + n] : bias ? bias[n] : 0) + Σ_{k<K} A[r·ar + k·ac] · W[k·ws + n]
 * Pointers and strides are in bytes; rows = 0 means rows 0..M−1, else the address of M i32 row numbers;
 * bias = 0 means none. K must be at least 1.
 */
export type Gemm = (
  out: number,
  os: number,
  a: number,
  ar: number,
  ac: number,
  w: number,
  ws: number,
  bias: number,
  rows: number,
  M: number,
  N: number,
  K: number,
  acc: number,
) => void;

/** {@link Gemm}'s arguments and a scratch address: see {@link Float32Kernels}. */
export type Gemm32 = (...args: [...Parameters<Gemm>, scratch: number]) => void;

/** The float32 module's kernels (engine/wasm/dense32.wat), bound to an arena's memory. */
export interface Float32Kernels {
  /**
   * {@link Gemm} with W float32 (ws in bytes, 4 a column) and the products summed in float32, each A
   * value rounded to float32 first; out, A and the bias stay float64, the float32 sum added to the start.
   * The last argument is the address of a scratch for 2K float32 numbers (A's rows, rounded).
   */
  readonly gemm32: Gemm32;
  /** {@link ActivateRows} computed in float32 on float64 numbers (each rounded, then widened back). */
  readonly activateRows32: ActivateRows;
  /** {@link LstmForward} with the gates and the cell update in float32; H a multiple of 4. */
  readonly lstmForward32: LstmForward;
}

/** In place over the n numbers at byte address p: kind 0 the logistic sigmoid, 1 tanh (both to ~1e-16). */
export type Activate = (p: number, n: number, kind: number) => void;

/**
 * {@link Activate} over the n numbers at base + r·stride (bytes) for each listed row r: rows = 0 means rows
 * 0..count−1, else the address of count i32 row numbers.
 */
export type ActivateRows = (
  base: number,
  stride: number,
  rows: number,
  count: number,
  n: number,
  kind: number,
) => void;

/**
 * engine/cells/lstm.ts's forward for each listed row (rows as in {@link Gemm}), fused: byte addresses of
 * row 0, row r being r·4H numbers further for xp, hp and gates and r·H for the rest; H even.
 */
export type LstmForward = (
  xp: number,
  hp: number,
  gates: number,
  extra: number,
  cPrev: number,
  cNext: number,
  hNext: number,
  rows: number,
  count: number,
  H: number,
) => void;

/** engine/cells/lstm.ts's backward for each listed row, addressed as for {@link LstmForward}; H even. */
export type LstmBackward = (
  gates: number,
  extra: number,
  cPrev: number,
  dh: number,
  dc: number,
  dPre: number,
  dhPrev: number,
  dcPrev: number,
  rows: number,
  count: number,
  H: number,
) => void;

/** The kinds of {@link Activate}. */
export const SIGMOID = 0;
export const TANH = 1;

/** A memory for one workspace's buffers, with the kernel bound to it. */
export interface DenseArena {
  /** The memory every view of the arena is on (the kernel reads no other). */
  readonly buffer: ArrayBuffer;
  readonly gemm: Gemm;
  readonly activate: Activate;
  readonly activateRows: ActivateRows;
  readonly lstmForward: LstmForward;
  readonly lstmBackward: LstmBackward;
  readonly peak: SimdPeak;
  /** The float32 kernels, bound to the same memory, when the arena was made with `float32`; else null. */
  readonly float32: Float32Kernels | null;
  /** A zeroed view of `length` numbers in the arena; throws once the arena's size is used up. */
  f64(length: number): Float64Array;
  f32(length: number): Float32Array;
  i32(length: number): Int32Array;
}

/** The float32 module's exports. */
interface Kernels32 extends Float32Kernels {
  peak32: SimdPeak;
}

/** The module's exports. */
interface Kernels {
  gemm: Gemm;
  activate: Activate;
  activateRows: ActivateRows;
  lstmForward: LstmForward;
  lstmBackward: LstmBackward;
  peak: SimdPeak;
}

/**
 * n rounds of {@link PEAK_FLOPS_PER_ROUND} independent f64x2 multiply-adds a = a·mul + add (a register
 * block with no loads or stores: what the machine's SIMD float64 arithmetic can do at most); returns a
 * sum of the results. Keep |mul| < 1 so nothing overflows.
 */
export type SimdPeak = (n: number, mul: number, add: number) => number;

/** The floating-point operations of one round of {@link SimdPeak}: 12 chains × 2 lanes × (mul + add). */
export const PEAK_FLOPS_PER_ROUND = 48;

/** The part of the WebAssembly JS API used here (the engine is compiled without DOM or Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Kernels & Kernels32 };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

/** Views start at this byte so that address 0 never names a buffer (0 means "none" to the kernel). */
const FIRST = 16;
const PAGE = 65536;

let compiled: object | null | undefined;
let compiled32: object | null | undefined;

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

/** The compiled module, or null where it cannot be compiled; tried once. */
function denseModule(): object | null {
  if (compiled === undefined) {
    const api = wasmApi();
    try {
      compiled = api ? new api.Module(decodeBase64(DENSE_WASM_BASE64)) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** The compiled float32 module, or null where it cannot be compiled; tried once. */
function dense32Module(): object | null {
  if (compiled32 === undefined) {
    const api = wasmApi();
    try {
      compiled32 = api ? new api.Module(decodeBase64(DENSE32_WASM_BASE64)) : null;
    } catch {
      compiled32 = null;
    }
  }
  return compiled32;
}

/** True when the float32 product (kernels 'wasm-f32') loads here, besides the float64 module. */
export function dense32KernelAvailable(): boolean {
  return denseModule() !== null && dense32Module() !== null;
}

/** True when the WebAssembly kernel loads here. */
export function denseKernelAvailable(): boolean {
  return denseModule() !== null;
}

/**
 * The bytes an arena needs for views of these sizes (8-byte numbers; i32 and f32 lengths count 4 bytes
 * each).
 */
export function arenaBytes(
  f64Lengths: readonly number[],
  i32Lengths: readonly number[] = [],
  f32Lengths: readonly number[] = [],
): number {
  let bytes = FIRST;
  for (const length of f64Lengths) bytes += align(length * 8);
  for (const length of [...i32Lengths, ...f32Lengths]) bytes += align(length * 4);
  return bytes;
}

/**
 * An arena of at least `bytes` bytes (see {@link arenaBytes}), or null where the kernel is unavailable or
 * the memory cannot be had. With `float32`, the float32 product is bound to it too, or null is returned
 * where that module cannot load.
 */
export function createDenseArena(bytes: number, float32 = false): DenseArena | null {
  const module = denseModule();
  const module32 = float32 ? dense32Module() : null;
  const api = wasmApi();
  if (!module || !api || (float32 && !module32)) return null;
  let memory: { buffer: ArrayBuffer };
  let exports: Kernels;
  let float32Kernels: Float32Kernels | null = null;
  try {
    memory = new api.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    exports = new api.Instance(module, { env: { memory } }).exports;
    if (module32) {
      const { gemm32, activateRows32, lstmForward32 } = new api.Instance(module32, { env: { memory } })
        .exports;
      float32Kernels = { gemm32, activateRows32, lstmForward32 };
    }
  } catch {
    return null;
  }
  const buffer = memory.buffer;
  let top = FIRST;
  const take = (size: number): number => {
    const at = top;
    top += align(size);
    if (top > buffer.byteLength) throw new RangeError('Dense arena: sized too small for its views.');
    return at;
  };
  return {
    buffer,
    gemm: exports.gemm,
    activate: exports.activate,
    activateRows: exports.activateRows,
    lstmForward: exports.lstmForward,
    lstmBackward: exports.lstmBackward,
    peak: exports.peak,
    float32: float32Kernels,
    f64: (length) => new Float64Array(buffer, take(length * 8), length),
    f32: (length) => new Float32Array(buffer, take(length * 4), length),
    i32: (length) => new Int32Array(buffer, take(length * 4), length),
  };
}

/** The module's ceiling loop, on an instance of its own, or null where the module cannot load. */
export function simdPeakKernel(): SimdPeak | null {
  return createDenseArena(FIRST)?.peak ?? null;
}

/**
 * The float32 module's ceiling loop (dense32.wat `peak32`: 12 independent f32x4 multiply-adds a round,
 * {@link PEAK32_FLOPS_PER_ROUND} operations), or null where it cannot load.
 */
export function simdPeak32Kernel(): SimdPeak | null {
  const module32 = dense32Module();
  const api = wasmApi();
  if (!module32 || !api) return null;
  try {
    const memory = new api.Memory({ initial: 1 });
    return new api.Instance(module32, { env: { memory } }).exports.peak32;
  } catch {
    return null;
  }
}

/** The floating-point operations of one round of the float32 ceiling: 12 chains × 4 lanes × 2. */
export const PEAK32_FLOPS_PER_ROUND = 96;

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) to bytes. */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of clean) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new RangeError(`Not base64: ${JSON.stringify(char)}.`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}
