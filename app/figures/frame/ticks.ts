/** Which values an axis marks and how their labels read, linear and log. */
import { format, ticks as niceTicks } from 'd3';
import { mantissaAndExponent } from '../../shared/format';
import { formatNumber, powerOfTenLabel } from './figureText';

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

/**
 * Labels for a log axis, in one style for every figure: plain numbers (0.01, 0.5, 20) while the whole
 * axis lies between 0.001 and 10,000, else powers of ten written 10⁻⁶ and the ticks between them
 * 2×10⁻⁴. By default every tick keeps its grid line but only powers of ten are named (and 2 and 5
 * between them when the axis spans two decades or less), so d3's nine ticks a decade never pile up;
 * `every` names each tick, for ticks already chosen sparse by `logTickValues`.
 */
export function logTickFormat(low: number, high: number, { every = false } = {}): (value: number) => string {
  const decades = Math.log10(high / low);
  const plain = low >= 1e-3 * (1 - 1e-9) && high <= 1e4 * (1 + 1e-9);
  return (value) => {
    const exponent = Math.floor(Math.log10(value) + 1e-9);
    const mantissa = cleanFloat(value / 10 ** exponent);
    if (!every) {
      const rounded = Math.round(mantissa);
      const named = rounded === 1 || (decades <= 2.01 && (rounded === 2 || rounded === 5));
      if (!named) return '';
    }
    if (plain) return plainNumber(value);
    return scientificTick(value);
  };
}

/**
 * A tick label in powers of ten, the one style of every axis: "10⁻⁶", "2×10⁻⁴", "−1.5×10¹⁵⁰" (three
 * significant figures at most, no spaces, so labels stay short).
 */
export function scientificTick(value: number): string {
  if (value === 0) return '0';
  const { mantissa, exponent } = mantissaAndExponent(value, 3);
  const sign = value < 0 ? '−' : '';
  return mantissa === 1
    ? `${sign}${powerOfTenLabel(exponent)}`
    : `${sign}${mantissa}×${powerOfTenLabel(exponent)}`;
}

const plainNumber = format('~g');

/**
 * Ticks for a log axis that fit in `maxTicks`: 1-2-5 (or 1-3) steps inside a decade or two, powers of
 * ten when the range is wider, every second (fifth, tenth...) power when it spans many decades.
 */
export function logTickValues(low: number, high: number, maxTicks: number): number[] {
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const powers = last - first + 1;
  if (powers >= 3 || (powers >= 2 && maxTicks < 4)) {
    const wanted = (powers - 1) / Math.max(1, maxTicks - 1);
    const stride = decadeStrides.find((candidate) => candidate >= wanted - 1e-9) ?? Math.ceil(wanted);
    const values: number[] = [];
    for (let exponent = first; exponent <= last; exponent++) {
      if (exponent % stride === 0) values.push(10 ** exponent);
    }
    if (values.length >= 2) return values;
  }
  for (const mantissas of [[1, 2, 5], [1, 3], [1]]) {
    const values: number[] = [];
    for (let exponent = first - 1; exponent <= last; exponent++) {
      for (const mantissa of mantissas) {
        const value = mantissa * 10 ** exponent;
        if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) values.push(cleanFloat(value));
      }
    }
    if (values.length >= 2 && values.length <= maxTicks) return values;
  }
  // Less than a factor of two: ordinary ticks read best.
  return niceTicks(low, high, Math.max(2, maxTicks)).filter((value) => value > 0);
}

/** How many decades apart labelled powers of ten may be: 1, 10², 10⁴... or 10³, 10⁶... read well. */
const decadeStrides = [1, 2, 3, 5, 6, 10, 15, 20, 30, 50, 100];

/** 0.30000000000000004 -> 0.3, for tick values built by multiplying powers of ten. */
function cleanFloat(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Tick labels for a linear value axis: plain numbers while the axis lies within ±10,000 and its
 * largest value is not below 0.001, else powers of ten ("2×10⁴", "1.5×10¹⁵⁰") as the log axes write
 * them, so an exploding run's axis never prints a 150-digit number.
 */
export function linearTickFormat(high: number, low = 0): (value: number) => string {
  const magnitude = Math.max(Math.abs(high), Math.abs(low));
  if (magnitude >= 1e4 || (magnitude > 0 && magnitude < 1e-3)) return scientificTick;
  return format('~g');
}

/** Steps and distances on the x axis: whole numbers, "12k" when long. */
export function stepTickFormat(high: number): (value: number) => string {
  return Math.abs(high) >= 1e4 ? format('~s') : format(',');
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
