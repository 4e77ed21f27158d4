/** Label widths estimated before anything is drawn, for layout (jsdom cannot measure text). */

/** Rough rendered width of a label in Inter, for layout before anything is drawn (jsdom cannot measure). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const character of text) {
    if (/[0-9]/.test(character)) em += 0.6;
    else if (/[A-Z]/.test(character)) em += 0.68;
    else if (/[a-z]/.test(character)) em += 0.55;
    else if (character === ' ') em += 0.28;
    else if (/[.,:;'|!il]/.test(character)) em += 0.3;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.06 : 1);
}

/** The label, cut with an ellipsis if it would be wider than `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 1 && textWidth(`${characters.join('')}…`, fontSize, bold) > maxWidth) {
    characters.pop();
  }
  return `${characters.join('').trimEnd()}…`;
}
