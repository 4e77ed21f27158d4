import { csvFormatRows } from 'd3';
import type { RunState } from '../store/runsSlice';

/**
 * A run's history as CSV, one row per recorded training step; held-out loss and metric appear on the
 * steps where they were measured and are empty elsewhere. d3's writer quotes as CSV does (a quote
 * inside a field is doubled), so a run's label may hold commas and quotes.
 */
export function historyCsv(
  runs: readonly { label: string; run: Pick<RunState, 'history' | 'evaluations'> }[],
): string {
  const rows: string[][] = [
    [
      'run',
      'step',
      'loss',
      'train_metric',
      'grad_norm_before_clip',
      'clipped',
      'learning_rate',
      'held_out_loss',
      'held_out_metric',
    ],
  ];
  for (const { label, run } of runs) {
    const held = new Map(run.evaluations.map((evaluation) => [evaluation.step, evaluation]));
    const { steps, loss, metric, gradNorm, clipped, learningRate } = run.history;
    for (let i = 0; i < steps.length; i++) {
      const evaluation = held.get(steps[i]!);
      const numbers = [steps[i], loss[i], metric[i], gradNorm[i], clipped[i] ? 1 : 0, learningRate[i]];
      rows.push([
        label,
        ...numbers.map(String),
        String(evaluation?.loss ?? ''),
        String(evaluation?.metric ?? ''),
      ]);
    }
  }
  return `${csvFormatRows(rows)}\n`;
}
