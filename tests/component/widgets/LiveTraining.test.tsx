import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_FLASH_CLASSES } from '../../../app/figures/frame/FigureNotice';
import { LiveTraining } from '../../../app/widgets/LiveTraining';
import { taskConfig } from '../../../engine/tasks/task';
import { connectFakeBridge, type FakeBridge } from './fakeBridge';

let bridge: FakeBridge;

/** The props a lesson writes inline: every render of the lesson makes new objects of them. */
const inline = (hiddenSize = 16) => ({
  config: { hiddenSize, task: taskConfig('recall', { lag: 5 }) },
  compare: ['rnn', 'gru'] as const,
});

describe('LiveTraining', () => {
  beforeEach(() => {
    bridge = connectFakeBridge();
  });

  it('keeps its runs when the lesson re-renders it with equal inline props, and stops them when they change', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <LiveTraining notice="Look at the figure." id="live-test" title="Recall" {...inline()} />,
    );
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(bridge.starts.map((start) => start.slot)).toEqual(['live-test-rnn', 'live-test-gru']);
    expect(bridge.starts[0]!.config).toMatchObject({ cell: 'rnn', hiddenSize: 16 });

    rerender(<LiveTraining notice="Look at the figure." id="live-test" title="Recall" {...inline()} />);
    expect(bridge.stopped()).toEqual([]);

    // Different content is a different experiment: the runs of the old one stop.
    rerender(<LiveTraining notice="Look at the figure." id="live-test" title="Recall" {...inline(32)} />);
    expect(bridge.stopped()).toEqual(['live-test-rnn', 'live-test-gru']);
  });

  it('says what to notice under its title, and its label follows the furthest step trained', async () => {
    const user = userEvent.setup();
    render(<LiveTraining notice="Compare the two loss curves." id="live-cue" title="Recall" {...inline()} />);
    const panel = screen.getByRole('region', { name: 'Recall' });
    expect(panel).toHaveTextContent('What to notice: Compare the two loss curves.');
    const label = screen.getByText('Not trained yet');
    await user.click(screen.getByRole('button', { name: 'Train' }));
    act(() => {
      bridge.started('live-cue-rnn');
      bridge.started('live-cue-gru');
      bridge.snapshot('live-cue-rnn', { steps: 30 });
      bridge.snapshot('live-cue-gru', { steps: 20 });
    });
    // Runs redraw at most every 125 ms (useRuns), and the label with them.
    await vi.waitFor(() => expect(label).toHaveTextContent('Updated at step 30'), { timeout: 3000 });
    expect(UPDATE_FLASH_CLASSES.some((name) => label.classList.contains(name))).toBe(true);
    expect(label.closest('[aria-live]')).toBeNull();
  });
});
