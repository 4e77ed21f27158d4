/**
 * Lesson 4 on seeds 1 to 10: the LSTM (forget bias 3) reaches 99% before the GRU on each, and the
 * parameter question has the same answer whatever the seed or the machine.
 */
import { describe, expect, it } from 'vitest';
import { lstmVsGru, lstmVsGruSlides } from '../../lessons/04-gru/demos.ts';
import { questions } from '../../lessons/04-gru/quiz.ts';
import {
  count,
  demoConfig,
  ownSeedWinner,
  predictQuestion,
  predictWinner,
  SEEDS,
  stepsToAccuracy,
} from './demoSeedRuns.ts';

describe('lesson 4 on seeds 1 to 10', () => {
  it('LSTM against GRU at lag 15: the LSTM reaches 99% first on every seed', () => {
    expect(lstmVsGruSlides.config).toEqual(lstmVsGru.config);
    for (const seed of SEEDS) {
      const lstm = stepsToAccuracy(demoConfig(lstmVsGru, seed, 'lstm'), lstmVsGru.steps!, 0.99);
      expect(lstm, `seed ${seed}`).not.toBeNull();
      // The GRU only has to be run until the LSTM's step to know it came second.
      const gru = stepsToAccuracy(demoConfig(lstmVsGru, seed, 'gru'), lstmVsGru.steps!, 0.99, lstm!);
      expect(gru === null || gru > lstm!, `seed ${seed}: LSTM ${lstm}, GRU ${gru}`).toBe(true);
    }
  }, 900_000);

  it('l4-predict-parameters: the GRU has fewer parameters on every seed (a count, not a timing)', () => {
    const question = predictQuestion(questions, 'l4-predict-parameters');
    const winners = SEEDS.map((seed) => predictWinner(question, seed));
    expect(count(winners, 'gru')).toBe(10);
    // The reason step (predict, observe, explain) explains what the question's own seed measures.
    expect(ownSeedWinner(question, winners)).toBe(question.explain.outcome);
  }, 900_000);
});
