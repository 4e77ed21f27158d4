/**
 * Writes each character's colour class onto its glyph: the passage's colours where no canvas paints
 * them (see usePassageCanvas). `tones[t]` is the class of character t; glyphs are the `.inside-glyph`
 * elements under `root` in index order.
 */
export function writeToneClasses(root: HTMLElement, tones: readonly string[]) {
  const glyphs = root.querySelectorAll<HTMLElement>('.inside-glyph');
  const count = Math.min(glyphs.length, tones.length);
  for (let t = 0; t < count; t++) glyphs[t]!.className = `inside-glyph ${tones[t]}`;
}
