import { type RefObject, useLayoutEffect } from 'react';

/** How many characters get their new colour per frame outside the lines in view. */
export const TONES_PER_FRAME = 300;

/**
 * The characters [start, end) on the lines that `root` (the scrolling passage) shows, read from the
 * lines' first cells; null when it has no layout (nothing is drawn, so the order does not matter).
 */
export function linesInView(root: HTMLElement, count: number): readonly [number, number] | null {
  const view = root.getBoundingClientRect();
  if (view.height === 0) return null;
  const lines = root.querySelectorAll<HTMLElement>('.inside-line');
  const startOf = (line: number) =>
    line >= lines.length
      ? count
      : Number(lines[line]!.querySelector('[data-index]')?.getAttribute('data-index'));
  // Lines are in order from top to bottom: binary search for the first whose bottom is below the view's top.
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]!.getBoundingClientRect().bottom <= view.top) low = middle + 1;
    else high = middle;
  }
  let last = low;
  while (last < lines.length && lines[last]!.getBoundingClientRect().top < view.bottom) last++;
  return [startOf(low), startOf(last)];
}

/**
 * Writes each character's colour class straight onto its glyph instead of re-rendering thousands of
 * cells: the lines in view before the next paint, then the rest a slice per frame, nearest first, so a
 * change of unit or series restyles and repaints a few hundred characters per task, not 2,000.
 * `tones[t]` is the class of character t; glyphs are the `.inside-glyph` elements in index order.
 */
export function useToneClasses(
  root: RefObject<HTMLElement | null>,
  tones: readonly string[],
  layout: unknown,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `layout` stands for the cells, which a new passage replaces
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    const glyphs = element.querySelectorAll<HTMLElement>('.inside-glyph');
    const count = Math.min(glyphs.length, tones.length);
    const paint = (from: number, to: number) => {
      for (let t = from; t < to; t++) glyphs[t]!.className = `inside-glyph ${tones[t]}`;
    };
    const view = linesInView(element, count);
    if (view === null) {
      paint(0, count);
      return;
    }
    const [start, end] = view;
    paint(start, end);
    // What is left, nearest the view first: the lines below it, then the lines above it.
    const rest: [number, number][] = [];
    for (let from = end; from < count; from += TONES_PER_FRAME)
      rest.push([from, Math.min(count, from + TONES_PER_FRAME)]);
    for (let to = start; to > 0; to -= TONES_PER_FRAME) rest.push([Math.max(0, to - TONES_PER_FRAME), to]);
    let frame = 0;
    const next = () => {
      const slice = rest.shift();
      if (!slice) return;
      paint(slice[0], slice[1]);
      frame = requestAnimationFrame(next);
    };
    frame = requestAnimationFrame(next);
    return () => cancelAnimationFrame(frame);
  }, [root, tones, layout]);
}
