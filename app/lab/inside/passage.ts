/** The longest passage the page asks the worker to trace (the inside panel stays fast up to this). */
export const INSIDE_PASSAGE_LIMIT = 2000;

/**
 * How much of the end of the text the inside panel reads unless the student writes their own passage
 * (the end, where the held-out part is, so the model has not trained on it), by text:
 *
 * - **The toy code: 2,000 characters**, the most the panel traces. It is the text "find a unit" is for, and
 *   a correlation over a short passage is mostly chance: the best unit's |r| for bracket depth wandered
 *   between 0.55 and 0.67 over 600 characters and holds at 0.64-0.70 over 2,000 (seeds 1-10, steps 500 to
 *   2,000; `tests/unit/demoSeeds.lab.test.ts`).
 * - **Any other text: 600.** On the course prose, 2,000 cost the page a 53-56 ms task and 2-3 frames a
 *   second while it trained, sampled and took keystrokes (`npm run bench:lab`, twice; the goal is no
 *   task over 50 ms), and 600 none (toy code at 2,000: none either).
 */
export const TOY_CODE_PASSAGE = INSIDE_PASSAGE_LIMIT;
export const OTHER_PASSAGE = 600;

/** The default passage length for a text the lab picked by id ('toy-code', 'course-prose', …, or 'own'). */
export function defaultPassageLength(source: string): number {
  return source === 'toy-code' ? TOY_CODE_PASSAGE : OTHER_PASSAGE;
}

/** The last `length` characters of `text` (code points, as the vocabulary counts them). */
export function defaultPassage(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length ? text : characters.slice(-length).join('');
}
