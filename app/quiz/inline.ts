/**
 * The small inline markup quiz and glossary text may use: `$…$` for TeX, `**…**` for bold and
 * `` `…` `` for code. `\$` is a literal dollar sign. Split once, rendered by RichText, checked by the
 * quiz validator.
 */
export type InlinePiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tex'; readonly tex: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string };

const TOKEN = /\\\$|\$([^$]+?)\$|\*\*([^*]+?)\*\*|`([^`]+?)`/g;

export function splitInline(source: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let text = '';
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    text += source.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === '\\$') {
      text += '$';
      continue;
    }
    if (text) pieces.push({ kind: 'text', text });
    text = '';
    if (match[1] !== undefined) pieces.push({ kind: 'tex', tex: match[1] });
    else if (match[2] !== undefined) pieces.push({ kind: 'strong', text: match[2] });
    else pieces.push({ kind: 'code', text: match[3]! });
  }
  text += source.slice(last);
  if (text) pieces.push({ kind: 'text', text });
  return pieces;
}

/** The text without markup, for an aria-label or a filter: TeX keeps its source, minus the dollars. */
export function plainText(source: string): string {
  return splitInline(source)
    .map((piece) => (piece.kind === 'tex' ? piece.tex : piece.text))
    .join('');
}
