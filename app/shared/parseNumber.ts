/**
 * Reads a number as a person types it, the one parser behind every numeric field (quiz answers, the
 * playground's settings, its links): "5376", "1,000,000", "5 376", " 1.5e3 ", "−0.25", "0,25", "1/3",
 * "40%" or "5376 parameters". Never throws; an unreadable text gets a sentence saying why, and a text
 * that reads two ways ("1,234": 1.234 or 1234) gets a question instead of a guess.
 */
export type ParsedNumber =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      readonly message: string;
      /** Both readings of an ambiguous comma ("1,234"), decimal first. */
      readonly readings?: readonly [number, number];
    };

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Two or more groups of three digits, or groups before a decimal point: "1,000,000", "5,376.5". */
const COMMA_GROUPS = /^[+-]?\d{1,3}((,\d{3}){2,}(\.\d+)?|(,\d{3})+\.\d+)$/;
/** One comma, then exactly three digits, after 1 to 3 digits that are not just 0: 1.234 or 1234? */
const AMBIGUOUS = /^([+-]?)([1-9]\d{0,2}),(\d{3})$/;
/** Any other single comma is a decimal comma, as written in much of Europe: "0,25", "3,5", "0,544". */
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const FRACTION = /^([+-]?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/;

function unreadable(text: string): ParsedNumber {
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return {
    ok: false,
    message: `"${shown}" is not a number. Type digits, such as 5376, 0.25 or 1.5e3.`,
  };
}

/** "1.234" and "1234", as the question about an ambiguous comma names them. */
function reading(value: number): string {
  return String(value).replace('-', '−');
}

/**
 * Parses typed text. `unit` (e.g. 'parameters', '%') may follow the number and is ignored; a '%' that
 * is not the unit turns the number into a share (40% is 0.4). Commas: several groups of three digits,
 * or groups before a decimal point, separate thousands; a single comma after 0 or a sign, or followed
 * by other than three digits, is a decimal comma; "1,234" could be either, so it is asked about.
 * Spaces (also thin and non-breaking) and underscores between digits are ignored.
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
  const ambiguous = AMBIGUOUS.exec(text);
  if (PLAIN.test(text)) value = Number(text);
  else if (ambiguous) {
    const [, sign, whole, part] = ambiguous;
    const decimal = Number(`${sign}${whole}.${part}`) / divisor;
    const thousands = Number(`${sign}${whole}${part}`) / divisor;
    return {
      ok: false,
      message: `Did you mean ${reading(decimal)} or ${reading(thousands)}? Type it without the comma.`,
      readings: [decimal, thousands],
    };
  } else if (COMMA_GROUPS.test(text)) value = Number(text.replaceAll(',', ''));
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
