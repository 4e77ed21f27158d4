import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PredictQuestion } from '../../../app/lessonTypes';
import { runSamplingExperiment } from '../../../app/quiz/bigramSampling';
import { useStore } from '../../../app/store';
import { EMPTY_PROGRESS } from '../../../app/store/progressFormat';
import { questions } from '../../../lessons/06-language-models/quiz';
import { FakeEngine } from './fakeEngine';
import { renderQuiz } from './renderQuiz';

const cold = questions.find((question) => question.id === 'lm-predict-cold-samples') as PredictQuestion;
let engine: FakeEngine;

beforeEach(() => {
  engine = new FakeEngine();
  useStore.setState({ progress: EMPTY_PROGRESS, progressSaved: true, storageNotice: null, runs: {} });
  useStore.getState().connectEngine(engine);
});

describe('a predict question that samples instead of training', () => {
  it('measures what its explanation says: at 0.1 the sample loops, at 1 and 2 it hardly repeats', async () => {
    if (cold.experiment.kind !== 'sampling') throw new Error('expected a sampling experiment');
    const outcome = await runSamplingExperiment(cold.experiment, false);
    expect(outcome?.winner).toBe('cold');
    // The reason step is written for the outcome the seeded sample gives.
    expect(cold.explain.outcome).toBe('cold');
    const value = (id: string) => outcome?.values.find((entry) => entry.runId === id)?.value ?? Number.NaN;
    expect(value('cold')).toBeLessThan(0.2);
    expect(value('warm')).toBeGreaterThan(0.9);
    expect(value('hot')).toBeGreaterThan(0.9);
  });

  it('runs on the page without the worker, scores the prediction and shows the samples', async () => {
    const user = userEvent.setup();
    renderQuiz([cold]);
    const item = (await screen.findByText(/At temperature 0.1, what will the samples look like/)).closest(
      'li.question',
    ) as HTMLElement;
    expect(within(item).getByText(/300 characters each, sampled here in your browser/)).toBeVisible();
    await user.click(within(item).getByRole('radio', { name: /^At 0.1/ }));
    await user.click(within(item).getByRole('button', { name: 'Lock in my prediction' }));
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    expect(await within(item).findByText(/^Your prediction matches the measurement: half/)).toBeVisible();
    expect(engine.starts).toHaveLength(0);
    const table = within(item).getByRole('table');
    expect(within(table).getByRole('row', { name: /^Temperature 0\.1\s*winner/ })).toBeVisible();
    expect(await within(table).findByText(/the the the/)).toBeVisible();
    const saved = useStore.getState().progress.lessons;
    const entry = Object.values(saved)[0]?.questions[cold.id];
    expect(entry?.lastAnswer).toMatchObject({ kind: 'predict', choice: 'cold', outcome: { winner: 'cold' } });
    await user.click(within(item).getByRole('radio', { name: /^Dividing the logits by 0\.1/ }));
    await user.click(within(item).getByRole('button', { name: 'Check my reason' }));
    expect(
      within(item).getByText(/^Right: your prediction matches the measurement, and your reason/),
    ).toBeVisible();
  });
});
