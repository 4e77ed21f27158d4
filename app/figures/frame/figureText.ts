/**
 * Numbers and words as figures write them: subscripts and powers of ten, signed and fixed numbers,
 * percentages, counts, table cells and caption numbers, lists of words.
 */
import { format } from 'd3';
import { formatNumber, mantissaAndExponent, powerOfTenLabel } from '../../shared/format';

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

export { formatNumber, powerOfTenLabel };

/** "7 × 10⁻¹⁴" (two significant figures): a very large or small number in words a caption can hold. */
export function scientific(value: number): string {
  const { mantissa, exponent } = mantissaAndExponent(value, 2);
  const sign = value < 0 ? '−' : '';
  const power = powerOfTenLabel(exponent);
  return mantissa === 1 ? `${sign}${power}` : `${sign}${mantissa} × ${power}`;
}

/** Whole numbers with thousands separators: "5,000". */
export const formatStep = format(',');

/**
 * A number as a caption says it: the app's one number format (three significant figures, whole
 * numbers from 1,000 up, "3.2 × 10⁻⁸" for the very small and very large), with what is not finite in
 * words.
 */
export function formatCaptionNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : 'minus infinity';
  return formatNumber(value);
}

/** "a", "a and b", "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
