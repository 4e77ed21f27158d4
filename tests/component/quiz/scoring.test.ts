import { describe, expect, it } from 'vitest';
import { decideOutcome, formatMeasure, measureRun } from '../../../app/quiz/experiment';
import { longestInOrder, moveItem, startingOrder } from '../../../app/quiz/ordering';
import {
  checkAnswer,
  explainApplies,
  scoreMultiple,
  scoreNumeric,
  scoreOrdering,
  scorePredict,
  scoreSingle,
  withinTolerance,
} from '../../../app/quiz/scoring';
import type { Answer } from '../../../app/store/answers';
import { multiple, numeric, ordering, predict, single } from './fixtures';
import { finishedRun } from './runFixtures';

const scored = (checked: ReturnType<typeof checkAnswer>) => {
  if (!checked.ok) throw new Error(`expected a score, got the message "${checked.message}"`);
  return checked.result;
};

describe('single choice', () => {
  it('scores the right choice 1 and any other 0', () => {
    expect(scored(scoreSingle(single, { kind: 'single', choice: 'square' }))).toMatchObject({
      score: 1,
      verdict: 'right',
    });
    expect(scored(scoreSingle(single, { kind: 'single', choice: 'wide' }))).toMatchObject({
      score: 0,
      verdict: 'wrong',
    });
  });

  it('asks for a choice instead of scoring an empty or unknown one', () => {
    expect(scoreSingle(single, { kind: 'single', choice: '' })).toEqual({
      ok: false,
      message: 'Choose an answer first.',
    });
    expect(scoreSingle(single, { kind: 'single', choice: 'nonsense' }).ok).toBe(false);
  });
});

describe('multiple choice', () => {
  const pick = (...choices: string[]) => scored(scoreMultiple(multiple, { kind: 'multiple', choices }));

  it('is fully right only for exactly the set of right answers', () => {
    expect(pick('any-length', 'fixed-count', 'transfer')).toMatchObject({ score: 1, verdict: 'right' });
    expect(pick('transfer', 'any-length', 'fixed-count')).toMatchObject({ score: 1 });
  });

  it('gives partial credit (right picks − wrong picks) / answers, said as "2 of 3 right"', () => {
    const two = pick('any-length', 'fixed-count');
    expect(two.score).toBeCloseTo(2 / 3);
    expect(two.verdict).toBe('partly');
    expect(two.summary).toBe('Partly right: 2 of 3 right.');
    const withWrong = pick('any-length', 'fixed-count', 'transfer', 'grows');
    expect(withWrong.score).toBeCloseTo(2 / 3);
    expect(withWrong.summary).toBe('Partly right: 3 of 3 right, 1 wrong pick.');
  });

  it('clamps at 0, so ticking wrong boxes never goes below nothing', () => {
    const result = pick('grows');
    expect(result).toMatchObject({ score: 0, verdict: 'wrong' });
    expect(pick('any-length', 'grows').score).toBe(0);
  });

  it('ignores unknown ids and repeats, and asks for a pick when there is none', () => {
    expect(pick('any-length', 'any-length', 'made-up').score).toBeCloseTo(1 / 3);
    expect(scoreMultiple(multiple, { kind: 'multiple', choices: [] }).ok).toBe(false);
  });
});

describe('numeric answers with a tolerance', () => {
  const typed = (text: string) => scoreNumeric(numeric, { kind: 'numeric', text });

  it('accepts anything within the tolerance, inclusive at both edges', () => {
    expect(scored(typed('5376')).score).toBe(1);
    expect(scored(typed('5366')).score).toBe(1);
    expect(scored(typed('5 386')).score).toBe(1);
    expect(scored(typed('5.376e3')).score).toBe(1);
  });

  it('rejects just outside the tolerance and says in which direction', () => {
    expect(scored(typed('5386.01'))).toMatchObject({ score: 0, summary: 'Not quite: too high.' });
    expect(scored(typed('5365.99'))).toMatchObject({ score: 0, summary: 'Not quite: too low.' });
  });

  it('does not count unreadable text as an attempt', () => {
    expect(typed('')).toEqual({ ok: false, message: 'Type a number first.' });
    expect(typed('lots').ok).toBe(false);
  });

  it('allows for decimal rounding but nothing more with a zero tolerance', () => {
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(withinTolerance(124, 124, 0)).toBe(true);
    expect(withinTolerance(124.001, 124, 0)).toBe(false);
    expect(withinTolerance(0.547, 0.544, 0.003)).toBe(true);
    expect(withinTolerance(0.5471, 0.544, 0.003)).toBe(false);
  });
});

describe('ordering', () => {
  const order = (...ids: string[]) => scored(scoreOrdering(ordering, { kind: 'ordering', order: ids }));

  it('is right only in the exact order', () => {
    expect(order('forward', 'loss', 'backward', 'update')).toMatchObject({ score: 1, verdict: 'right' });
  });

  it('gives partial credit from the longest run in the right relative order: (L − 1) / (n − 1)', () => {
    // One item moved from the end to the front: no item in place, but three still in order.
    const moved = order('update', 'forward', 'loss', 'backward');
    expect(moved.score).toBeCloseTo(2 / 3);
    expect(moved.summary).toBe(
      'Partly right: 0 of 4 in the right place; the longest run in the right order has 3 items.',
    );
    const swapped = order('loss', 'forward', 'backward', 'update');
    expect(swapped.score).toBeCloseTo(2 / 3);
    expect(swapped.summary).toMatch(/^Partly right: 2 of 4 in the right place/);
  });

  it('scores a fully reversed order 0', () => {
    expect(order('update', 'backward', 'loss', 'forward')).toMatchObject({ score: 0, verdict: 'wrong' });
  });

  it('refuses an order with missing or foreign items', () => {
    expect(scoreOrdering(ordering, { kind: 'ordering', order: ['forward', 'loss', 'backward'] }).ok).toBe(
      false,
    );
    expect(
      scoreOrdering(ordering, { kind: 'ordering', order: ['forward', 'loss', 'backward', 'other'] }).ok,
    ).toBe(false);
  });

  it('starts every learner from the same shuffled order, never the right one', () => {
    const ids = ordering.items.map((item) => item.id);
    const first = startingOrder(ordering.id, ids);
    expect(first).not.toEqual(ids);
    expect([...first].sort()).toEqual([...ids].sort());
    expect(startingOrder(ordering.id, ids)).toEqual(first);
    for (const id of ['a', 'b', 'c', 'd', 'e'])
      expect(startingOrder(id, ['x', 'y', 'z'])).not.toEqual(['x', 'y', 'z']);
  });

  it('moves items one place and counts the longest run in order', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(longestInOrder(['c', 'a', 'd', 'b', 'e'], ['a', 'b', 'c', 'd', 'e'])).toBe(3);
  });
});

describe('predict questions', () => {
  const outcome = {
    values: [
      { runId: 'rnn', value: 0.2 },
      { runId: 'lstm', value: 0.9 },
    ],
    winner: 'lstm',
  };

  it('give half the marks for the prediction and half for the reason when the explain step applies', () => {
    const score = (choice: string, reason?: string) =>
      scored(scorePredict(predict, { kind: 'predict', choice, outcome, ...(reason ? { reason } : {}) }))
        .score;
    expect(score('lstm')).toBe(0.5);
    expect(score('rnn')).toBe(0);
    expect(score('tie')).toBe(0);
    expect(score('lstm', 'cell')).toBe(1);
    expect(score('lstm', 'size')).toBe(0.5);
    expect(score('rnn', 'cell')).toBe(0.5);
    expect(score('rnn', 'luck')).toBe(0);
    // A reason that is not among the choices (an edited question) counts as none picked yet.
    expect(score('lstm', 'gone')).toBe(0.5);
    expect(
      scored(scorePredict(predict, { kind: 'predict', choice: 'rnn', outcome, reason: 'cell' })).summary,
    ).toBe('Partly right: the measurement says otherwise, but your reason is the right one.');
  });

  it('are wholly the prediction when the run measured another outcome than the one explained', () => {
    const other = { ...outcome, winner: 'rnn' };
    expect(explainApplies(predict, other)).toBe(false);
    expect(explainApplies(predict, outcome)).toBe(true);
    expect(scored(scorePredict(predict, { kind: 'predict', choice: 'rnn', outcome: other })).score).toBe(1);
    expect(
      scored(scorePredict(predict, { kind: 'predict', choice: 'rnn', outcome: other, reason: 'cell' })).score,
    ).toBe(1);
    expect(scored(scorePredict(predict, { kind: 'predict', choice: 'lstm', outcome: other })).score).toBe(0);
  });

  it('are not scored before the experiment has run', () => {
    expect(scorePredict(predict, { kind: 'predict', choice: 'lstm', outcome: null })).toEqual({
      ok: false,
      message: 'Run the experiment to find out.',
    });
    expect(scorePredict(predict, { kind: 'predict', choice: '', outcome }).ok).toBe(false);
  });

  it('measure what the question names from the finished runs', () => {
    const run = finishedRun({
      metric: 0.75,
      loss: 0.4,
      msPerStep: 3.5,
      history: {
        steps: [1, 2, 3, 4],
        loss: [],
        metric: [],
        gradNorm: [],
        clipped: [true, false, false, true],
        learningRate: [],
      },
      gradNormByStep: Float64Array.from([0.01, 0.5, 2]),
    });
    expect(measureRun('heldOutMetric', run)).toBe(0.75);
    expect(measureRun('finalLoss', run)).toBe(0.4);
    expect(measureRun('msPerStep', run)).toBe(3.5);
    expect(measureRun('clippedShare', run)).toBe(0.5);
    expect(measureRun('earlyGradientShare', run)).toBe(0.005);
  });

  it('give a diverged run no metric, so it ranks last', () => {
    const diverged = finishedRun({
      phase: 'diverged',
      divergence: { step: 3, what: 'loss', message: 'NaN' },
    });
    expect(measureRun('heldOutMetric', diverged)).toBeNull();
    const values = [
      { runId: 'rnn', value: null },
      { runId: 'lstm', value: 0.3 },
    ];
    expect(decideOutcome(predict.experiment, values, true)?.winner).toBe('lstm');
    expect(
      decideOutcome(
        predict.experiment,
        [
          { runId: 'rnn', value: null },
          { runId: 'lstm', value: null },
        ],
        true,
      ),
    ).toBeNull();
  });

  it('call a tie when the best two are within tieWithin, if the question offers one', () => {
    const close = [
      { runId: 'rnn', value: 0.9 },
      { runId: 'lstm', value: 0.93 },
    ];
    expect(decideOutcome(predict.experiment, close, true)?.winner).toBe('tie');
    expect(decideOutcome(predict.experiment, close, false)?.winner).toBe('lstm');
    const lowest = { ...predict.experiment, winner: 'lowest' as const };
    expect(
      decideOutcome(
        lowest,
        [
          { runId: 'rnn', value: 0.2 },
          { runId: 'lstm', value: 0.9 },
        ],
        true,
      )?.winner,
    ).toBe('rnn');
  });

  it('format measured values for the learner', () => {
    expect(formatMeasure('heldOutMetric', 0.9375, 'accuracy')).toBe('93.8%');
    expect(formatMeasure('msPerStep', 1.23456)).toBe('1.23 ms per step');
    expect(formatMeasure('earlyGradientShare', 1e-7)).toBe('10⁻⁷ of the largest');
    expect(formatMeasure('finalLoss', null)).toBe('no value');
  });
});

describe('checkAnswer', () => {
  it('reports an answer of the wrong kind instead of throwing', () => {
    const wrongKind: Answer = { kind: 'numeric', text: '3' };
    expect(checkAnswer(single, wrongKind).ok).toBe(false);
    expect(checkAnswer(single, { kind: 'single', choice: 'square' }).ok).toBe(true);
  });
});
