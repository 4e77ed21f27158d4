/**
 * Saved data with a schema version. Reading never throws: storage that is missing, blocked (private
 * mode), full or corrupt falls back to memory, and the caller gets a notice to show the person.
 */
export interface Saved<T> {
  readonly value: T;
  /** A sentence for the person when their saved data could not be used, or null. */
  readonly notice: string | null;
}

export interface VersionedFormat<T> {
  readonly key: string;
  readonly version: number;
  readonly fallback: T;
  /** Turns data saved by an older version into the current shape, or returns null if it cannot. */
  readonly migrate: (data: unknown, fromVersion: number) => T | null;
  /** Checks data claiming to be the current version; returns null when it is not usable. */
  readonly validate: (data: unknown) => T | null;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function load<T>(format: VersionedFormat<T>): Saved<T> {
  const store = storage();
  if (!store) {
    return {
      value: format.fallback,
      notice: 'This browser does not let Unroll save, so progress lasts until you close the tab.',
    };
  }
  let text: string | null;
  try {
    text = store.getItem(format.key);
  } catch {
    return {
      value: format.fallback,
      notice: 'Saved data could not be read, so progress lasts until you close the tab.',
    };
  }
  if (text === null) return { value: format.fallback, notice: null };
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && 'data' in parsed) {
      const { version, data } = parsed as { version: unknown; data: unknown };
      if (version === format.version) {
        const value = format.validate(data);
        if (value !== null) return { value, notice: null };
      } else if (typeof version === 'number' && Number.isInteger(version) && version < format.version) {
        const value = format.migrate(data, version);
        if (value !== null) return { value, notice: null };
      }
    }
  } catch {
    // Falls through to the notice below.
  }
  return {
    value: format.fallback,
    notice: 'Some saved data was damaged and has been set aside; Unroll started fresh.',
  };
}

/** Saves a value; returns a notice when the browser refused (quota, private mode), else null. */
export function save<T>(format: VersionedFormat<T>, value: T): string | null {
  const store = storage();
  if (!store) return 'This browser does not let Unroll save, so progress lasts until you close the tab.';
  try {
    store.setItem(format.key, JSON.stringify({ version: format.version, data: value }));
    return null;
  } catch {
    return 'The browser refused to save (storage may be full), so recent progress lasts until you close the tab.';
  }
}
