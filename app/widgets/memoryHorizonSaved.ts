/**
 * The memory-horizon sweep's last result, kept in IndexedDB (through idb-keyval) so it survives a
 * reload: the results, when they were measured and the settings they were measured with. A stored value
 * is untrusted (another version of the app, a damaged database), so it is read field by field and a
 * value that does not fit is reported as unreadable, never shown half-read.
 */
import { get, set } from 'idb-keyval';
import type { CellKind } from '../../engine/types';
import { CELL_KINDS } from '../engine';
import { isObject } from '../shared/isObject';
import type { HorizonPlan } from './horizonSetup';
import type { HorizonResult } from './memoryHorizonPlan';

/** What one finished sweep leaves behind. */
export interface SavedHorizon {
  readonly format: 1;
  /** When the sweep finished, in milliseconds since 1970 (UTC). */
  readonly measuredAt: number;
  /** How long the sweep took on the machine that ran it, or null if not known. */
  readonly durationMs: number | null;
  readonly plan: HorizonPlan;
  readonly results: readonly HorizonResult[];
}

/** What reading the store found: nothing, a result, or a value that could not be read. */
export type SavedRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly saved: SavedHorizon }
  | { readonly kind: 'unreadable' };

/** One key per widget setup, so two sweeps with different lags on different pages do not clash. */
export function savedHorizonKey(plan: Pick<HorizonPlan, 'lags' | 'maxSteps' | 'seed'>): string {
  return `unroll:memory-horizon:${plan.lags.join(',')}:${plan.maxSteps}:${plan.seed}`;
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isCell = (value: unknown): value is CellKind =>
  typeof value === 'string' && (CELL_KINDS as readonly string[]).includes(value);
const isWhole = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function readPlan(value: unknown): HorizonPlan | null {
  if (!isObject(value)) return null;
  const { cells, lags, maxSteps, target, symbols, distractors, hiddenSize, lstmForgetBias, seed } = value;
  if (!Array.isArray(cells) || cells.length === 0 || cells.length > 3 || !cells.every(isCell)) return null;
  if (!Array.isArray(lags) || lags.length === 0 || lags.length > 50 || !lags.every(isWhole)) return null;
  const numbers = [maxSteps, target, symbols, distractors, hiddenSize, lstmForgetBias, seed];
  if (!numbers.every(isFiniteNumber)) return null;
  // Sweeps saved before these were settings trained in batches of 32 and evaluated every 50 steps.
  const batchSize = value.batchSize ?? 32;
  const checkpointEvery = value.checkpointEvery ?? 50;
  if (!isWhole(batchSize) || !isWhole(checkpointEvery)) return null;
  return {
    cells,
    lags,
    maxSteps: maxSteps as number,
    target: target as number,
    checkpointEvery,
    symbols: symbols as number,
    distractors: distractors as number,
    hiddenSize: hiddenSize as number,
    batchSize,
    lstmForgetBias: lstmForgetBias as number,
    seed: seed as number,
  };
}

function readResult(value: unknown, plan: HorizonPlan): HorizonResult | null {
  if (!isObject(value)) return null;
  const { cell, lag, accuracy, steps } = value;
  if (!isCell(cell) || !plan.cells.includes(cell) || !isWhole(lag) || !plan.lags.includes(lag)) return null;
  if (!(accuracy === null || (isFiniteNumber(accuracy) && accuracy >= 0 && accuracy <= 1))) return null;
  if (!isWhole(steps)) return null;
  return { cell, lag, accuracy, steps };
}

/** A stored value as a result, or null when any part of it does not fit. */
export function readSavedHorizon(value: unknown): SavedHorizon | null {
  if (!isObject(value) || value.format !== 1) return null;
  const { measuredAt, durationMs } = value;
  if (!isFiniteNumber(measuredAt) || !(durationMs === null || isFiniteNumber(durationMs))) return null;
  const plan = readPlan(value.plan);
  if (!plan || !Array.isArray(value.results) || value.results.length > plan.cells.length * plan.lags.length)
    return null;
  const results = value.results.map((result) => readResult(result, plan));
  if (results.some((result) => result === null)) return null;
  return { format: 1, measuredAt, durationMs, plan, results: results as HorizonResult[] };
}

/** Reads the stored result; a browser without IndexedDB (or one that refuses it) has none. */
export async function loadSavedHorizon(key: string): Promise<SavedRead> {
  let value: unknown;
  try {
    value = await get(key);
  } catch {
    return { kind: 'none' };
  }
  if (value === undefined) return { kind: 'none' };
  const saved = readSavedHorizon(value);
  return saved ? { kind: 'saved', saved } : { kind: 'unreadable' };
}

/** Stores a result over the last one; false when the browser refused (no IndexedDB, storage full). */
export async function storeSavedHorizon(key: string, saved: SavedHorizon): Promise<boolean> {
  try {
    await set(key, saved);
    return true;
  } catch {
    return false;
  }
}

/** "measured 2 Dec 2026, 01:40, seed 1", in the reader's locale (or the one given). */
export function measuredLabel(saved: SavedHorizon, locale?: string): string {
  const when = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(saved.measuredAt));
  return `measured ${when}, seed ${saved.plan.seed}`;
}
