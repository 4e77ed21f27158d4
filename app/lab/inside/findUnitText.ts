/**
 * The words of "find a unit for…": each hypothesis's label, what to do when it does not vary on the
 * passage, and how a ranked unit reads.
 */
import type { HypothesisSignals, Span } from '../../../engine/lab/hypotheses';
import type { RankedUnit } from '../../../engine/lab/rankUnits';
import { formatFixed } from '../../figures/frame/figureText';
import { KIND_NAMES } from './unitScale';

/** A built-in hypothesis, or the spans the student marked. */
export type HypothesisChoice = keyof HypothesisSignals | 'marked';

/** The labels a menu shows. */
export const HYPOTHESIS_LABELS: Readonly<Record<HypothesisChoice, string>> = {
  insideQuotes: 'Inside quotes',
  bracketDepth: 'Bracket depth',
  column: 'Position in the line',
  wordStart: 'Start of a word',
  marked: 'The spans I marked',
};

const passageNeeds: Readonly<Record<keyof HypothesisSignals, string>> = {
  insideQuotes: 'quoted text (the toy code has plenty)',
  bracketDepth: 'brackets ( [ { (the toy code nests them)',
  column: 'lines longer than one character',
  wordStart: 'words',
};

/** Why the ranking has nothing to say, and what to do about it; null when the signal varies. */
export function constantSignalMessage(
  choice: HypothesisChoice,
  signal: Float64Array,
  spans: readonly Span[],
): string | null {
  let varies = false;
  for (let t = 1; t < signal.length && !varies; t++) varies = signal[t] !== signal[0];
  if (varies) return null;
  if (choice === 'marked') {
    return spans.length === 0
      ? 'Nothing is marked yet: select some characters in the coloured passage above and press Mark. The ranking then looks for units that are high (or low) on your marks.'
      : 'Your marks cover every character, so they do not vary and no correlation can be computed (r is undefined). Remove a mark, or mark less of the passage.';
  }
  return `“${HYPOTHESIS_LABELS[choice]}” is ${formatFixed(signal[0] ?? 0, 0)} at every character of this passage, so its correlation with any unit is undefined (r cannot be computed). Pick another hypothesis, mark spans yourself, or look inside a passage with ${passageNeeds[choice]}.`;
}

/** "Layer 2, unit 17 (hidden state h)". */
export function rankedName(ranked: RankedUnit, layers: number): string {
  return `${layers > 1 ? `Layer ${ranked.layer + 1}, unit` : 'Unit'} ${ranked.unit + 1} (${KIND_NAMES[ranked.kind]} ${ranked.kind})`;
}

/** "r = 0.83, higher where the hypothesis is higher". */
export function correlationWords(ranked: RankedUnit, choice: HypothesisChoice): string {
  const what = HYPOTHESIS_LABELS[choice].toLowerCase();
  const direction =
    ranked.sign > 0
      ? `rises with “${what}”`
      : ranked.sign < 0
        ? `falls with “${what}”`
        : 'does not follow it';
  return `r = ${formatFixed(ranked.r)}, ${direction}`;
}
