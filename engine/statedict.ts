/**
 * Weights in and out as JSON, in PyTorch's `state_dict` names and layouts, so a model trained here loads
 * into `torch.nn.RNN/LSTM/GRU(num_layers=L, batch_first=True)` + `torch.nn.Linear` and back:
 *
 *     weight_ih_l0 [G·H][I]   weight_hh_l0 [G·H][H]   bias_ih_l0 [G·H]   bias_hh_l0 [G·H]
 *     weight_ih_l1 [G·H][H]   weight_hh_l1 [G·H][H]   bias_ih_l1 [G·H]   bias_hh_l1 [G·H]   (L ≥ 2)
 *     … _l2 likewise (L = 3)
 *     fc.weight    [O][H]     fc.bias      [O]
 *
 * with G = GATE_BLOCKS[cell] (rnn 1; lstm 4 blocks i, f, g, o; gru 3 blocks r, z, n), as nested arrays of
 * numbers. An optional metadata record sits under the key `_unroll` ({@link STATE_DICT_METADATA_KEY});
 * PyTorch users drop it before loading, e.g.
 *
 *     d = json.load(f); d.pop('_unroll', None); t = {k: torch.tensor(v) for k, v in d.items()}
 *     rnn.load_state_dict({k: v for k, v in t.items() if not k.startswith('fc.')})
 *     fc.load_state_dict({'weight': t['fc.weight'], 'bias': t['fc.bias']})
 *
 * The format's tensors and limits are in engine/statedictFormat.ts; the import, which treats its input
 * as untrusted and never throws, is in engine/statedictImport.ts. Both are re-exported here.
 */
import {
  isMatrix,
  type Sizes,
  STATE_DICT_LIMITS,
  STATE_DICT_METADATA_KEY,
  type StateDictJson,
  shapeOf,
  tensorsFor,
} from './statedictFormat.ts';
import { type ImportResult, importStateDict } from './statedictImport.ts';
import { type CellKind, type DenseParams, GATE_BLOCKS, type Param, type RecurrentParams } from './types.ts';

export {
  STATE_DICT_LIMITS,
  STATE_DICT_METADATA_KEY,
  type StateDictJson,
  type StateDictMetadata,
} from './statedictFormat.ts';
export { type ImportedModel, type ImportResult, importStateDict, MAX_ERRORS } from './statedictImport.ts';

function nested(param: Param, shape: readonly number[]): number[][] | number[] {
  const [rows, cols] = shape as [number, number | undefined];
  if (param.w.length !== rows * (cols ?? 1))
    throw new RangeError(`${param.name} does not have the shape ${shape.join('×')}.`);
  if (cols === undefined) return Array.from(param.w);
  return Array.from({ length: rows }, (_, r) => Array.from(param.w.subarray(r * cols, (r + 1) * cols)));
}

/**
 * Copies the weights of a stack of recurrent layers (bottom first) and its head into the JSON form (plain
 * arrays; the model is not mutated), layer k under the `_l<k>` keys. Adds the `_unroll` metadata unless
 * `metadata` is false. Throws RangeError if the parameters disagree with their stated sizes, which is a
 * bug in the caller, not bad input.
 */
export function exportStateDict(
  layers: readonly RecurrentParams[],
  head: DenseParams,
  metadata = true,
): StateDictJson {
  const first = layers[0];
  if (first === undefined) throw new RangeError('A model has at least one recurrent layer.');
  const { cell, inputSize, hiddenSize } = first;
  if (head.inputSize !== hiddenSize)
    throw new RangeError(`The head reads ${head.inputSize} values, not ${hiddenSize}.`);
  const sizes: Sizes = {
    gates: GATE_BLOCKS[cell],
    hidden: hiddenSize,
    input: inputSize,
    output: head.outputSize,
    layers: layers.length,
  };
  const params = [...layers.flatMap((layer) => [layer.Wih, layer.Whh, layer.bih, layer.bhh]), head.W, head.b];
  const dict: Record<string, unknown> = Object.fromEntries(
    tensorsFor(layers.length).map((t, index) => [t.key, nested(params[index]!, shapeOf(t, sizes))]),
  );
  if (metadata) {
    const outputSize = head.outputSize;
    const numLayers = layers.length;
    const record = {
      format: 'unroll-state-dict',
      version: 1,
      cell,
      inputSize,
      hiddenSize,
      outputSize,
      numLayers,
    };
    dict[STATE_DICT_METADATA_KEY] = record;
  }
  return dict as StateDictJson;
}

/**
 * JSON text of a state dict, one matrix row per line. Unlike `JSON.stringify`, which writes -0 as `0`,
 * it keeps the sign of zero, so text → {@link parseStateDict} restores every bit.
 */
export function stringifyStateDict(dict: StateDictJson): string {
  const number = (value: number) => (Object.is(value, -0) ? '-0' : JSON.stringify(value));
  const vector = (values: readonly number[]) => `[${values.map(number).join(',')}]`;
  const layers = Object.keys(dict).filter((key) => key.startsWith('weight_ih_l')).length;
  const lines = tensorsFor(Math.max(1, layers)).map((t) => {
    const key = t.key;
    const text = isMatrix(t)
      ? `[\n    ${(dict[key] as number[][]).map(vector).join(',\n    ')}\n  ]`
      : vector(dict[key] as number[]);
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  if (dict._unroll !== undefined)
    lines.push(`  "${STATE_DICT_METADATA_KEY}": ${JSON.stringify(dict._unroll)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/**
 * Parses and validates JSON text (see importStateDict); `cell` and `layers`, if given, are required to
 * match.
 */
export function parseStateDict(text: unknown, cell?: CellKind, layers?: number): ImportResult {
  if (typeof text !== 'string') return { ok: false, errors: ['Expected JSON text.'] };
  if (text.length > STATE_DICT_LIMITS.maxTextLength) {
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [`The text is ${megabytes} MB; at most 20 MB is accepted.`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'parse error';
    return { ok: false, errors: [`This is not valid JSON (${reason}).`] };
  }
  return importStateDict(value, cell, layers);
}
