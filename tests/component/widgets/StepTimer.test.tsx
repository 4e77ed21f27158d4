import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { StepTimer } from '../../../app/widgets/StepTimer';
import { stepTimerSlot } from '../../../app/widgets/stepTiming';
import type { CellKind } from '../../../engine/types';
import { connectFakeBridge, type FakeBridge } from './fakeBridge';

let bridge: FakeBridge;

/** The worker's side of one run: slow warm-up steps (20 in round 1, 5 later), then 50 steps at `ms` each. */
function train(cell: CellKind, ms: number, round: number) {
  const slot = stepTimerSlot(cell);
  act(() => {
    bridge.started(slot);
    if (round === 0) {
      bridge.snapshot(slot, { steps: 10, msPerStep: 90 });
      bridge.snapshot(slot, { steps: 10, msPerStep: 60 });
    } else {
      bridge.snapshot(slot, { steps: 5, msPerStep: 90 });
    }
    for (let snapshot = 0; snapshot < 5; snapshot++) {
      bridge.snapshot(slot, { steps: 10, msPerStep: ms, status: snapshot === 4 ? 'finished' : 'running' });
    }
  });
}

/** Three rounds of RNN, LSTM, GRU; the GRU is a little slower in the last round. */
function trainAll() {
  for (let round = 0; round < 3; round++) {
    train('rnn', 2, round);
    train('lstm', 4, round);
    train('gru', round === 2 ? 3.6 : 2.7, round);
  }
}

describe('StepTimer', () => {
  beforeEach(() => {
    bridge = connectFakeBridge();
  });

  it('measures nothing until asked, then trains the three cells one after the other on the same task', async () => {
    const user = userEvent.setup();
    render(<StepTimer notice="Look at the figure." width={500} />);
    expect(screen.getByRole('region', { name: 'Step timer' })).toBeVisible();
    expect(bridge.starts).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Measure' }));
    expect(bridge.starts.map((start) => start.slot)).toEqual(['step-timer-rnn']);
    const [first] = bridge.starts;
    expect(first!.options).toMatchObject({ maxSteps: 70, speed: { kind: 'max' } });
    expect(first!.config).toMatchObject({
      cell: 'rnn',
      task: { kind: 'recall', lag: 20 },
      hiddenSize: 64,
      batchSize: 32,
    });
    train('rnn', 2, 0);
    expect(bridge.starts.map((start) => start.slot)).toEqual(['step-timer-rnn', 'step-timer-lstm']);
    train('lstm', 4, 0);
    train('gru', 3, 0);
    // The second round starts again with the RNN, after a shorter warm-up.
    expect(bridge.starts.map((start) => start.config.cell)).toEqual(['rnn', 'lstm', 'gru', 'rnn']);
    expect(bridge.starts[3]!.options.maxSteps).toBe(55);
    expect(
      new Set(bridge.starts.map((start) => JSON.stringify({ ...start.config, cell: '', init: '' }))).size,
    ).toBe(1);
  });

  it('shows each cell’s time per step after the warm-up, its parameters, and the GRU/LSTM ratio', async () => {
    const user = userEvent.setup();
    render(<StepTimer notice="Look at the figure." width={500} />);
    await user.click(screen.getByRole('button', { name: 'Measure' }));
    trainAll();
    expect(bridge.starts).toHaveLength(9);
    expect(await screen.findByText('Done: all three cells measured.')).toBeVisible();
    const figure = screen.getByRole('figure', { name: 'Time per training step' });
    // The warm-up's 90 and 60 ms steps are left out; the GRU's mean is (2.7 + 2.7 + 3.6) / 3 = 3.
    for (const text of [
      '2.00 ms',
      '4.00 ms',
      '3.00 ms',
      '4,928 parameters in the recurrent layer',
      '19,712 parameters in the recurrent layer',
      '14,784 parameters in the recurrent layer',
    ]) {
      expect(within(figure).getByText(text)).toBeVisible();
    }
    expect(
      within(figure).getByText('GRU ÷ LSTM time per step: 0.75 (their parameter counts: 0.75).'),
    ).toBeVisible();
    expect(figure).toHaveAccessibleDescription(
      /^Measured: RNN 2\.00 ms, LSTM 4\.00 ms, GRU 3\.00 ms\. .*on this machine.*recall at lag 20 .*64 hidden units, batch 32/,
    );
    expect(screen.getByRole('button', { name: 'Measure again' })).toBeEnabled();
  });

  it('stops the run in progress when cancelled or when the page closes', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<StepTimer notice="Look at the figure." width={500} />);
    await user.click(screen.getByRole('button', { name: 'Measure' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.stopped()).toEqual(['step-timer-rnn']);
    expect(screen.getByText('Cancelled.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Measure again' }));
    unmount();
    expect(bridge.stopped()).toContain('step-timer-rnn');
    expect(bridge.stopped().length).toBeGreaterThan(1);
  });
});
