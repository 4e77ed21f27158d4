/**
 * Lesson folders that were renamed, old slug to new. A slug is a lesson's address and the key of its
 * saved progress, so both the router (old addresses redirect) and the progress migration read this one
 * table. Entries stay forever: a bookmark or a saved file from before the rename can turn up any time.
 */
export const RENAMED_LESSONS: Readonly<Record<string, string>> = {
  // The language-models lesson took place 6 before the summary (issue 11).
  '06-summary': '07-summary',
};

/** The slug a lesson has now: the renamed one for an old slug, else the slug itself. */
export function currentLessonSlug(slug: string): string {
  return Object.hasOwn(RENAMED_LESSONS, slug) ? RENAMED_LESSONS[slug]! : slug;
}

// Every route that carries a lesson slug right after its first segment (a lesson, its slides, the
// speaker view); the rest of the address (section, slide number, query) is kept as it was.
const slugRoute = /^\/(lessons|present|speaker)\/([^/?#]+)(.*)$/s;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches every hash location that names a renamed lesson, for the router's redirecting route. */
export const renamedLessonRoute = new RegExp(
  `^/(?:lessons|present|speaker)/(?:${Object.keys(RENAMED_LESSONS).map(escaped).join('|')})(?:[/?].*)?$`,
  's',
);

/**
 * Where a hash location that names a renamed lesson should go now (`/lessons/06-summary/check-yourself`
 * → `/lessons/07-summary/check-yourself`), or null when it names no renamed lesson.
 */
export function renamedLessonLocation(location: string): string | null {
  const match = slugRoute.exec(location);
  if (!match) return null;
  const [, page, slug, rest] = match;
  const current = currentLessonSlug(slug!);
  return current === slug ? null : `/${page}/${current}${rest}`;
}
