/**
 * Copies of saved progress that could not be read, kept under their own keys
 * (`unroll.progress.damaged.<when kept>`) so that nothing a learner saved is destroyed without a trace,
 * and so that a second damage does not overwrite the copy of the first. At most MAX_DAMAGED_COPIES are
 * kept; the oldest goes first, and the caller says so.
 */
import { isObject } from '../shared/isObject';
import { PROGRESS_VERSION, type Progress, progressFormat } from './progressFormat';
import { storage } from './storage';

export const DAMAGED_PREFIX = `${progressFormat.key}.damaged`;
export const MAX_DAMAGED_COPIES = 3;

export interface DamagedCopy {
  readonly key: string;
  /** When it was set aside (ISO 8601), or null for the single copy older versions kept. */
  readonly keptAt: string | null;
  readonly text: string;
}

/** Every kept copy, oldest first. */
export function listDamagedCopies(): DamagedCopy[] {
  const store = storage();
  const copies: DamagedCopy[] = [];
  try {
    for (let i = 0; store && i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !(key === DAMAGED_PREFIX || key.startsWith(`${DAMAGED_PREFIX}.`))) continue;
      const text = store.getItem(key);
      const stamp = key.slice(DAMAGED_PREFIX.length + 1, DAMAGED_PREFIX.length + 25);
      if (text !== null)
        copies.push({ key, keptAt: stamp && !Number.isNaN(Date.parse(stamp)) ? stamp : null, text });
    }
  } catch {
    return copies;
  }
  // ISO times sort as text; the old single copy (no time) is the oldest.
  return copies.sort((a, b) => (a.keptAt ?? '').localeCompare(b.keptAt ?? '') || a.key.localeCompare(b.key));
}

export type KeepResult =
  | {
      readonly kept: true;
      readonly key: string /** How many older copies were deleted to stay within the cap. */;
      readonly dropped: number;
    }
  | { readonly kept: false };

/** Keeps `text` as a damaged copy, checked by reading it back; says whether it really was kept. */
export function keepDamagedCopy(text: string, at: Date): KeepResult {
  const store = storage();
  if (!store) return { kept: false };
  const existing = listDamagedCopies();
  // The same damaged text found again (the page was reloaded before anything was saved) is kept once.
  const same = existing.find((copy) => copy.text === text);
  if (same) return { kept: true, key: same.key, dropped: 0 };
  let key = `${DAMAGED_PREFIX}.${at.toISOString()}`;
  for (let n = 2; existing.some((copy) => copy.key === key); n++)
    key = `${DAMAGED_PREFIX}.${at.toISOString()}-${n}`;
  const older = [...existing];
  let dropped = 0;
  const tryKeep = (): boolean => {
    try {
      store.setItem(key, text);
      return store.getItem(key) === text;
    } catch {
      return false;
    }
  };
  let kept = tryKeep();
  // At the cap, the oldest copy goes anyway: dropping it first may make the room this one needs.
  if (!kept && older.length >= MAX_DAMAGED_COPIES) {
    removeKey(older.shift()?.key);
    dropped++;
    kept = tryKeep();
  }
  if (!kept) return { kept: false };
  while (older.length + 1 > MAX_DAMAGED_COPIES) {
    removeKey(older.shift()?.key);
    dropped++;
  }
  return { kept: true, key, dropped };
}

function removeKey(key: string | undefined): void {
  try {
    if (key !== undefined) storage()?.removeItem(key);
  } catch {
    // A copy that cannot be removed simply stays.
  }
}

/** Deletes one kept copy. */
export function discardDamagedCopy(key: string): void {
  if (key === DAMAGED_PREFIX || key.startsWith(`${DAMAGED_PREFIX}.`)) removeKey(key);
}

/**
 * Reads what it can of a damaged copy, more leniently than loading does: saved data of any version up to
 * this one, bare progress, or a progress file exported from the Progress page. Null when nothing usable
 * (not one lesson) is found.
 */
export function recoverProgress(text: string): Progress | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  const candidates: Progress[] = [];
  const olderVersion = (version: unknown): version is number =>
    typeof version === 'number' && Number.isInteger(version) && version >= 0 && version < PROGRESS_VERSION;
  const { version, data } = parsed;
  if (olderVersion(version)) {
    const migrated = progressFormat.migrate(data, version);
    if (migrated) candidates.push(migrated);
  }
  // An exported file says its version as `schemaVersion` beside `progress` (app/quiz/exportProgress.ts):
  // one from before a lesson was renamed keeps the old slugs until it is migrated like saved data.
  if (parsed.kind === 'progress' && olderVersion(parsed.schemaVersion)) {
    const migrated = progressFormat.migrate(parsed.progress, parsed.schemaVersion);
    if (migrated) candidates.push(migrated);
  }
  for (const shape of [data, parsed, parsed.progress]) {
    const read = progressFormat.validate(shape);
    if (read) candidates.push(read);
  }
  return candidates.find((candidate) => Object.keys(candidate.lessons).length > 0) ?? null;
}
