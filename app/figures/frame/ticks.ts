import { ticks as niceTicks } from 'd3';
import { formatNumber } from './FigureFrame';

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

/** The exponent of a value that is a power of ten, or null. */
function exactExponent(value: number): number | null {
  if (!(value > 0)) return null;
  const exponent = Math.round(Math.log10(value));
  return Math.abs(value / 10 ** exponent - 1) < 1e-9 ? exponent : null;
}

/** Every power of ten between low and high (inclusive), ascending. */
export function powersOfTen(low: number, high: number): number[] {
  if (!(low > 0 && high > 0)) return [];
  const result: number[] = [];
  for (
    let exponent = Math.ceil(Math.log10(low) - 1e-9);
    exponent <= Math.floor(Math.log10(high) + 1e-9);
    exponent++
  ) {
    result.push(10 ** exponent);
  }
  return result;
}

/** A tick label: powers of ten as 10ⁿ on log scales, otherwise a short number. */
export function formatTick(value: number, log = false): string {
  const exponent = log ? exactExponent(value) : null;
  if (exponent !== null && exponent !== 0 && exponent !== 1) return powerOfTenLabel(exponent);
  return formatNumber(value);
}

/** "7 × 10⁻¹⁴": a very large or small positive number in words a caption can hold. */
export function scientific(value: number): string {
  let exponent = Math.floor(Math.log10(value));
  let mantissa = Number((value / 10 ** exponent).toPrecision(2));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return mantissa === 1 ? powerOfTenLabel(exponent) : `${mantissa} × ${powerOfTenLabel(exponent)}`;
}

/**
 * Labels for a log axis: every tick keeps its grid line, but only powers of ten are named (and 2 and 5
 * between them when the axis spans two decades or less), so labels never pile up.
 */
export function logTickFormat(low: number, high: number): (value: number) => string {
  const decades = Math.log10(high / low);
  return (value) => {
    const exponent = Math.floor(Math.log10(value) + 1e-9);
    const mantissa = Math.round(value / 10 ** exponent);
    const named = mantissa === 1 || (decades <= 2.01 && (mantissa === 2 || mantissa === 5));
    if (!named) return '';
    // Over two decades or less, plain decimals (0.002, 0.005, 0.01) read best; beyond, powers of ten,
    // with 2 and 5 in the same style (2×10⁻⁴), never the e-notation of formatNumber.
    const plain = decades <= 2.01 && value >= 1e-3 && value < 1e5;
    if (plain) return formatTick(value);
    return mantissa === 1 ? formatTick(value, true) : `${mantissa}×${powerOfTenLabel(exponent)}`;
  };
}

/**
 * Which of the steps 1..count get a label along an axis of the given length: all of them when they
 * fit (about 36 px each), else round numbers, always starting with 1 so the first step is named.
 */
export function stepTicks(count: number, length: number, spacing = 36): number[] {
  if (count <= 0) return [];
  const fit = Math.max(2, Math.floor(length / spacing));
  if (count <= fit) return Array.from({ length: count }, (_, index) => index + 1);
  const round = niceTicks(1, count, Math.max(2, Math.floor(fit * 0.7))).filter(
    (value) => Number.isInteger(value) && value >= 1,
  );
  const gap = round.length > 1 ? round[1]! - round[0]! : count;
  // Every other step: 1, 3, 5, … so that step 1 is named without crowding step 2.
  if (gap <= 2) return Array.from({ length: Math.ceil(count / gap) }, (_, index) => 1 + index * gap);
  if (round[0] === 1) return round;
  return round[0]! - 1 >= gap / 2 ? [1, ...round] : [1, ...round.slice(1)];
}
