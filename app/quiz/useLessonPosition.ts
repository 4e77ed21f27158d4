import { type RefObject, useEffect, useState } from 'react';
import { QUIZ_SECTION_ID } from '../course';
import { useStore } from '../store';

/** How long the reader must stay at a section before it is remembered: a fling past it does not count. */
const SETTLE_MS = 600;
/** How long to wait for a lazily loaded section (the lesson text, the quiz) to appear. */
const FIND_FOR_MS = 8000;

/**
 * Records the lesson as visited, scrolls to `section` when the address names one, and remembers the
 * last section heading (`h2[id]`) the learner reached, for "continue where you left off". Returns
 * the section the address names when the lesson has no such section (null otherwise), so the page can
 * say so instead of silently opening at the top.
 */
export function useLessonPosition(
  slug: string,
  section: string | undefined,
  root: RefObject<HTMLElement | null>,
): string | null {
  const visitLesson = useStore((state) => state.visitLesson);
  const setLessonPosition = useStore((state) => state.setLessonPosition);

  useEffect(() => {
    visitLesson(slug);
  }, [slug, visitLesson]);

  // The section may be in text that is still loading: look for it on each frame for a few seconds.
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    setMissing(null);
    if (!section) return;
    let frame = 0;
    const until = performance.now() + FIND_FOR_MS;
    const look = () => {
      const target = document.getElementById(section);
      if (target && root.current?.contains(target)) {
        target.scrollIntoView?.({ block: 'start' });
        if (target.hasAttribute('tabindex')) target.focus({ preventScroll: true });
        return;
      }
      // Once the text and the quiz are both in, a section not among them does not exist.
      // (The text draws progressively and says aria-busy until its last block is in.)
      const loaded =
        root.current?.querySelector('.prose:not([aria-busy]) h2[id]') &&
        document.getElementById(QUIZ_SECTION_ID);
      if (loaded || performance.now() >= until) {
        setMissing(section);
        return;
      }
      frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [section, root]);

  useEffect(() => {
    const element = root.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observed = new Set<Element>();
    // A heading that has scrolled above the middle of the screen is the section being read.
    const observer = new IntersectionObserver(
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const headings = [...element.querySelectorAll<HTMLElement>('h2[id]')];
          const reached = headings.filter(
            (heading) => heading.getBoundingClientRect().top < window.innerHeight / 2,
          );
          const current = reached[reached.length - 1];
          if (current)
            setLessonPosition(slug, { id: current.id, title: current.textContent?.trim() ?? current.id });
        }, SETTLE_MS);
      },
      { rootMargin: '0px 0px -50% 0px' },
    );
    const watch = () => {
      for (const heading of element.querySelectorAll('h2[id]')) {
        if (!observed.has(heading)) {
          observed.add(heading);
          observer.observe(heading);
        }
      }
    };
    watch();
    // The lesson text and the quiz arrive later than the page.
    const mutations = new MutationObserver(watch);
    mutations.observe(element, { childList: true, subtree: true });
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      mutations.disconnect();
    };
  }, [slug, root, setLessonPosition]);
  return missing;
}
