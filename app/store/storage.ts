/**
 * Saved data with a schema version. Reading never throws: storage that is missing, blocked (private
 * mode), full or corrupt falls back to memory, and the caller learns exactly what happened so that it
 * can tell the person in words that fit (see `status`).
 */

/**
 * What reading found: nothing saved; usable data (current or migrated); data written by a newer
 * version of the app (left alone: this version cannot know what it would lose by rewriting it);
 * damaged data; or storage that is absent or refused to be read.
 */
export type LoadStatus = 'empty' | 'ok' | 'newer' | 'damaged' | 'unavailable' | 'unreadable';

export interface Saved<T> {
  readonly value: T;
  /** A sentence for the person when their saved data could not be used, or null. */
  readonly notice: string | null;
  readonly status: LoadStatus;
  /**
   * The stored text as found, for 'newer' and 'damaged' (so that it can be kept or offered), and for
   * 'ok' data with parts left out; else null.
   */
  readonly text: string | null;
  /** How many parts of usable data could not be read and were left out of `value` (0 for most). */
  readonly unread?: number;
}

export interface VersionedFormat<T> {
  readonly key: string;
  readonly version: number;
  readonly fallback: T;
  /** Turns data saved by an older version into the current shape, or returns null if it cannot. */
  readonly migrate: (data: unknown, fromVersion: number) => T | null;
  /** Checks data claiming to be the current version; returns null when it is not usable. */
  readonly validate: (data: unknown) => T | null;
  /**
   * How many parts of usable data of `version` (the current one, or an older one being migrated) reading
   * leaves out (a damaged entry, say): those are lost on the next save unless a copy is kept first.
   */
  readonly unread?: (data: unknown, version: number) => number;
}

/** The browser's localStorage, or null when there is none or it is blocked (private mode, sandbox). */
export function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const UNAVAILABLE = 'This browser does not let Unroll save, so progress lasts until you close the tab.';

/** Reads one saved text (null when nothing was saved) as the format's data, saying what it found. */
export function parseSaved<T>(format: VersionedFormat<T>, text: string | null): Saved<T> {
  if (text === null) return { value: format.fallback, notice: null, status: 'empty', text: null };
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && 'data' in parsed) {
      const { version, data } = parsed as { version: unknown; data: unknown };
      if (version === format.version) {
        const value = format.validate(data);
        const unread = value === null ? 0 : (format.unread?.(data, version) ?? 0);
        if (value !== null && unread > 0) return { value, notice: null, status: 'ok', text, unread };
        if (value !== null) return { value, notice: null, status: 'ok', text: null };
      } else if (typeof version === 'number' && Number.isInteger(version) && version < format.version) {
        const value = format.migrate(data, version);
        const unread = value === null ? 0 : (format.unread?.(data, version) ?? 0);
        if (value !== null && unread > 0) return { value, notice: null, status: 'ok', text, unread };
        if (value !== null) return { value, notice: null, status: 'ok', text: null };
      } else if (typeof version === 'number' && Number.isInteger(version) && version > format.version) {
        // Shown as far as this version can read it, and never written back.
        return {
          value: format.validate(data) ?? format.fallback,
          notice: 'This was saved by a newer version of Unroll; this page will not change it.',
          status: 'newer',
          text,
        };
      }
    }
  } catch {
    // Falls through to the notice below.
  }
  return {
    value: format.fallback,
    notice: 'Some saved data could not be read.',
    status: 'damaged',
    text,
  };
}

export function load<T>(format: VersionedFormat<T>): Saved<T> {
  const store = storage();
  if (!store) return { value: format.fallback, notice: UNAVAILABLE, status: 'unavailable', text: null };
  let text: string | null;
  try {
    text = store.getItem(format.key);
  } catch {
    return {
      value: format.fallback,
      notice: 'Saved data could not be read, so progress lasts until you close the tab.',
      status: 'unreadable',
      text: null,
    };
  }
  return parseSaved(format, text);
}

/** Saves a value; returns a notice when the browser refused (quota, private mode), else null. */
export function save<T>(format: VersionedFormat<T>, value: T): string | null {
  const store = storage();
  if (!store) return UNAVAILABLE;
  try {
    store.setItem(format.key, JSON.stringify({ version: format.version, data: value }));
    return null;
  } catch {
    return 'The browser refused to save (storage may be full), so recent progress lasts until you close the tab.';
  }
}
