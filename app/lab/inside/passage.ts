/** The longest passage the page asks the worker to trace (the inside panel stays fast up to this). */
export const INSIDE_PASSAGE_LIMIT = 2000;

/**
 * How much of the end of the text the inside panel reads unless the student writes their own passage:
 * the end, where the held-out part is, so the model has not trained on it; and as long as the panel
 * allows, since a correlation over a short passage is mostly chance (on the toy code, the best unit's
 * |r| for bracket depth wandered between 0.55 and 0.67 over 600 characters and held at 0.67-0.69 over
 * 2,000, seeds 1-4 from step 2,000 to 4,400; `tests/unit/demoSeeds.lab.test.ts` checks seeds 1-10).
 */
export const DEFAULT_PASSAGE = INSIDE_PASSAGE_LIMIT;

/** The default passage of `text`: its last {@link DEFAULT_PASSAGE} characters (code points, as the vocabulary counts them). */
export function defaultPassage(text: string): string {
  const characters = Array.from(text);
  return characters.length <= DEFAULT_PASSAGE ? text : characters.slice(-DEFAULT_PASSAGE).join('');
}
