import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { historyCsv } from '../../../app/playground/files';

const history = {
  steps: [1, 2],
  loss: [2.08, 1.5],
  metric: [0.125, 0.25],
  gradNorm: [0.9, 3.2],
  clipped: [false, true],
  learningRate: [0.01, 0.01],
};

describe('historyCsv', () => {
  it('writes a label holding a quote and a comma so that a CSV reader gets it back unchanged', () => {
    const label = 'LSTM "wide", lr 0.01';
    const text = historyCsv([{ label, run: { history, evaluations: [] } }]);
    // CSV doubles a quote inside a quoted field; JSON's \" would end the field early.
    expect(text).toContain('"LSTM ""wide"", lr 0.01"');
    const rows = csvParse(text);
    expect(rows.map((row) => row.run)).toEqual([label, label]);
    expect(rows.map((row) => row.step)).toEqual(['1', '2']);
    expect(rows.map((row) => row.clipped)).toEqual(['0', '1']);
  });

  it('fills the held-out columns only on the steps where they were measured', () => {
    const evaluations = [{ step: 2, loss: 1.4, metricName: 'accuracy' as const, metric: 0.5 }];
    const rows = csvParse(historyCsv([{ label: 'GRU', run: { history, evaluations } }]));
    expect(rows.map((row) => [row.held_out_loss, row.held_out_metric])).toEqual([
      ['', ''],
      ['1.4', '0.5'],
    ]);
    expect(rows.columns).toEqual([
      'run',
      'step',
      'loss',
      'train_metric',
      'grad_norm_before_clip',
      'clipped',
      'learning_rate',
      'held_out_loss',
      'held_out_metric',
    ]);
  });
});
