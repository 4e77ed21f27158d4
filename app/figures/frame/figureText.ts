/** Small text helpers for figure captions and labels: subscripts, signed numbers, percentages. */

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

/** A share in [0, 1] as a whole percentage ("38%"); shares below 1% but above 0 read "<1%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** Whole numbers with thousands separators ("5,376"). */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

/** A stable, selector-safe id from React's useId (which may contain colons or guillemets). */
export function svgId(reactId: string, prefix: string): string {
  return `${prefix}-${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
