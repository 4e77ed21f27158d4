import { type RefObject, useLayoutEffect } from 'react';

/**
 * Writes each character's colour class straight onto its glyph instead of re-rendering thousands of
 * cells, before the next paint: a change of unit or series costs 2,000 attribute writes, and the
 * browser restyles and repaints only the lines `content-visibility` renders. (Writing the lines in
 * view first and the rest a slice per frame was measured too: it made more long tasks, not fewer,
 * since every slice is a frame of its own and finding the lines in view forces a layout.)
 * `tones[t]` is the class of character t; glyphs are the `.inside-glyph` elements in index order.
 */
export function useToneClasses(
  root: RefObject<HTMLElement | null>,
  tones: readonly string[],
  layout: unknown,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `layout` stands for the cells, which a new passage replaces
  useLayoutEffect(() => {
    const glyphs = root.current?.querySelectorAll<HTMLElement>('.inside-glyph') ?? [];
    const count = Math.min(glyphs.length, tones.length);
    for (let t = 0; t < count; t++) glyphs[t]!.className = `inside-glyph ${tones[t]}`;
  }, [root, tones, layout]);
}
