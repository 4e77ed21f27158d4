/**
 * The language lab's saved model, in IndexedDB (idb-keyval) and as an export file. Both hold the same
 * record: the choice (text source, cell, layers, hidden size, seed), the PyTorch state_dict, the
 * vocabulary, and what the page showed (curves, samples, per-cell connectivity profiles). Whatever is
 * read back is checked field by field; a record that is damaged or from elsewhere is refused with a
 * sentence and nothing else is touched.
 */
import { del, get, set } from 'idb-keyval';
import type { CellKind } from '../../engine/types';
import { CELL_KINDS } from '../engine';
import { BUILTIN_TEXTS } from '../engineTexts';
import { isObject } from '../shared/isObject';
import type { LabHistory, LabProfile, LabSample } from '../store/labSlice';
import { type LabChoice, ownTextProblem, type TextSource } from './labChoice';

/** The IndexedDB key of the lab's model. */
export const LAB_STORAGE_KEY = 'unroll-lab-model';
/** What the record and the export file say they are. */
export const LAB_FORMAT = 'unroll-language-lab';
export const LAB_VERSION = 1;
/** The largest file the lab opens (a model of 256 units × 3 layers is about 20 MB of JSON). */
export const MAX_LAB_FILE_BYTES = 30_000_000;

export interface SavedLab {
  readonly format: typeof LAB_FORMAT;
  readonly version: typeof LAB_VERSION;
  readonly savedAt: string;
  readonly choice: LabChoice;
  /** Training steps the model has taken. */
  readonly step: number;
  /**
   * The PyTorch state_dict (weight_ih_l0, …, and the head's weight and bias; see README) as JSON text,
   * as the worker exports and reads it: kept as text so that saving never parses or clones it on the
   * page's thread. The export file holds it as an object under `stateDict`.
   */
  readonly weights: string;
  /** The symbols in class order (what each input and output index means). */
  readonly vocabulary: readonly string[];
  readonly history: LabHistory;
  readonly samples: readonly LabSample[];
  readonly profiles: readonly LabProfile[];
}

type Refusal = { readonly ok: false; readonly message: string };
type Read = { readonly ok: true; readonly saved: SavedLab } | Refusal;

const isText = (value: unknown): value is string => typeof value === 'string';
const isWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const numbers = (value: unknown): value is number[] => Array.isArray(value) && value.every(isFiniteNumber);

function readSource(value: unknown): TextSource | null {
  if (!isObject(value)) return null;
  if (value.kind === 'builtin') {
    const entry = BUILTIN_TEXTS.find((one) => one.id === value.id);
    return entry ? { kind: 'builtin', id: entry.id } : null;
  }
  if (
    value.kind === 'own' &&
    isText(value.text) &&
    isText(value.name) &&
    ownTextProblem(value.text) === null
  ) {
    return { kind: 'own', text: value.text, name: value.name };
  }
  return null;
}

function readChoice(value: unknown): LabChoice | null {
  if (!isObject(value)) return null;
  const text = readSource(value.text);
  const cell = CELL_KINDS.find((kind) => kind === value.cell);
  const { layers, hiddenSize, seed } = value;
  if (!text || !cell || !isWhole(layers) || layers < 1 || layers > 3) return null;
  if (!isWhole(hiddenSize) || hiddenSize < 1 || hiddenSize > 256 || !isWhole(seed)) return null;
  return { text, cell, layers, hiddenSize, seed };
}

function readHistory(value: unknown): LabHistory | null {
  if (!isObject(value) || !isWhole(value.stepOffset) || !numbers(value.steps) || !numbers(value.loss))
    return null;
  if (value.steps.length !== value.loss.length || !Array.isArray(value.evaluations)) return null;
  const evaluations = value.evaluations.filter(
    (entry): entry is { step: number; perplexity: number } =>
      isObject(entry) && isWhole(entry.step) && isFiniteNumber(entry.perplexity),
  );
  if (evaluations.length !== value.evaluations.length) return null;
  return { stepOffset: value.stepOffset, steps: value.steps, loss: value.loss, evaluations };
}

function readSamples(value: unknown): LabSample[] | null {
  if (!Array.isArray(value)) return null;
  const samples = value.filter(
    (entry): entry is LabSample =>
      isObject(entry) &&
      isWhole(entry.id) &&
      isWhole(entry.step) &&
      isFiniteNumber(entry.temperature) &&
      isText(entry.prime) &&
      isText(entry.text),
  );
  return samples.length === value.length ? samples : null;
}

function readProfiles(value: unknown): LabProfile[] | null {
  if (!Array.isArray(value)) return null;
  const profiles: LabProfile[] = [];
  for (const entry of value) {
    const cell = isObject(entry) ? CELL_KINDS.find((kind) => kind === entry.cell) : undefined;
    if (!isObject(entry) || !cell || !isText(entry.label) || !isText(entry.measuredAt)) return null;
    if (!numbers(entry.profile) || entry.profile.length === 0) return null;
    profiles.push({
      cell,
      label: entry.label,
      measuredAt: entry.measuredAt,
      profile: Float64Array.from(entry.profile),
    });
  }
  return profiles;
}

/** A saved lab record read from storage or a file, checked; `what` names it in the refusal. */
export function readSavedLab(value: unknown, what: string): Read {
  const refuse = (reason: string): Refusal => ({ ok: false, message: `${what} cannot be used: ${reason}.` });
  if (!isObject(value) || value.format !== LAB_FORMAT)
    return refuse('it is not a language-lab model of Unroll');
  if (value.version !== LAB_VERSION)
    return refuse(`it is format version ${String(value.version)}, this page reads ${LAB_VERSION}`);
  const choice = readChoice(value.choice);
  if (!choice) return refuse('its text or model settings are missing or damaged');
  // Stored records hold the weights as text, files as an object (see SavedLab.weights).
  const weights = isText(value.weights)
    ? value.weights
    : isObject(value.stateDict)
      ? JSON.stringify(value.stateDict)
      : null;
  if (weights === null) return refuse('its weights are missing');
  if (!Array.isArray(value.vocabulary) || !value.vocabulary.every(isText) || value.vocabulary.length < 2)
    return refuse('its vocabulary is missing or damaged');
  const history = readHistory(value.history);
  const samples = readSamples(value.samples);
  const profiles = readProfiles(value.profiles);
  if (!history || !samples || !profiles || !isWhole(value.step) || !isText(value.savedAt))
    return refuse('its recorded curves, samples or profiles are damaged');
  return {
    ok: true,
    saved: {
      format: LAB_FORMAT,
      version: LAB_VERSION,
      savedAt: value.savedAt,
      choice,
      step: value.step,
      weights,
      vocabulary: value.vocabulary,
      history,
      samples,
      profiles,
    },
  };
}

/** The record as storable data (profiles as plain arrays, weights as text). */
export function savedLabData(saved: SavedLab): Record<string, unknown> {
  return { ...saved, profiles: saved.profiles.map((one) => ({ ...one, profile: Array.from(one.profile) })) };
}

/**
 * The export file's text: the record with the weights as a `stateDict` object, spliced in as the
 * worker wrote them, so a large model is never parsed on the page's thread to be exported.
 */
export function savedLabFile(saved: SavedLab): string {
  const { weights, ...rest } = savedLabData(saved);
  return `{"stateDict":${String(weights)},${JSON.stringify(rest).slice(1)}`;
}

/** Reads the stored model: null when there is none, a refusal when it is unreadable. */
export async function loadLab(): Promise<Read | null> {
  let value: unknown;
  try {
    value = await get(LAB_STORAGE_KEY);
  } catch {
    return {
      ok: false,
      message: 'The saved model could not be read: this browser does not allow storage here.',
    };
  }
  if (value === undefined) return null;
  return readSavedLab(value, 'The saved model');
}

/** Stores the model; resolves to a sentence when the browser refused (storage full, private mode). */
export async function storeLab(saved: SavedLab): Promise<string | null> {
  try {
    await set(LAB_STORAGE_KEY, savedLabData(saved));
    return null;
  } catch (error) {
    return `The model could not be saved in this browser (${error instanceof Error ? error.message : String(error)}); export it to keep it.`;
  }
}

/** Forgets the stored model. */
export async function forgetLab(): Promise<void> {
  try {
    await del(LAB_STORAGE_KEY);
  } catch {
    // Nothing stored can be reached, so nothing is left to forget.
  }
}

/** "LSTM, 128 units, step 3,000" (and the layers when more than one). */
export function modelLabel(cell: CellKind, hiddenSize: number, layers: number, step: number): string {
  const name = cell === 'rnn' ? 'RNN' : cell.toUpperCase();
  const stack = layers > 1 ? `${layers} layers of ` : '';
  return `${name}, ${stack}${hiddenSize} units, step ${step.toLocaleString('en-US')}`;
}
