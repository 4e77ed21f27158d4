import { useEffect, useRef } from 'react';
import { prefersReducedMotionNow } from './hooks';
import './figureNotice.css';

/** What a live figure shows now, so a reader sees that it changed. */
export interface FigureUpdate {
  /** Changes exactly when the figure's data does (a step count, the slider values joined). */
  readonly key: string | number;
  /** The state in a few words, shown beside the notice: "Updated at step 120", "Updated: w_hh = 0.50". */
  readonly label: string;
}

/**
 * Two class names with the same keyframes: swapping one for the other restarts the highlight without
 * a forced layout (removing and re-adding one class would need a reflow in between to restart it).
 */
export const UPDATE_FLASH_CLASSES = ['figure-update-flash-a', 'figure-update-flash-b'] as const;

/**
 * Flashes the element behind the returned ref each time `key` changes, by swapping a CSS class: no
 * state, so the figure is not rendered again for the cue, and no timer. Under reduced motion the
 * class is only removed, so the label changes without moving.
 */
export function useUpdateCue<E extends HTMLElement>(key: string | number | undefined) {
  const ref = useRef<E>(null);
  const previous = useRef(key);
  const flips = useRef(0);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    const element = ref.current;
    if (!element) return;
    element.classList.remove(...UPDATE_FLASH_CLASSES);
    if (prefersReducedMotionNow()) return;
    flips.current += 1;
    element.classList.add(UPDATE_FLASH_CLASSES[flips.current % 2]!);
  }, [key]);
  return ref;
}

/** What a figure passes on to its frame when a lesson places it (both optional for figures elsewhere). */
export interface NoticeSlot {
  readonly notice?: string;
  readonly update?: FigureUpdate;
}

export interface FigureNoticeProps {
  /** One line, written for this place in the lesson: what to look at in the figure. */
  readonly notice: string;
  /** What the figure shows now; absent for a figure that is only read, never updated. */
  readonly update?: FigureUpdate;
}

/**
 * "What to notice" and the update cue, in the one place every live figure has them: under its title,
 * above its controls. The label is not a live region: screen readers hear a run's start and end from
 * its status line (RunControls), not every step.
 */
export function FigureNotice({ notice, update }: FigureNoticeProps) {
  const cue = useUpdateCue<HTMLParagraphElement>(update?.key);
  return (
    <div className="figure-notice">
      <p className="figure-notice-text">
        <strong>What to notice:</strong> {notice}
      </p>
      {update && (
        <p className="figure-update" ref={cue}>
          {update.label}
        </p>
      )}
    </div>
  );
}
