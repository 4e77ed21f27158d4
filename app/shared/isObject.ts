/** Untrusted JSON (saved progress, a quiz file): a plain object whose fields can be read one by one. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
