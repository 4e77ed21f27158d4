/**
 * Numbers in words, the same on every page: one formatter for every table, caption and readout
 * (significant digits, "6.5 × 10⁻⁴" for the very small and large, a true minus sign), shares as
 * percentages, counts with their noun.
 */
import { format } from 'd3';

const thousands = format(',');

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

/** "10⁻³" for the exponent −3: how powers of ten read everywhere, axes included. */
export function powerOfTenLabel(exponent: number): string {
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  const digits = String(exponent)
    .split('')
    .map((character) => superscripts[character] ?? character)
    .join('');
  return `10${digits}`;
}

/** A value's mantissa to `digits` significant figures (trailing zeros dropped) and its power of ten. */
export function mantissaAndExponent(value: number, digits: number): { mantissa: number; exponent: number } {
  const magnitude = Math.abs(value);
  let exponent = Math.floor(Math.log10(magnitude));
  let mantissa = Number((magnitude / 10 ** exponent).toPrecision(digits));
  // 9.996 to three figures rounds up to the next power: 1.00 × 10ⁿ⁺¹, not 10.0 × 10ⁿ.
  if (mantissa >= 10) {
    mantissa = Number((mantissa / 10).toPrecision(digits));
    exponent += 1;
  }
  return { mantissa, exponent };
}

const minus = (text: string) => text.replace('-', '−');

/**
 * Every number the app shows: `digits` significant figures (3 unless told; from 3 up, whole numbers
 * with thousands separators once they reach that many digits, "12,346"), "6.47 × 10⁻⁴" below 0.001 and
 * from 100,000 up, a true minus sign ("−0.25"), "NaN", "∞" and "−∞" for what is not finite.
 */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  // From three figures up, a number past them is shown whole ("12,346"), not rounded to "12,300".
  if (digits >= 3 && Math.abs(value) >= 10 ** digits && Math.abs(value) < 1e5)
    return minus(thousands(Math.round(value)));
  const rounded = Number(value.toPrecision(digits));
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const { mantissa, exponent } = mantissaAndExponent(rounded, digits);
    const sign = value < 0 ? '−' : '';
    const power = powerOfTenLabel(exponent);
    return mantissa === 1 ? `${sign}${power}` : `${sign}${mantissa} × ${power}`;
  }
  return minus(magnitude >= 1000 ? thousands(rounded) : String(rounded));
}

/**
 * A share in [0, 1] as a percentage with `digits` decimals ("38%", "75.0%"); a share above 0 too small
 * to show reads "<1%" (or "<0.1%"), never "0%"; "—" when not finite.
 */
export function formatPercent(share: number, digits = 0): string {
  if (!Number.isFinite(share)) return '—';
  const scale = 10 ** digits;
  const rounded = Math.round(share * 100 * scale) / scale;
  if (share > 0 && rounded === 0) return `<${1 / scale}%`;
  return `${minus(rounded.toFixed(digits))}%`;
}

/** "1 step", "5,000 steps", "3 cells were". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${thousands(count)} ${count === 1 ? one : many}`;
}
