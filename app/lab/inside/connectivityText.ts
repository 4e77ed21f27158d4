/**
 * Connectivity in words: what the worker's answer says about one prediction, checked before it is
 * drawn, and the one line a student should notice.
 */
import type { Connectivity } from '../../../engine/lab/connectivity';
import { formatPercent, plural } from '../../shared/format';
import { quoteCharacter } from './unitScale';

/** Where the connectivity view is: nothing asked, waiting for the worker, an answer, or a problem. */
export type ConnectivityState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly position: number }
  | { readonly status: 'ready'; readonly position: number; readonly result: Connectivity }
  | { readonly status: 'error'; readonly position: number; readonly message: string };

/** A problem with an answer that cannot be drawn under the text, or null when it can. */
export function connectivityProblem(result: Connectivity, position: number): string | null {
  if (result.position !== position || result.influence.length !== position + 1) {
    return `The answer is for another prediction (character ${result.position + 1}, ${result.influence.length} influences); click the character again.`;
  }
  if (!result.influence.every(Number.isFinite) || !Number.isFinite(result.logProbability)) {
    return 'The gradient came back as NaN or infinity, so the influences cannot be drawn: the model may have diverged.';
  }
  return null;
}

/** "After “…the c”, the model gives the next character “a” a probability of 42%." */
export function predictionSentence(result: Connectivity, characters: readonly string[]): string {
  const { position } = result;
  const context = characters
    .slice(Math.max(0, position - 11), position + 1)
    .join('')
    .replace(/\n/g, '↵');
  const next = characters[position + 1];
  const probability = Math.exp(result.logProbability);
  return `After “${position > 11 ? '…' : ''}${context}”, the model gives the next character ${quoteCharacter(
    next,
  )} a probability of ${formatPercent(probability, probability < 0.1 ? 1 : 0)}.`;
}

/**
 * The line to notice: how much of the influence the last few characters carry and how far back the
 * influence stays above a tenth of its peak, and what that would look like for a model that remembers.
 */
export function connectivityNotice(influence: Float64Array, characters: readonly string[]): string {
  const position = influence.length - 1;
  let peak = 0;
  let total = 0;
  for (const value of influence) {
    peak = Math.max(peak, value);
    total += value;
  }
  if (!(peak > 0)) {
    return 'What to notice: no earlier character changes this prediction at all (every influence is 0), as in an untrained or saturated model.';
  }
  let farthest = position;
  for (let t = 0; t <= position; t++) {
    if (influence[t]! >= 0.1 * peak) {
      farthest = t;
      break;
    }
  }
  const recent = Math.min(5, position + 1);
  let recentSum = 0;
  for (let t = position + 1 - recent; t <= position; t++) recentSum += influence[t]!;
  const back = position - farthest;
  const reach =
    back === 0
      ? 'no character before the last one reaches a tenth of the peak'
      : `the farthest character with at least a tenth of the peak is ${plural(back, 'character')} back, ${quoteCharacter(characters[farthest])}`;
  return `What to notice: the last ${plural(recent, 'character')} carry ${formatPercent(recentSum / total)} of the influence, and ${reach}. A model that tracks quotes or brackets keeps looking back to where they opened.`;
}
