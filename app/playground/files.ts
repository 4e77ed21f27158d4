import type { RunState } from '../store/runsSlice';

/**
 * A run's history as CSV, one row per recorded training step; held-out loss and metric appear on the
 * steps where they were measured and are empty elsewhere.
 */
export function historyCsv(runs: readonly { label: string; run: RunState }[]): string {
  const lines = [
    'run,step,loss,train_metric,grad_norm_before_clip,clipped,learning_rate,held_out_loss,held_out_metric',
  ];
  for (const { label, run } of runs) {
    const held = new Map(run.evaluations.map((evaluation) => [evaluation.step, evaluation]));
    const { steps, loss, metric, gradNorm, clipped, learningRate } = run.history;
    for (let i = 0; i < steps.length; i++) {
      const evaluation = held.get(steps[i]!);
      lines.push(
        [
          JSON.stringify(label),
          steps[i],
          loss[i],
          metric[i],
          gradNorm[i],
          clipped[i] ? 1 : 0,
          learningRate[i],
          evaluation?.loss ?? '',
          evaluation?.metric ?? '',
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
