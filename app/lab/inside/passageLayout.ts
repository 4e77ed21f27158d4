/**
 * How the coloured passage is laid out: characters grouped into words that never break inside, so the
 * text wraps like text at any width while every character (spaces and line breaks included) keeps a
 * cell of its own, with the strips under it aligned.
 */

/** One run of characters drawn without a break inside it; `breakAfter` when it ends a line. */
export interface WordGroup {
  readonly start: number;
  readonly end: number;
  readonly breakAfter: boolean;
}

const BLANK = /\s/u;

/**
 * Splits the characters into groups: a word with the spaces after it, ending early at a line break
 * (which closes its line). Covers every index 0..length−1 exactly once, in order.
 */
export function wordGroups(characters: readonly string[]): WordGroup[] {
  const groups: WordGroup[] = [];
  let start = 0;
  for (let t = 0; t < characters.length; t++) {
    const character = characters[t]!;
    const next = characters[t + 1];
    const lineEnds = character === '\n';
    // A word ends where a blank is followed by something that is not blank.
    const wordEnds = BLANK.test(character) && next !== undefined && !BLANK.test(next);
    if (lineEnds || wordEnds || next === undefined) {
      groups.push({ start, end: t + 1, breakAfter: lineEnds });
      start = t + 1;
    }
  }
  return groups;
}

/**
 * The groups of {@link wordGroups} split into lines at each line break: each line is drawn as its own
 * block, which the browser can skip laying out and painting while it is scrolled out of view.
 */
export function passageLines(characters: readonly string[]): WordGroup[][] {
  const lines: WordGroup[][] = [];
  let line: WordGroup[] = [];
  for (const group of wordGroups(characters)) {
    line.push(group);
    if (group.breakAfter) {
      lines.push(line);
      line = [];
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** What a character's cell shows: visible stand-ins for a line break and a tab; a space stays a space. */
export function glyphOf(character: string): string {
  if (character === '\n') return '↵';
  if (character === '\t') return '⇥';
  if (character === '\r') return '␍';
  return character;
}

/**
 * The characters [start, end) a selection covers inside `container`, read from the cells' data-index,
 * or null when nothing inside it is selected.
 */
export function selectedSpan(container: HTMLElement | null): readonly [number, number] | null {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const count = container.querySelectorAll('[data-index]').length;
  if (count === 0) return null;
  const cellIndex = (node: Node | null | undefined): number | null => {
    const element = node instanceof Element ? node : (node?.parentElement ?? null);
    const cell = element?.closest('[data-index]');
    return cell && container.contains(cell) ? Number(cell.getAttribute('data-index')) : null;
  };
  const { startContainer, startOffset, endContainer, endOffset } = range;
  let first: number | null;
  if (startContainer instanceof Text) {
    const index = cellIndex(startContainer);
    // Starting after a glyph's text selects nothing of that character.
    first = index === null ? null : startOffset >= startContainer.length ? index + 1 : index;
  } else first = cellIndex(startContainer.childNodes[startOffset] ?? startContainer);
  let last: number | null;
  if (endContainer instanceof Text) {
    const index = cellIndex(endContainer);
    // Ending before a glyph's text selects nothing of that character.
    last = index === null ? null : endOffset === 0 ? index - 1 : index;
  } else last = cellIndex(endContainer.childNodes[endOffset - 1] ?? endContainer);
  // A selection that runs past the passage is clamped to its first or last character.
  const start = Math.max(0, first ?? 0);
  const end = Math.min(count - 1, last ?? count - 1);
  return end >= start ? [start, end + 1] : null;
}
