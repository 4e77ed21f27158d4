/**
 * The one-unit RNN h_t = tanh(w_hh·h_{t-1} + w_xh·x_t), h_0 = 0, and a plain-words account of what it
 * does after a pulse. Twenty scalar steps: cheap enough to compute in the figure (this is not training).
 */
import { formatFixed } from '../frame/figureText';

/** h_0..h_steps for pulses x_t = 1 at the given times (1-based), x_t = 0 elsewhere. Length steps + 1. */
export function simulateOneUnit(
  wHh: number,
  wXh: number,
  pulses: readonly number[],
  steps: number,
): number[] {
  const input = new Set(pulses);
  const h = [0];
  for (let t = 1; t <= steps; t++) {
    const next = Math.tanh(wHh * h[t - 1]! + wXh * (input.has(t) ? 1 : 0));
    h.push(Number.isFinite(next) ? next : 0);
  }
  return h;
}

/**
 * The positive fixed point of h = tanh(w·|h|) reached from a large start: 0 when |w| ≤ 1, otherwise the
 * level tanh caps the memory at (about 0.86 for |w| = 1.5). For w < -1 the state swings between ±h*.
 */
export function saturationLevel(wHh: number): number {
  const w = Math.abs(wHh);
  if (w <= 1) return 0;
  let h = 1;
  for (let iteration = 0; iteration < 500; iteration++) {
    const next = Math.tanh(w * h);
    if (Math.abs(next - h) < 1e-12) return next;
    h = next;
  }
  return h;
}

export type Regime = 'silent' | 'forget' | 'fade' | 'edge' | 'saturate';

export interface RegimeAccount {
  readonly regime: Regime;
  /** Whether h flips sign every step (w_hh < 0). */
  readonly oscillates: boolean;
  readonly sentence: string;
}

const f2 = (value: number) => formatFixed(value, 2);

/** The pulse followed by the longest stretch without input: the clearest view of the memory alone. */
function clearestPulse(pulses: readonly number[], steps: number): { at: number; quiet: number } {
  const sorted = [...new Set(pulses)].filter((t) => t >= 1 && t <= steps).sort((a, b) => a - b);
  let best = { at: sorted[0]!, quiet: -1 };
  sorted.forEach((at, index) => {
    const quiet = (sorted[index + 1] ?? steps + 1) - at - 1;
    if (quiet > best.quiet) best = { at, quiet };
  });
  return best;
}

/** Says, with numbers from the run itself, whether the memory fades, sticks, or swings. */
export function describeRegime(
  wHh: number,
  wXh: number,
  pulses: readonly number[],
  steps: number,
): RegimeAccount {
  const valid = pulses.filter((t) => t >= 1 && t <= steps);
  if (valid.length === 0) {
    return {
      regime: 'silent',
      oscillates: false,
      sentence:
        'No input pulse: h starts at 0 and stays 0. Turn on a pulse below to give the unit something to remember.',
    };
  }
  if (wXh === 0) {
    return {
      regime: 'silent',
      oscillates: false,
      sentence: 'w_xh = 0: the pulses never reach the unit, so h stays 0 whatever w_hh is.',
    };
  }
  const h = simulateOneUnit(wHh, wXh, valid, steps);
  const { at, quiet } = clearestPulse(valid, steps);
  const start = h[at]!;
  const later = Math.min(5, quiet);
  const end = h[at + later]!;
  const oscillates = wHh < 0;
  const absW = Math.abs(wHh);
  const flip = oscillates ? ' and flips sign every step' : '';
  const after = `after the pulse at t = ${at}`;
  const laterText =
    later > 0
      ? `${later} step${later === 1 ? '' : 's'} later it is ${f2(end)}`
      : 'the run ends right after this pulse';

  if (wHh === 0) {
    return {
      regime: 'forget',
      oscillates: false,
      sentence: `w_hh = 0: the unit keeps nothing. h = ${f2(start)} ${after}, and 0 one step later.`,
    };
  }
  if (absW < 0.97) {
    const ratio = later > 0 && start !== 0 ? Math.abs(end / start) ** (1 / later) : absW;
    return {
      regime: 'fade',
      oscillates,
      sentence: `|w_hh| = ${f2(absW)} < 1: ${after} (h = ${f2(start)}), h shrinks to about ${f2(ratio)} of itself each step${flip}; ${laterText}. The memory fades.`,
    };
  }
  if (absW <= 1.03) {
    return {
      regime: 'edge',
      oscillates,
      sentence: `|w_hh| = ${f2(absW)} ≈ 1: the edge between forgetting and sticking. ${after[0]!.toUpperCase()}${after.slice(1)} (h = ${f2(start)}), h fades only slowly${flip}; ${laterText}.`,
    };
  }
  const level = saturationLevel(wHh);
  const grows = Math.abs(start) < level / 2 ? 'grows step by step, then ' : '';
  const sign = start < 0 ? '−' : '';
  const where = oscillates
    ? `${grows}swings between +${f2(level)} and −${f2(level)}, flipping sign every step`
    : `${grows}saturates near ${sign}${f2(level)} and stays`;
  const weight = oscillates ? `w_hh = ${f2(wHh)} < −1` : `w_hh = ${f2(wHh)} > 1`;
  return {
    regime: 'saturate',
    oscillates,
    sentence: `${weight}: ${after} (h = ${f2(start)}), h ${where}: tanh caps it, so the memory gets stuck rather than blowing up; ${laterText}.`,
  };
}
