import { describe, expect, it } from 'vitest';
import { formatMetric } from '../../../app/live/RunControls';

describe('the run status line’s metric', () => {
  it('gives a language model its held-out perplexity and cross-entropy in nats, not accuracy', () => {
    const text = formatMetric({
      evaluations: [
        { step: 300, loss: 2.2, metricName: 'accuracy', metric: 0.41, accuracy: 0.41, perplexity: 8.43 },
      ],
    });
    // ln 8.43 = 2.1318…
    expect(text).toBe('held-out perplexity 8.43 (cross-entropy 2.13 nats)');
    expect(text).not.toMatch(/accuracy/);
  });

  it('keeps accuracy for classification and MSE for values, and says nothing before an evaluation', () => {
    expect(
      formatMetric({ evaluations: [{ step: 10, loss: 0.3, metricName: 'accuracy', metric: 0.94 }] }),
    ).toBe('held-out accuracy 94.0%');
    expect(formatMetric({ evaluations: [{ step: 10, loss: 0.3, metricName: 'mse', metric: 0.0123 }] })).toBe(
      'held-out MSE 0.0123',
    );
    expect(formatMetric({ evaluations: [] })).toBeNull();
  });
});
