/**
 * What a learner gave as an answer, one shape per question kind. These are plain JSON values: saved
 * progress keeps the last answer of every question, and scoring reads them.
 */
import type { Question } from '../lessonTypes';

/** The measured result of a predict question's experiment. */
export interface PredictOutcome {
  /** The measure of each run, in the experiment's run order; null when the run gave none (it diverged). */
  readonly values: readonly { readonly runId: string; readonly value: number | null }[];
  /** The id of the right choice: a run's id, or 'tie'. */
  readonly winner: string;
  /** The held-out metric's name ('accuracy', 'mse', …), to show the values in the right form. */
  readonly metricName?: string;
}

export type Answer =
  | { readonly kind: 'single'; readonly choice: string }
  | { readonly kind: 'multiple'; readonly choices: readonly string[] }
  | { readonly kind: 'numeric'; readonly text: string }
  | { readonly kind: 'ordering'; readonly order: readonly string[] }
  | {
      readonly kind: 'predict';
      readonly choice: string;
      readonly outcome: PredictOutcome | null;
      /** The reason the learner picked for the outcome (predict, observe, explain), once picked. */
      readonly reason?: string;
    };

export type AnswerOf<Q extends Question> = Extract<Answer, { kind: Q['kind'] }>;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function readOutcome(value: unknown): PredictOutcome | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || value === undefined) return undefined;
  const { values, winner } = value as { values?: unknown; winner?: unknown };
  if (typeof winner !== 'string' || !Array.isArray(values)) return undefined;
  const read: { runId: string; value: number | null }[] = [];
  for (const entry of values) {
    if (typeof entry !== 'object' || entry === null) return undefined;
    const { runId, value: measured } = entry as { runId?: unknown; value?: unknown };
    if (typeof runId !== 'string') return undefined;
    if (measured !== null && !(typeof measured === 'number' && Number.isFinite(measured))) return undefined;
    read.push({ runId, value: measured });
  }
  const metricName = (value as { metricName?: unknown }).metricName;
  return typeof metricName === 'string' && metricName.length <= 40
    ? { values: read, winner, metricName }
    : { values: read, winner };
}

/** Checks a value read from storage; returns the answer, or null when it is not a usable one. */
export function readAnswer(value: unknown): Answer | null {
  if (typeof value !== 'object' || value === null) return null;
  const data = value as Record<string, unknown>;
  switch (data.kind) {
    case 'single':
      return typeof data.choice === 'string' ? { kind: 'single', choice: data.choice } : null;
    case 'multiple':
      return isStringArray(data.choices) ? { kind: 'multiple', choices: data.choices } : null;
    case 'numeric':
      return typeof data.text === 'string' && data.text.length <= 200
        ? { kind: 'numeric', text: data.text }
        : null;
    case 'ordering':
      return isStringArray(data.order) ? { kind: 'ordering', order: data.order } : null;
    case 'predict': {
      const outcome = readOutcome(data.outcome);
      if (typeof data.choice !== 'string' || outcome === undefined) return null;
      // A reason is only meaningful after an outcome; a malformed one is dropped, not the whole answer.
      return typeof data.reason === 'string' && data.reason.length <= 80 && outcome !== null
        ? { kind: 'predict', choice: data.choice, outcome, reason: data.reason }
        : { kind: 'predict', choice: data.choice, outcome };
    }
    default:
      return null;
  }
}
