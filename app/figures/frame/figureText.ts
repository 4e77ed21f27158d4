/**
 * Numbers and words as figures write them: subscripts and powers of ten, signed and fixed numbers,
 * percentages, counts, table cells and caption numbers, lists of words.
 */
import { format } from 'd3';

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

/** 12 -> "₁₂", for captions such as "h₁₂". */
export function subscript(value: number): string {
  return String(value)
    .split('')
    .map((digit) => subscriptDigits[Number(digit)] ?? digit)
    .join('');
}

/** A number with a fixed count of decimals and a true minus sign ("−0.42"); "—" when not finite. */
export function formatFixed(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  const text = value.toFixed(digits);
  // -0.00 reads as a sign error; show it as 0.
  if (Number(text) === 0) return (0).toFixed(digits);
  return text.replace('-', '−');
}

/** Whole numbers with thousands separators ("5,376"). */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

/** A stable, selector-safe id from React's useId (which may contain colons or guillemets). */
export function svgId(reactId: string, prefix: string): string {
  return `${prefix}-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

const superscripts: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** "10⁻³" for 0.001: how a log axis should read. */
export function powerOfTenLabel(exponent: number): string {
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  const digits = String(exponent)
    .split('')
    .map((character) => superscripts[character] ?? character)
    .join('');
  return `10${digits}`;
}

/** "7 × 10⁻¹⁴" (two significant figures): a very large or small number in words a caption can hold. */
export function scientific(value: number): string {
  const magnitude = Math.abs(value);
  let exponent = Math.floor(Math.log10(magnitude));
  let mantissa = Number((magnitude / 10 ** exponent).toPrecision(2));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  const sign = value < 0 ? '−' : '';
  const power = powerOfTenLabel(exponent);
  return mantissa === 1 ? `${sign}${power}` : `${sign}${mantissa} × ${power}`;
}

/** Numbers in tables: four significant digits, scientific for the very large or small. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

/** Whole numbers with thousands separators: "5,000". */
export const formatStep = format(',');

/**
 * A number as a caption says it: three significant figures, whole numbers from 100 up, and
 * "3.2 × 10⁻⁸" for the very small and very large.
 */
export function formatCaptionNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : 'minus infinity';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    return scientific(value);
  }
  if (magnitude >= 100) return formatStep(Math.round(value));
  return String(Number(value.toPrecision(3)));
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
