import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClippingSeeds } from '../../../app/claims/ClippingSeeds';
import { clippingSeedSlot } from '../../../app/claims/clippingSeeds';
import { HorizonSeedsMeasurement } from '../../../app/claims/HorizonSeedsMeasurement';
import { horizonSeedSlot } from '../../../app/claims/horizonSeeds';
import { DEFAULT_HORIZON_PLAN, HORIZON_SEEDS } from '../../../app/widgets/horizonSetup';
import { sweepOrder } from '../../../app/widgets/memoryHorizonPlan';
import { connectFakeBridge, type FakeBridge } from '../widgets/fakeBridge';

let bridge: FakeBridge;
const slow = { timeout: 5000 };

beforeEach(() => {
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2, configurable: true });
  bridge = connectFakeBridge();
});

function finish(slot: string, metric: number, steps: number) {
  act(() => {
    bridge.started(slot);
    bridge.snapshot(slot, { steps, status: 'finished', evaluation: { metric } });
  });
}

describe('the memory horizon on the claims page', () => {
  it('runs every cell at every lag on each seed, two at a time, and draws each seed as a dot', async () => {
    const user = userEvent.setup();
    render(<HorizonSeedsMeasurement width={700} />);
    expect(screen.getByText('0 of 45 runs done')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Measure it' }));
    expect(bridge.starts.map((start) => [start.slot, start.config.seed])).toEqual([
      [horizonSeedSlot(1)('lstm', 40), 1],
      [horizonSeedSlot(2)('lstm', 40), 2],
    ]);
    // The RNN learns lag 40 on seed 2 only; every other run at lag 40 stays low, every shorter lag is learned.
    for (const { cell, lag } of sweepOrder(DEFAULT_HORIZON_PLAN)) {
      for (const seed of HORIZON_SEEDS) {
        const learned = lag < 40 || (cell === 'rnn' && seed === 2);
        finish(horizonSeedSlot(seed)(cell, lag), learned ? 1 : 0.3, learned ? 150 : 500);
      }
    }
    expect(bridge.starts).toHaveLength(45);
    const verdict =
      'Every cell reached 90% held-out accuracy at lags 2, 5, 10 and 20 on 3 of 3 seeds. At lag 40 it reached 90% for the RNN on 1 of 3, the LSTM on 0 of 3 and the GRU on 0 of 3.';
    expect(await screen.findByText(verdict, { selector: '.widget-result' }, slow)).toBeVisible();
    const figure = screen.getByRole('figure', { name: 'Held-out accuracy at each lag, one dot per seed' });
    expect(figure).toHaveAccessibleDescription(verdict);
    expect(figure.querySelectorAll('circle[data-seed]')).toHaveLength(45);
    expect(screen.getByText(/^45 of 45 runs done · took/)).toBeVisible();
  });
});

describe('clipping on the claims page', () => {
  it('trains both runs on each seed and counts the seeds where each diverged', async () => {
    const user = userEvent.setup();
    render(<ClippingSeeds width={600} />);
    await user.click(screen.getByRole('button', { name: 'Measure on every seed' }));
    expect(bridge.starts.map((start) => start.slot)).toEqual([
      clippingSeedSlot('clipped', 1),
      clippingSeedSlot('clipped', 2),
    ]);
    for (const seed of [1, 2, 3]) {
      const slot = clippingSeedSlot('clipped', seed);
      act(() => {
        bridge.started(slot);
        bridge.snapshot(slot, { steps: 400, status: 'finished', evaluation: { metric: 0.05 } });
      });
    }
    for (const [seed, step] of [
      [1, 12],
      [2, 9],
      [3, 15],
    ] as const) {
      const slot = clippingSeedSlot('none', seed);
      act(() => {
        bridge.started(slot);
        bridge.snapshot(slot, { steps: step });
        bridge.diverged(slot, { step, what: 'gradient', message: 'The gradient overflowed.' });
      });
    }
    const verdict =
      'Without clipping the run diverged on 3 of 3 seeds, by step 15 at the latest; clipped at 1 it trained all 400 steps on 3 of 3.';
    expect(await screen.findByText(verdict, { selector: '.widget-result' }, slow)).toBeVisible();
    const figure = screen.getByRole('figure', {
      name: 'Steps trained before the run ended, one dot per seed',
    });
    const titles = [...figure.querySelectorAll('circle[data-seed] title')].map((title) => title.textContent);
    expect(titles).toContain('unclipped, No clipping, seed 3: diverged at step 15');
    expect(titles).toContain('clipped, Clipping at 1, seed 1: trained 400 steps, held-out MSE 0.05');
    expect(within(figure).getByRole('img')).toHaveAccessibleName(verdict);
  });
});
