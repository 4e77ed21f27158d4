/**
 * The language lab's questions to a run's model (samples, next-character distributions, traces,
 * connectivity and its profile by distance), answered from the trainer as it stands. Every request comes
 * from the page and is checked here by shape and range first: a malformed one gets a 'refused' answer
 * with a sentence, never an exception. Each answer is bounded (passages, primes and samples are at most
 * {@link MAX_LAB_CHARACTERS} characters), so a question never holds training up for long.
 */
import { createGenerator, type Generator } from '../generate.ts';
import { headPredict } from '../head.ts';
import { connectivity } from '../lab/connectivity.ts';
import { oneHot, toFloat32Trace, traceText } from '../lab/trace.ts';
import type { Model } from '../model.ts';
import { createRng } from '../rng.ts';
import { ensureStackWorkspace, type StackWorkspace, stackForward } from '../stack.ts';
import type { Trainer } from '../trainer.ts';
import type { LabAnswer, LabRequest } from './protocol.ts';

/** The longest passage, prime or sample a request may ask for. */
export const MAX_LAB_CHARACTERS = 2000;
/** Autocomplete reads at most this many of the last characters typed: enough context, bounded cost. */
export const DISTRIBUTION_CONTEXT = 200;
/** Characters before each prediction that a connectivity profile looks back over. */
export const PROFILE_DISTANCE = 64;
/** The most predictions a profile averages over. */
export const MAX_PROFILE_POSITIONS = 32;

class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

function text(value: unknown, name: string, min = 0): string {
  if (typeof value !== 'string') refuse(`The ${name} must be text.`);
  const length = Array.from(value).length;
  if (length < min || length > MAX_LAB_CHARACTERS) {
    refuse(`The ${name} must be ${min} to ${MAX_LAB_CHARACTERS} characters long; it has ${length}.`);
  }
  return value;
}

function whole(value: unknown, name: string, min: number, max: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    refuse(`The ${name} must be a whole number from ${min} to ${max}; got ${String(value)}.`);
  }
  return value;
}

/**
 * What a run's questions reuse from one to the next: a generator, and one workspace for a single
 * sequence, grown to the longest asked for. Each new workspace is a new WebAssembly memory, and the lab
 * asks on every keystroke of the autocomplete box and 32 times for one connectivity profile.
 */
interface Kept {
  generator?: Generator;
  stack?: StackWorkspace;
}
const kept = new WeakMap<Trainer, Kept>();

function keptFor(trainer: Trainer): Kept {
  let entry = kept.get(trainer);
  if (!entry) {
    entry = {};
    kept.set(trainer, entry);
  }
  return entry;
}

/** The run's generator, back at the zero state. */
function generatorFor(trainer: Trainer): Generator {
  const entry = keptFor(trainer);
  entry.generator ??= createGenerator(trainer.model);
  entry.generator.reset();
  return entry.generator;
}

/** The run's workspace for one sequence of `steps` characters (what it held before is overwritten). */
function stackFor(trainer: Trainer, steps: number): StackWorkspace {
  const entry = keptFor(trainer);
  entry.stack = ensureStackWorkspace(entry.stack, trainer.model.layers, 1, steps);
  return entry.stack;
}

/** The next-character distribution [V] after `codes` (at least one), from the zero state. */
function distributionAfter(model: Model, codes: Int32Array, workspace: StackWorkspace): Float64Array {
  const V = model.head.outputSize;
  const T = codes.length;
  const input = { batchSize: 1, steps: T, inputSize: V, x: oneHot(codes, V), lengths: Int32Array.of(T) };
  const { outputs } = stackForward(model.layers, input, { workspace });
  return headPredict(model.head, outputs, [T - 1], 'softmax');
}

/** The held-out text's codes (the start of the task's held-out part), rebuilt from its first windows. */
function heldOutCodes(trainer: Trainer, length: number): Int32Array {
  const batch = trainer.task.heldOut();
  const { steps: T, inputSize: V, x } = batch;
  if (batch.target.kind !== 'class') refuse('This model does not predict symbols.');
  const labels = batch.target.labels;
  const count = Math.min(length, batch.batchSize * T + 1);
  const codes = new Int32Array(count);
  for (let v = 0; v < V; v++) if (x[v] === 1) codes[0] = v;
  // Held-out windows are consecutive, so the labels row after row are the text from its second character.
  for (let i = 1; i < count; i++) codes[i] = labels[i - 1]!;
  return codes;
}

/** Mean influence by distance 0..PROFILE_DISTANCE−1 over evenly spaced predictions, peak 1. */
function profile(trainer: Trainer, positions: number): { profile: Float64Array; positions: number } {
  const D = PROFILE_DISTANCE;
  const codes = heldOutCodes(trainer, D + 4 * MAX_PROFILE_POSITIONS + 1);
  const last = codes.length - 2; // Each prediction needs the character after it as its target.
  if (last < D - 1) refuse('The held-out text is too short for a connectivity profile.');
  const count = Math.min(positions, last - (D - 1) + 1);
  const sums = new Float64Array(D);
  for (let k = 0; k < count; k++) {
    const end = D - 1 + Math.round((k * (last - (D - 1))) / Math.max(1, count - 1));
    // The D characters up to the prediction, read from the zero state, and the character it predicts.
    const window = codes.subarray(end - (D - 1), end + 2);
    const { influence } = connectivity(trainer.model, window, D - 1, { workspace: stackFor(trainer, D) });
    for (let d = 0; d < D; d++) sums[d]! += influence[D - 1 - d]! / count;
  }
  let peak = 0;
  for (let d = 0; d < D; d++) peak = Math.max(peak, sums[d]!);
  if (peak > 0) for (let d = 0; d < D; d++) sums[d]! /= peak;
  return { profile: sums, positions: count };
}

function answer(trainer: Trainer, request: LabRequest): LabAnswer {
  const vocabulary = trainer.task.vocabulary;
  if (!vocabulary || trainer.task.inputSize !== trainer.task.outputSize) {
    refuse('This run is not a language model, so it cannot write or read text.');
  }
  const model = trainer.model;
  const step = trainer.stepCount;
  const encode = (value: string): Int32Array => {
    try {
      return vocabulary.encode(value);
    } catch (error) {
      return refuse(error instanceof Error ? error.message : String(error));
    }
  };
  switch (request.type) {
    case 'sample': {
      const prime = encode(text(request.prime, 'prime text'));
      const length = whole(request.length, 'sample length', 1, MAX_LAB_CHARACTERS);
      const seed = whole(request.seed, 'seed', 0, 2 ** 31 - 1);
      const { temperature } = request;
      if (!(typeof temperature === 'number' && temperature >= 0.05 && temperature <= 10)) {
        refuse(`The temperature must be a number from 0.05 to 10; got ${String(temperature)}.`);
      }
      const generator = generatorFor(trainer);
      generator.prime(prime);
      const rng = createRng(seed);
      const codes = new Int32Array(length);
      for (let i = 0; i < length; i++) {
        codes[i] = generator.sample(rng, { temperature });
        generator.step(codes[i]!);
      }
      return { kind: 'sample', step, text: vocabulary.decode(codes) };
    }
    case 'distribution': {
      const prefix = text(request.prefix, 'text typed', 1);
      const top = whole(request.top, 'number of characters', 1, vocabulary.symbols.length);
      const codes = encode(prefix);
      const context = codes.subarray(-DISTRIBUTION_CONTEXT);
      const probabilities = distributionAfter(model, context, stackFor(trainer, context.length));
      const order = Array.from(probabilities.keys())
        .sort((a, b) => probabilities[b]! - probabilities[a]! || a - b)
        .slice(0, top);
      return {
        kind: 'distribution',
        step,
        prefix,
        symbols: order.map((code) => vocabulary.symbols[code]!),
        probabilities: Float64Array.from(order, (code) => probabilities[code]!),
      };
    }
    case 'trace': {
      const codes = encode(text(request.passage, 'passage', 1));
      // Computed in float64 as the model runs, posted in float32: half the bytes for the page to receive.
      const trace = toFloat32Trace(traceText(model, codes, { workspace: stackFor(trainer, codes.length) }));
      return { kind: 'trace', step, passage: vocabulary.decode(codes), trace };
    }
    case 'connectivity': {
      const codes = encode(text(request.passage, 'passage', 1));
      const position = whole(request.position, 'position', 0, codes.length - 1);
      // After the passage's last character there is no next one: explain the model's own best guess.
      const target =
        position + 1 < codes.length
          ? codes[position + 1]!
          : greatest(
              distributionAfter(model, codes.subarray(0, position + 1), stackFor(trainer, position + 1)),
            );
      return {
        kind: 'connectivity',
        step,
        passage: vocabulary.decode(codes),
        connectivity: connectivity(model, codes, position, {
          target,
          workspace: stackFor(trainer, position + 1),
        }),
      };
    }
    case 'connectivityProfile': {
      const positions = whole(request.positions, 'number of predictions', 1, MAX_PROFILE_POSITIONS);
      const { layers } = model;
      return {
        kind: 'connectivityProfile',
        step,
        cell: layers[0]!.cell,
        hiddenSize: layers[0]!.hiddenSize,
        layers: layers.length,
        ...profile(trainer, positions),
      };
    }
  }
}

function greatest(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The buffers of an answer that can move to the page rather than be copied. */
export function answerTransfers(answer: LabAnswer): ArrayBuffer[] {
  const buffers: ArrayBufferLike[] = [];
  if (answer.kind === 'distribution') buffers.push(answer.probabilities.buffer);
  if (answer.kind === 'connectivityProfile') buffers.push(answer.profile.buffer);
  if (answer.kind === 'connectivity') {
    buffers.push(answer.connectivity.gradient.buffer, answer.connectivity.influence.buffer);
  }
  if (answer.kind === 'trace') {
    buffers.push(answer.trace.probabilities.buffer);
    for (const layer of answer.trace.layers)
      for (const series of Object.values(layer)) buffers.push(series.buffer);
  }
  // Every array above is the answer's own (made for it), so moving it takes nothing from the engine.
  return [...new Set(buffers)].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

/**
 * Answers `request` from `trainer` (see the file comment); malformed requests and engine refusals
 * (text outside the vocabulary, say) become a 'refused' answer with the reason.
 */
export function answerLabRequest(trainer: Trainer, request: LabRequest): LabAnswer {
  try {
    return answer(trainer, request);
  } catch (error) {
    if (error instanceof Refusal || error instanceof RangeError)
      return { kind: 'refused', message: error.message };
    throw error;
  }
}
