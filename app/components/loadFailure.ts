/**
 * Browsers' words for a script chunk that could not be downloaded (Chromium, Firefox, Safari), and Vite's
 * for a chunk's stylesheet: what a reader sees offline when a page they never opened online has not been
 * saved yet.
 */
const chunkFailures = [
  'Failed to fetch dynamically imported module',
  'error loading dynamically imported module',
  'Importing a module script failed',
  'Unable to preload CSS for',
];

/** True when an error (or its message) says a part of the site could not be downloaded. */
export function isLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return chunkFailures.some((words) => message.includes(words));
}
