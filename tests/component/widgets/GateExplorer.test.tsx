import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../../app/store';
import { GateExplorer } from '../../../app/widgets/GateExplorer';
import type { Probe } from '../../../engine/worker/protocol';
import { connectFakeBridge, type FakeBridge } from './fakeBridge';

let bridge: FakeBridge;

function probe(cell: 'lstm' | 'gru', steps: number, hiddenSize: number): Probe {
  const names = cell === 'lstm' ? ['i', 'f', 'g', 'o', 'c', 'h'] : ['r', 'z', 'n', 'h'];
  const gates = Object.fromEntries(
    names.map((name, index) => [
      name,
      Float64Array.from({ length: steps * hiddenSize }, (_, k) => ((k * (index + 3)) % 17) / 17),
    ]),
  );
  return {
    step: 50,
    cell,
    layer: 0,
    layers: 1,
    steps,
    hiddenSize,
    gates,
    inputLabels: Array.from('the cell keeps what it n').slice(0, steps),
    jacobianNorms: new Float64Array(steps).fill(0.5),
  };
}

describe('GateExplorer', () => {
  beforeEach(() => {
    bridge = connectFakeBridge();
  });

  it('says what to look for and trains nothing until Train is pressed', () => {
    render(<GateExplorer notice="Look at the figure." cell="lstm" />);
    expect(screen.getByRole('region', { name: 'LSTM gate explorer' })).toHaveTextContent(
      /follow its forget gate f along the text: near 1 the cell state c is carried/,
    );
    expect(screen.getByRole('button', { name: 'Train' })).toBeEnabled();
    expect(screen.getByText(/Press Train: the gates appear/)).toBeVisible();
    expect(bridge.starts).toHaveLength(0);
  });

  it('trains a small character model in the worker, then draws the gates of the probed window', async () => {
    const user = userEvent.setup();
    render(<GateExplorer notice="Look at the figure." cell="lstm" />);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(bridge.starts).toHaveLength(1);
    const [start] = bridge.starts;
    expect(start!.slot).toBe('gate-explorer-lstm');
    expect(start!.options.maxSteps).toBe(600);
    expect(start!.config).toMatchObject({
      cell: 'lstm',
      task: { kind: 'chars', steps: 24 },
      hiddenSize: 16,
      init: { forgetBias: 3 },
    });
    act(() => {
      bridge.started(start!.slot);
      bridge.snapshot(start!.slot, { steps: 50, probe: probe('lstm', 24, 16) });
    });
    expect(await screen.findByRole('figure', { name: 'LSTM gates over time' })).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Inside an LSTM cell' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(bridge.commands).toContainEqual({ kind: 'pause', slot: 'gate-explorer-lstm' });
  });

  it('explains the update gate for a GRU and trains a GRU', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<GateExplorer notice="Look at the figure." cell="gru" />);
    expect(screen.getByRole('region', { name: 'GRU gate explorer' })).toHaveTextContent(
      /follow its update gate z along the text\. In PyTorch’s convention ht = z·ht−1 \+ \(1 − z\)·n/,
    );
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(bridge.starts[0]!.config).toMatchObject({ cell: 'gru', init: { forgetBias: null } });
    act(() => bridge.snapshot('gate-explorer-gru', { steps: 10, probe: probe('gru', 24, 16) }));
    expect(await screen.findByRole('figure', { name: 'GRU gates over time' })).toBeVisible();
    unmount();
    expect(bridge.stopped()).toEqual(['gate-explorer-gru']);
  });

  it('ends its worker when it leaves the page, keeping what the run recorded as stopped', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<GateExplorer notice="Look at the figure." cell="lstm" />);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    act(() => {
      bridge.started('gate-explorer-lstm');
      bridge.snapshot('gate-explorer-lstm', { steps: 12 });
    });
    expect(bridge.released).toEqual([]);
    unmount();
    expect(bridge.released).toEqual(['gate-explorer-lstm']);
    const run = useStore.getState().runs['gate-explorer-lstm'];
    expect(run).toMatchObject({ phase: 'stopped', stepCount: 12 });
    expect(run!.history.loss).toHaveLength(12);
  });
});
