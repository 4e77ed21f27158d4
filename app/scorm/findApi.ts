/**
 * Finds an LMS's SCORM 1.2 API object the way ADL's reference algorithm does: this window, then up
 * the chain of parents, then the opener window and its parents. Each step is bounded and guarded,
 * because reading a property of a window from another origin throws.
 */

/** The calls of the SCORM 1.2 run-time API this app uses; every one answers with a string. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
}

/** The window links the search follows; a stand-in in tests. */
export interface WindowLike {
  readonly parent: WindowLike | null;
  readonly opener?: WindowLike | null;
  readonly API?: unknown;
}

/** ADL's algorithm gives up after 7 parents for SCORM 1.2; LMS frame sets are never that deep. */
export const MAX_PARENTS = 7;

function isApi(value: unknown): value is Scorm12Api {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Record<string, unknown>;
  return ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'].every(
    (name) => typeof api[name] === 'function',
  );
}

/** A window property read that turns a cross-origin refusal into null. */
function read<T>(get: () => T): T | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}

/** Looks in `win` and up to MAX_PARENTS of its parents. */
function searchUp(start: WindowLike): Scorm12Api | null {
  let win: WindowLike | null = start;
  for (let depth = 0; win !== null && depth <= MAX_PARENTS; depth++) {
    const current: WindowLike = win;
    const api = read(() => current.API);
    if (isApi(api)) return api;
    const parent = read(() => current.parent);
    // The top window is its own parent.
    if (parent === null || parent === current) return null;
    win = parent;
  }
  return null;
}

/** The SCORM 1.2 API of the LMS that launched this page, or null outside an LMS. */
export function findScormApi(win: WindowLike): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  const top = read(() => {
    let w = win;
    for (let depth = 0; depth < MAX_PARENTS && w.parent && w.parent !== w; depth++) w = w.parent;
    return w;
  });
  const opener = read(() => (top ?? win).opener);
  return opener ? searchUp(opener) : null;
}
