/**
 * The language lab's built-in texts, with the texts themselves (the course prose is about 100 KB). Kept
 * out of the engine's front door (`app/engine.ts`), which every page loads: only the lab's modules import
 * this, so a page without the lab does not download the prose (others use `loadBuiltinText`).
 */
export { BUILTIN_TEXTS, builtinText } from '../engine/text/builtins';
