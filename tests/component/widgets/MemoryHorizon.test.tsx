import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HORIZON_PLAN, horizonSlot } from '../../../app/widgets/horizonSetup';
import { MemoryHorizon } from '../../../app/widgets/MemoryHorizon';
import { sweepOrder } from '../../../app/widgets/memoryHorizonPlan';
import { measuredLabel, readSavedHorizon, savedHorizonKey } from '../../../app/widgets/memoryHorizonSaved';
import type { CellKind } from '../../../engine/types';
import { connectFakeBridge, type FakeBridge } from './fakeBridge';

// IndexedDB is not in jsdom: idb-keyval is replaced by a map that a test can fill, empty or make refuse.
const idb = vi.hoisted(() => ({ values: new Map<string, unknown>(), refuse: false }));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => idb.values.get(key),
  set: async (key: string, value: unknown) => {
    if (idb.refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    idb.values.set(key, structuredClone(value));
  },
  del: async (key: string) => {
    idb.values.delete(key);
  },
}));

let bridge: FakeBridge;

/** The worker's side of one run: started, then finished with this held-out accuracy. */
function finish(cell: CellKind, lag: number, accuracy: number, steps = 600) {
  const slot = horizonSlot(cell, lag);
  act(() => {
    bridge.started(slot);
    bridge.snapshot(slot, { steps, status: 'finished', evaluation: { metric: accuracy } });
  });
}

/** Every run of the default sweep, finished in the order they start with the plotting test's accuracies. */
function runWholeSweep() {
  const accuracy: Record<CellKind, number[]> = {
    rnn: [1, 1, 1, 0.97, 0.31],
    lstm: [1, 1, 1, 1, 1],
    gru: [1, 1, 1, 0.95, 0.4],
  };
  for (const { cell, lag } of sweepOrder(DEFAULT_HORIZON_PLAN)) {
    finish(cell, lag, accuracy[cell][DEFAULT_HORIZON_PLAN.lags.indexOf(lag)]!);
  }
}

/** The page redraws its runs at most 8 times a second, in a transition: on a busy machine that can lag. */
const slow = { timeout: 5000 };

const startedSlots = () => bridge.starts.map((start) => start.slot);

/** The machine's core count as the page reads it. */
function setCores(cores: number) {
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: cores, configurable: true });
}

describe('MemoryHorizon', () => {
  beforeEach(() => {
    setCores(2);
    bridge = connectFakeBridge();
    idb.values.clear();
    idb.refuse = false;
  });

  it('starts nothing until Run is pressed, then the costliest runs first, one per core', async () => {
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    expect(screen.getByRole('region', { name: 'Memory horizon experiment' })).toBeVisible();
    expect(screen.getByText('0 of 15 runs done')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(bridge.starts).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(startedSlots()).toEqual(['memory-horizon-lstm-40', 'memory-horizon-gru-40']);
    for (const start of bridge.starts) {
      // The worker itself stops a run at the first checkpoint that reaches the target.
      expect(start.options).toEqual({
        maxSteps: DEFAULT_HORIZON_PLAN.maxSteps,
        speed: { kind: 'max' },
        target: 0.99,
        checkpointEvery: DEFAULT_HORIZON_PLAN.checkpointEvery,
      });
      expect(start.config).toMatchObject({
        task: { kind: 'recall', lag: 40, symbols: 8, distractors: 2 },
        hiddenSize: DEFAULT_HORIZON_PLAN.hiddenSize,
        batchSize: DEFAULT_HORIZON_PLAN.batchSize,
        optimizer: { kind: 'adam' },
        learningRate: 0.01,
        clip: { kind: 'norm', maxNorm: 1 },
        seed: 1,
      });
      expect(start.config.init.forgetBias).toBe(start.config.cell === 'lstm' ? 3 : null);
    }
    expect(screen.getByRole('button', { name: 'Running…' })).toBeDisabled();
  });

  it('trains in as many workers as the machine has cores, up to six', async () => {
    setCores(4);
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(startedSlots()).toEqual([
      'memory-horizon-lstm-40',
      'memory-horizon-gru-40',
      'memory-horizon-rnn-40',
      'memory-horizon-lstm-20',
    ]);
  });

  it('starts the next run in order as soon as one ends, and shows the runs in progress', async () => {
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    const slot = horizonSlot('gru', 40);
    act(() => {
      bridge.started(slot);
      bridge.snapshot(slot, { steps: 50, evaluation: { metric: 0.5 } });
    });
    expect(
      await screen.findByText(
        `at lag 40: step 50 of ${DEFAULT_HORIZON_PLAN.maxSteps} · held-out accuracy 50%`,
        { exact: false },
      ),
    ).toBeVisible();
    expect(startedSlots()).toHaveLength(2);
    act(() => bridge.snapshot(slot, { steps: 25, status: 'finished', evaluation: { metric: 0.995 } }));
    expect(startedSlots()).toEqual([
      'memory-horizon-lstm-40',
      'memory-horizon-gru-40',
      'memory-horizon-rnn-40',
    ]);
    // Figures redraw at most 8 times a second, so the page catches up a moment later.
    expect(await screen.findByText('1 of 15 runs done', {}, slow)).toBeVisible();
    expect(bridge.stopped()).toEqual([]);
    expect(bridge.released).toContain(slot);
  });

  it('plots the held-out accuracy of every finished run against the lag and says what it measured', async () => {
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    const accuracy: Record<CellKind, number[]> = {
      rnn: [1, 1, 1, 0.97, 0.31],
      lstm: [1, 1, 1, 1, 1],
      gru: [1, 1, 1, 0.95, 0.4],
    };
    for (const { cell, lag } of sweepOrder(DEFAULT_HORIZON_PLAN)) {
      finish(cell, lag, accuracy[cell][DEFAULT_HORIZON_PLAN.lags.indexOf(lag)]!);
    }
    expect(bridge.starts).toHaveLength(15);
    expect(await screen.findByText(/^15 of 15 runs done · the sweep took/, {}, slow)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();
    const chart = screen.getByRole('figure', { name: 'Held-out accuracy against the lag' });
    expect(chart).toHaveAccessibleDescription(
      /^At lag 40, held-out accuracy was 31% for the RNN, 100% for the LSTM and 40% for the GRU; guessing scores 12\.5%\. Reached 90% or more: the RNN at lags 2, 5, 10 and 20; the LSTM at lags 2, 5, 10, 20 and 40; the GRU at lags 2, 5, 10 and 20\./,
    );
    expect(chart.querySelectorAll('circle[data-series]')).toHaveLength(15);
    expect(within(chart).getByText('chance 12.5%')).toBeVisible();
    await user.click(within(chart).getByRole('button', { name: 'Show data' }));
    expect(
      within(chart).getByRole('row', {
        name: /^40 31\.0% \(600 steps\) 100\.0% \(600 steps\) 40\.0% \(600 steps\)$/,
      }),
    ).toBeVisible();
  });

  it('cancels: stops the runs in progress and starts no more', async () => {
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.stopped()).toEqual(['memory-horizon-lstm-40', 'memory-horizon-gru-40']);
    finish('lstm', 40, 1);
    expect(bridge.starts).toHaveLength(2);
    await waitFor(() => expect(screen.getByText(/1 of 15 runs done · cancelled/)).toBeVisible(), slow);
  });

  it('stops its runs when it leaves the page', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    unmount();
    expect(bridge.stopped()).toEqual(
      expect.arrayContaining(['memory-horizon-lstm-40', 'memory-horizon-gru-40']),
    );
  });

  it('keeps the last sweep across a reload, labelled with when and how it was measured', async () => {
    const user = userEvent.setup();
    const first = render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    runWholeSweep();
    expect(await screen.findByText(/^15 of 15 runs done/, {}, slow)).toBeVisible();
    const key = savedHorizonKey(DEFAULT_HORIZON_PLAN);
    await waitFor(() => expect(idb.values.has(key)).toBe(true));
    const stored = readSavedHorizon(idb.values.get(key));
    expect(stored?.results).toHaveLength(15);
    expect(stored?.plan).toEqual(DEFAULT_HORIZON_PLAN);
    first.unmount();

    // A reload: a new page with no runs in the store.
    bridge = connectFakeBridge();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    const label = await screen.findByTestId('horizon-saved');
    expect(label).toHaveTextContent(
      /^Last result, measured .+, seed 1: 32 hidden units, lags 2, 5, 10, 20, 40, up to 500 steps per run, LSTM forget-gate bias 3; the sweep took .+\.$/,
    );
    expect(label.textContent).toContain(measuredLabel(stored!));
    const chart = screen.getByRole('figure', { name: 'Held-out accuracy against the lag' });
    expect(chart.querySelectorAll('circle[data-series]')).toHaveLength(15);
    expect(chart).toHaveAccessibleDescription(/^At lag 40, held-out accuracy was 31% for the RNN/);
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();
    expect(bridge.starts).toHaveLength(0);
  });

  it("writes the time in the reader's locale", () => {
    const saved = readSavedHorizon({
      format: 1,
      measuredAt: Date.UTC(2026, 11, 2, 1, 40),
      durationMs: null,
      plan: DEFAULT_HORIZON_PLAN,
      results: [],
    });
    const local = new Date(Date.UTC(2026, 11, 2, 1, 40));
    const when = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(local);
    expect(measuredLabel(saved!, 'en-GB')).toBe(`measured ${when}, seed 1`);
    expect(when).toMatch(/^2 Dec 2026, \d\d:\d\d$/);
  });

  it('ignores a damaged stored result with a quiet note, and replaces it on the next run', async () => {
    const key = savedHorizonKey(DEFAULT_HORIZON_PLAN);
    const damaged = [
      'not an object',
      { format: 1, measuredAt: 'yesterday', durationMs: null, plan: DEFAULT_HORIZON_PLAN, results: [] },
      {
        format: 1,
        measuredAt: 1,
        durationMs: null,
        plan: { ...DEFAULT_HORIZON_PLAN, cells: ['tcn'] },
        results: [],
      },
      {
        format: 1,
        measuredAt: 1,
        durationMs: null,
        plan: DEFAULT_HORIZON_PLAN,
        results: [{ cell: 'rnn', lag: 2, accuracy: 7, steps: 10 }],
      },
      { format: 2, measuredAt: 1, durationMs: null, plan: DEFAULT_HORIZON_PLAN, results: [] },
    ];
    for (const value of damaged) expect(readSavedHorizon(value)).toBeNull();
    idb.values.set(key, damaged[3]);
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'A result stored earlier in this browser could not be read, so it is not shown; the next run replaces it.',
    );
    expect(screen.queryByTestId('horizon-saved')).toBeNull();
    expect(
      screen.getByRole('figure', { name: 'Held-out accuracy against the lag' }),
    ).toHaveAccessibleDescription(/^No runs yet/);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    runWholeSweep();
    await waitFor(() => expect(readSavedHorizon(idb.values.get(key))?.results).toHaveLength(15));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when the browser refuses to store the result', async () => {
    idb.refuse = true;
    const user = userEvent.setup();
    render(<MemoryHorizon notice="Look at the figure." width={600} />);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    runWholeSweep();
    expect(await screen.findByRole('status')).toHaveTextContent(
      'This result could not be stored in this browser, so it will not be here after a reload.',
    );
  });
});
