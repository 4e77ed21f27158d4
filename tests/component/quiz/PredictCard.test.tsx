import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PredictQuestion } from '../../../app/lessonTypes';
import { useStore } from '../../../app/store';
import { EMPTY_PROGRESS } from '../../../app/store/progressFormat';
import { FakeEngine } from './fakeEngine';
import { predict } from './fixtures';
import { renderQuiz } from './renderQuiz';

let engine: FakeEngine;

beforeEach(() => {
  engine = new FakeEngine();
  useStore.setState({ progress: EMPTY_PROGRESS, progressSaved: true, storageNotice: null, runs: {} });
  useStore.getState().connectEngine(engine);
});

async function predictItem() {
  const prompt = await screen.findByText(/Which cell reaches the higher/);
  return prompt.closest('li.question') as HTMLElement;
}

const slot = (runId: string) => `quiz-${predict.id}-${runId}`;

async function lockIn(item: HTMLElement, choice: string) {
  const user = userEvent.setup();
  await user.click(within(item).getByRole('radio', { name: choice }));
  await user.click(within(item).getByRole('button', { name: 'Lock in my prediction' }));
  return user;
}

describe('a predict-then-run question', () => {
  it('locks the prediction, runs both configurations in the engine, shows progress, then the measured winner', async () => {
    const { lesson } = renderQuiz([predict]);
    const item = await predictItem();
    expect(within(item).getByText(/held-out accuracy on recall after 40 steps/)).toBeVisible();
    const user = userEvent.setup();
    await user.click(within(item).getByRole('button', { name: 'Lock in my prediction' }));
    expect(within(item).getByText('Choose a prediction first.')).toBeVisible();

    await lockIn(item, 'The LSTM');
    expect(within(item).getByRole('radio', { name: 'The LSTM' })).toBeDisabled();
    expect(within(item).getByText(/Prediction locked in/)).toBeVisible();
    const run = within(item).getByRole('button', { name: 'Run the experiment' });
    expect(run).toHaveFocus();
    await user.click(run);

    expect(engine.starts.map((call) => call.slot)).toEqual([slot('rnn'), slot('lstm')]);
    expect(engine.starts[0]!.config.cell).toBe('rnn');
    expect(engine.starts[1]!.config.cell).toBe('lstm');
    // The playground's default fills in whatever the question does not set.
    expect(engine.starts[0]!.config.hiddenSize).toBeGreaterThan(0);
    expect(engine.starts[0]!.options).toEqual({ maxSteps: 40, speed: { kind: 'max' } });
    expect(within(item).getByRole('button', { name: 'Stop the experiment' })).toBeVisible();

    act(() => {
      engine.started(slot('rnn'));
      engine.started(slot('lstm'));
      engine.snapshot(slot('rnn'), 20, 'running');
      engine.snapshot(slot('lstm'), 10, 'running');
    });
    const progress = within(item).getByRole('list', { name: 'Progress of the experiment' });
    expect(progress).toHaveTextContent('20 / 40 steps');
    expect(progress).toHaveTextContent('10 / 40 steps');
    expect(within(progress).getByRole('progressbar', { name: 'Plain RNN: 20 of 40 steps' })).toHaveAttribute(
      'value',
      '20',
    );

    act(() => engine.snapshot(slot('rnn'), 40, 'finished', { metric: 0.25 }));
    expect(within(item).queryByRole('table')).toBeNull();
    act(() => engine.snapshot(slot('lstm'), 40, 'finished', { metric: 0.875 }));

    const table = within(item).getByRole('table');
    expect(within(table).getByRole('row', { name: /Plain RNN/ })).toHaveTextContent('25.0%');
    expect(within(table).getByRole('row', { name: /LSTM/ })).toHaveTextContent('LSTM winner87.5%');
    expect(within(item).getByText(/Your prediction matches the measurement: half the marks/)).toBeVisible();
    // The prediction's feedback and the explanation would give the reason away: they wait for it.
    expect(within(item).queryByText(/Its cell state carries the cue\./)).toBeNull();
    expect(within(item).queryByText(/The LSTM keeps the cue in its cell state/)).toBeNull();
    expect(
      within(item)
        .getByText(/^You predicted/)
        .closest('li'),
    ).toHaveTextContent('You predicted “The LSTM”.');
    expect(useStore.getState().progress.lessons[lesson.slug]?.questions[predict.id]).toMatchObject({
      attempts: 1,
      bestScore: 0.5,
      lastAnswer: {
        kind: 'predict',
        choice: 'lstm',
        outcome: {
          winner: 'lstm',
          values: [
            { runId: 'rnn', value: 0.25 },
            { runId: 'lstm', value: 0.875 },
          ],
        },
      },
    });
  });

  it('then asks for the reason: checked once, scored with feedback, completing the same attempt', async () => {
    const { lesson } = renderQuiz([predict]);
    const item = await predictItem();
    const user = await lockIn(item, 'The LSTM');
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    act(() => {
      engine.snapshot(slot('rnn'), 40, 'finished', { metric: 0.2 });
      engine.snapshot(slot('lstm'), 40, 'finished', { metric: 0.9 });
    });
    const reasons = within(item).getByRole('group', { name: /Explain what you observed/ });
    expect(reasons).toHaveTextContent('Why did the LSTM win?');
    await user.click(within(item).getByRole('button', { name: 'Check my reason' }));
    expect(within(item).getByText('Choose a reason first.')).toBeVisible();
    await user.click(within(reasons).getByRole('radio', { name: 'It has more parameters' }));
    await user.click(within(item).getByRole('button', { name: 'Check my reason' }));
    expect(within(item).getByText('Not that reason.')).toBeVisible();
    expect(within(item).getByText(/The LSTM keeps the cue in its cell state/)).toBeVisible();
    expect(within(item).getByText(/Its cell state carries the cue\./)).toBeVisible();
    expect(within(item).getByText('Size is not what carries the cue.')).toBeVisible();
    expect(
      within(item)
        .getByText(/The reason:/)
        .closest('p'),
    ).toHaveTextContent('Its cell state carries the cue across the gap');
    expect(within(reasons).getByRole('radio', { name: 'It has more parameters (wrong)' })).toBeDisabled();
    expect(within(item).queryByRole('button', { name: 'Check my reason' })).toBeNull();
    expect(
      within(item).getByText(
        'Partly right: your prediction matches the measurement, but your reason is not the right one.',
      ),
    ).toBeVisible();
    let saved = useStore.getState().progress.lessons[lesson.slug]?.questions[predict.id];
    expect(saved).toMatchObject({ attempts: 1, bestScore: 0.5, lastScore: 0.5 });
    expect(saved?.lastAnswer).toMatchObject({ kind: 'predict', choice: 'lstm', reason: 'size' });

    // A new attempt starts with an empty reason; the right prediction and reason earn the whole mark.
    await user.click(within(item).getByRole('button', { name: 'Try again' }));
    expect(within(item).queryByRole('group', { name: /Explain what you observed/ })).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Lock in my prediction' }));
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    act(() => {
      engine.snapshot(slot('rnn'), 40, 'finished', { metric: 0.2 });
      engine.snapshot(slot('lstm'), 40, 'finished', { metric: 0.9 });
    });
    const again = within(item).getByRole('group', { name: /Explain what you observed/ });
    expect(within(again).getByRole('radio', { name: 'It has more parameters' })).not.toBeChecked();
    await user.click(
      within(again).getByRole('radio', { name: 'Its cell state carries the cue across the gap' }),
    );
    await user.click(within(item).getByRole('button', { name: 'Check my reason' }));
    expect(within(item).getByText('That is the reason.')).toBeVisible();
    expect(
      within(item).getByText(
        'Right: your prediction matches the measurement, and your reason is the right one.',
      ),
    ).toBeVisible();
    saved = useStore.getState().progress.lessons[lesson.slug]?.questions[predict.id];
    expect(saved).toMatchObject({ attempts: 2, bestScore: 1, lastScore: 1, completed: true });
  });

  it('says so when the measurement contradicts the prediction, and lets the learner try again', async () => {
    const { lesson } = renderQuiz([predict]);
    const item = await predictItem();
    const user = await lockIn(item, 'About the same');
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    act(() => {
      engine.snapshot(slot('rnn'), 40, 'finished', { metric: 0.1 });
      engine.snapshot(slot('lstm'), 40, 'finished', { metric: 0.9 });
    });
    expect(
      within(item).getByText(/Not quite: the measurement says otherwise\. Pick the reason below/),
    ).toBeVisible();
    expect(
      within(item)
        .getByText(/The measurement says/)
        .closest('li'),
    ).toHaveTextContent('The measurement says “The LSTM”.');
    expect(within(item).getByRole('radio', { name: 'About the same (wrong)' })).toBeChecked();
    expect(useStore.getState().progress.lessons[lesson.slug]?.questions[predict.id]?.bestScore).toBe(0);

    await user.click(within(item).getByRole('button', { name: 'Try again' }));
    expect(within(item).getByRole('radio', { name: 'About the same' })).toBeEnabled();
    expect(within(item).getByRole('button', { name: 'Lock in my prediction' })).toBeVisible();
    expect(within(item).queryByRole('table')).toBeNull();
  });

  it('reports a run the engine refuses, and offers to run it again', async () => {
    renderQuiz([predict]);
    const item = await predictItem();
    const user = await lockIn(item, 'The LSTM');
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    act(() => engine.problem(slot('rnn'), 'Hidden size must be from 1 to 256; got 0.'));
    expect(within(item).getByText('Hidden size must be from 1 to 256; got 0.')).toBeVisible();
    await user.click(within(item).getByRole('button', { name: 'Run it again' }));
    expect(engine.starts).toHaveLength(4);
  });

  it('times cells one after another, so that they do not share the processor', async () => {
    const timing: PredictQuestion = {
      ...predict,
      experiment: { ...predict.experiment, measure: 'msPerStep', winner: 'lowest' },
    };
    renderQuiz([timing]);
    const item = await predictItem();
    const user = await lockIn(item, 'The plain RNN');
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    expect(engine.starts.map((call) => call.slot)).toEqual([slot('rnn')]);
    expect(within(item).getByText('waiting')).toBeVisible();
    act(() => engine.snapshot(slot('rnn'), 40, 'finished', { msPerStep: 1.5 }));
    expect(engine.starts.map((call) => call.slot)).toEqual([slot('rnn'), slot('lstm')]);
    act(() => engine.snapshot(slot('lstm'), 40, 'finished', { msPerStep: 4 }));
    expect(within(item).getByRole('table')).toHaveTextContent('1.5 ms per step');
    expect(within(item).getByText('Right: your prediction matches the measurement.')).toBeVisible();
  });

  it('stops its runs when the learner presses Stop or leaves the page', async () => {
    const view = renderQuiz([predict]);
    const item = await predictItem();
    const user = await lockIn(item, 'The LSTM');
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    await user.click(within(item).getByRole('button', { name: 'Stop the experiment' }));
    expect(engine.stops).toEqual([slot('rnn'), slot('lstm')]);
    expect(within(item).getByRole('button', { name: 'Run the experiment' })).toBeVisible();
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    view.unmount();
    expect(useStore.getState().runs).toEqual({});
  });

  it('shows a measured outcome again after a reload, from saved progress', async () => {
    const first = renderQuiz([predict]);
    let item = await predictItem();
    const user = await lockIn(item, 'The LSTM');
    await user.click(within(item).getByRole('button', { name: 'Run the experiment' }));
    act(() => {
      engine.snapshot(slot('rnn'), 40, 'finished', { metric: 0.3 });
      engine.snapshot(slot('lstm'), 40, 'finished', { metric: 0.95 });
    });
    await user.click(
      within(item).getByRole('radio', { name: 'Its cell state carries the cue across the gap' }),
    );
    await user.click(within(item).getByRole('button', { name: 'Check my reason' }));
    first.unmount();
    renderQuiz([predict], first.lesson);
    item = await predictItem();
    expect(within(item).getByRole('radio', { name: 'The LSTM (right)' })).toBeChecked();
    expect(within(item).getByRole('table')).toHaveTextContent('95.0%');
    expect(
      within(item).getByRole('radio', { name: 'Its cell state carries the cue across the gap (right)' }),
    ).toBeChecked();
    expect(
      within(item).getByText(
        'Right: your prediction matches the measurement, and your reason is the right one.',
      ),
    ).toBeVisible();
  });
});
