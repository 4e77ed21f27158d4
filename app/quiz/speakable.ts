import katex from 'katex';
import { splitInline } from './inline';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  nbsp: ' ',
};

/** The symbols of a formula as plain text, from KaTeX's MathML: '$6 \times 26$' → '6 × 26'. */
function texAsText(tex: string): string {
  let mathml: string;
  try {
    mathml = katex.renderToString(tex, { output: 'mathml', throwOnError: true });
  } catch {
    return tex;
  }
  return mathml
    .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
    .replace(/<mo[^>]*>([\s\S]*?)<\/mo>/g, ' $1 ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x27|amp|lt|gt|quot|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text with its formulas flattened to symbols, for an accessible name where a formula is the whole
 * label (a choice "$6 \times 26$"): checkers and some screen readers find no name in MathML alone.
 */
export function speakable(text: string): string {
  return splitInline(text)
    .map((piece) => (piece.kind === 'tex' ? texAsText(piece.tex) : piece.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the text has a formula in it. */
export const hasTex = (text: string) => splitInline(text).some((piece) => piece.kind === 'tex');
