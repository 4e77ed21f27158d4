import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClippingDemo } from '../../../app/widgets/ClippingDemo';
import { clippingSlot } from '../../../app/widgets/clippingConfig';
import { connectFakeBridge, type FakeBridge } from './fakeBridge';

let bridge: FakeBridge;

describe('ClippingDemo', () => {
  beforeEach(() => {
    bridge = connectFakeBridge();
  });

  it('trains the same configuration twice, without clipping and clipped at norm 1, only when asked', async () => {
    const user = userEvent.setup();
    render(<ClippingDemo notice="Look at the figure." width={700} />);
    expect(screen.getByRole('region', { name: 'Gradient clipping experiment' })).toBeVisible();
    expect(bridge.starts).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(bridge.starts.map((start) => start.slot)).toEqual(['clipping-demo-none', 'clipping-demo-clipped']);
    const [none, clipped] = bridge.starts;
    expect(none!.config.clip).toEqual({ kind: 'none' });
    expect(clipped!.config.clip).toEqual({ kind: 'norm', maxNorm: 1 });
    expect({ ...none!.config, clip: null }).toEqual({ ...clipped!.config, clip: null });
    expect(none!.config).toMatchObject({ cell: 'rnn', optimizer: { kind: 'sgd' }, learningRate: 0.5 });
    expect(none!.options).toMatchObject({ maxSteps: 400 });
  });

  it('reports the divergence as a result and how often clipping fired', async () => {
    const user = userEvent.setup();
    render(<ClippingDemo notice="Look at the figure." width={700} />);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    const none = clippingSlot('none');
    const clipped = clippingSlot('clipped');
    act(() => {
      bridge.started(none, { baseline: { value: 0.2, description: 'always answer 0' } });
      bridge.started(clipped, { baseline: { value: 0.2, description: 'always answer 0' } });
      bridge.snapshot(none, { steps: 56, gradNorm: 30 });
      bridge.diverged(none, {
        step: 57,
        what: 'gradient',
        message: 'Training diverged at step 57: the gradient became Infinity.',
      });
      bridge.snapshot(clipped, { steps: 5, gradNorm: 3, clipped: true });
      bridge.snapshot(clipped, {
        steps: 395,
        gradNorm: 0.1,
        status: 'finished',
        evaluation: { metricName: 'mse', metric: 0.0077 },
      });
    });
    expect(
      await screen.findByText('No clipping: Training diverged at step 57: the gradient became Infinity.'),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Clipping at 1: finished 400 steps, held-out MSE 0.0077 (the baseline, “always answer 0”, scores 0.2); clipping fired on 5 of 400 steps (1.3%).',
      ),
    ).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Gradient norm: clipping at 1' })).toHaveAccessibleDescription(
      /^Clipping at 1 fired on 5 of 400 steps/,
    );
    expect(screen.getByRole('figure', { name: 'Gradient norm: no clipping' })).toHaveAccessibleDescription(
      /^No clipping: there is no threshold/,
    );
    expect(screen.getByRole('figure', { name: 'Training loss' })).toHaveAccessibleDescription(
      /unclipped .*clipped/,
    );
    expect(screen.getByRole('button', { name: 'Train again' })).toBeEnabled();
  });

  it('stops both runs when the page closes', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<ClippingDemo notice="Look at the figure." width={700} />);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    unmount();
    expect(bridge.stopped()).toEqual(['clipping-demo-none', 'clipping-demo-clipped']);
  });
});
