/**
 * Reads a number as a person types it: "5376", "5,376", "5 376", " 1.5e3 ", "−0.25", "0,25", "1/3",
 * "40%" or "5376 parameters". Never throws; an unreadable text gets a sentence saying why.
 */
export type ParsedNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Groups of three digits separated by commas: "5,376", "1,000,000.5". */
const COMMA_GROUPS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A decimal comma, as written in much of Europe: "0,25", "3,5". */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const FRACTION = /^([+-]?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/;

function unreadable(text: string): ParsedNumber {
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return {
    ok: false,
    message: `"${shown}" is not a number this quiz can read. Type digits, such as 5376, 5,376 or 1.5e3.`,
  };
}

/**
 * Parses typed text. `unit` (e.g. 'parameters', '%') may follow the number and is ignored; a '%' that
 * is not the unit turns the number into a share (40% is 0.4). A comma
 * followed by groups of exactly three digits separates thousands; any other single comma is a decimal
 * comma. Spaces (also thin and non-breaking) and underscores between digits are ignored.
 */
export function parseNumber(raw: string, unit?: string): ParsedNumber {
  let text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: false, message: 'Type a number first.' };
  if (text.length > 64) return unreadable(text);
  const original = text;
  if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) {
    text = text.slice(0, text.length - unit.length).trim();
  }
  // "40%" where the unit is not a percentage means the share 0.4.
  let divisor = 1;
  if (text.endsWith('%')) {
    text = text.slice(0, -1).trim();
    divisor = 100;
  }
  // Typographic minus signs and the × of scientific notation, as copied from a page.
  text = text.replace(/[\u2212\u2012\u2013\u2014]/g, '-').replace(/\s*[x×]\s*10\^/i, 'e');
  text = text.replace(/(\d)[\s_]+(?=\d)/g, '$1').replace(/\s*\/\s*/, '/');
  let value: number;
  const fraction = FRACTION.exec(text);
  if (PLAIN.test(text)) value = Number(text);
  else if (COMMA_GROUPS.test(text)) value = Number(text.replaceAll(',', ''));
  else if (DECIMAL_COMMA.test(text)) value = Number(text.replace(',', '.'));
  else if (fraction) {
    const denominator = Number(fraction[2]);
    if (denominator === 0) return { ok: false, message: 'A fraction cannot divide by zero.' };
    value = Number(fraction[1]) / denominator;
  } else return unreadable(original);
  if (!Number.isFinite(value)) {
    return { ok: false, message: 'That number is too large to be an answer here.' };
  }
  return { ok: true, value: value / divisor };
}
