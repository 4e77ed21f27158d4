/** Numbers in words, the same on every page: shares as percentages, counts with their noun. */
import { format } from 'd3';

const thousands = format(',');

/**
 * A share in [0, 1] as a percentage with `digits` decimals ("38%", "75.0%"); a share above 0 too small
 * to show reads "<1%" (or "<0.1%"), never "0%"; "—" when not finite.
 */
export function formatPercent(share: number, digits = 0): string {
  if (!Number.isFinite(share)) return '—';
  const scale = 10 ** digits;
  const rounded = Math.round(share * 100 * scale) / scale;
  if (share > 0 && rounded === 0) return `<${1 / scale}%`;
  return `${rounded.toFixed(digits)}%`;
}

/** "1 step", "5,000 steps", "3 cells were". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${thousands(count)} ${count === 1 ? one : many}`;
}
