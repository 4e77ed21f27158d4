import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PlaygroundPage } from '../../../app/pages/PlaygroundPage';
import { connectFakeBridge, type FakeBridge } from '../widgets/fakeBridge';

let bridge: FakeBridge;

function renderPlayground(search: string) {
  const memory = memoryLocation({ path: `/playground?${search}` });
  return render(
    <Router hook={memory.hook} searchHook={memory.searchHook}>
      <PlaygroundPage />
    </Router>,
  );
}

function statusLines(): string[] {
  const controls = screen.getByRole('group', { name: 'Training controls: Playground' });
  return within(controls)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('PlaygroundPage compare mode', () => {
  beforeEach(() => {
    bridge = connectFakeBridge();
  });

  it('removing B ends B’s run and keeps C’s run with C’s configuration', async () => {
    const user = userEvent.setup();
    renderPlayground('b.cell=gru&c.cell=rnn');
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(bridge.starts.map((start) => start.config.cell)).toEqual(['lstm', 'gru', 'rnn']);
    act(() => {
      bridge.starts.forEach((start, index) => {
        bridge.started(start.slot);
        bridge.snapshot(start.slot, { steps: 10 * (index + 1) });
      });
    });
    await user.click(screen.getByRole('tab', { name: 'B · GRU' }));
    await user.click(screen.getByRole('button', { name: 'Remove B' }));
    expect(bridge.stopped()).toEqual([bridge.starts[1]!.slot]);
    const lines = statusLines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^A · LSTM: training, step 10 of/);
    // C's run (30 steps, an RNN) is now shown as B, its configuration's new name.
    expect(lines[1]).toMatch(/^B · RNN: training, step 30 of/);
  });
});
