import { describe, expect, it } from 'vitest';
import { formatMetric } from '../../../app/live/RunControls';
import type { TrainerConfig } from '../../../engine/trainerConfig';
import { DEFAULT_TRAINER_CONFIG } from '../../../engine/trainerConfig';

const textConfig = {
  ...DEFAULT_TRAINER_CONFIG,
  task: { kind: 'text', text: 'abc abc abc', steps: 8, heldOutShare: 0.1, vocabularySize: 64 },
} satisfies TrainerConfig;

describe('the run status line’s metric', () => {
  it('gives a language model on a text its held-out perplexity and cross-entropy in nats, not accuracy', () => {
    const text = formatMetric({
      config: textConfig,
      evaluations: [
        { step: 300, loss: 2.2, metricName: 'accuracy', metric: 0.41, accuracy: 0.41, perplexity: 8.43 },
      ],
    });
    // ln 8.43 = 2.1318…
    expect(text).toBe('held-out perplexity 8.43 (cross-entropy 2.13 nats)');
    expect(text).not.toMatch(/accuracy/);
  });

  it('keeps accuracy for classification, even with a perplexity reported, and MSE for values', () => {
    const config = DEFAULT_TRAINER_CONFIG;
    // Recall is classification too, so its evaluations carry a perplexity: the page still reads accuracy.
    expect(
      formatMetric({
        config,
        evaluations: [{ step: 10, loss: 0.3, metricName: 'accuracy', metric: 0.94, perplexity: 1.01 }],
      }),
    ).toBe('held-out accuracy 94.0%');
    expect(
      formatMetric({ config, evaluations: [{ step: 10, loss: 0.3, metricName: 'mse', metric: 0.0123 }] }),
    ).toBe('held-out MSE 0.0123');
    expect(formatMetric({ config, evaluations: [] })).toBeNull();
  });
});
