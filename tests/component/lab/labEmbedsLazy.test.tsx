import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabTrainer } from '../../../app/mdx/labEmbeds';
import { connectFakeBridge } from '../widgets/fakeBridge';

vi.mock('idb-keyval', () => ({ get: async () => undefined, set: async () => {}, del: async () => {} }));

/** An IntersectionObserver the test moves: `reach()` tells every observer its element came near. */
const observers: ((entries: { isIntersecting: boolean }[]) => void)[] = [];
class FakeObserver {
  constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
    observers.push(callback);
  }
  observe() {}
  disconnect() {}
}
const reach = () =>
  act(() => {
    for (const callback of observers) callback([{ isIntersecting: true }]);
  });

describe('a lesson’s lab widget', { timeout: 20_000 }, () => {
  beforeEach(() => {
    connectFakeBridge();
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    observers.length = 0;
  });

  it('is a placeholder until it nears view, then loads and draws the lab’s trainer', async () => {
    render(<LabTrainer notice="Look at the figure." />);
    expect(screen.getByText('The language lab’s trainer loads as you reach it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Train' })).not.toBeInTheDocument();
    expect(observers).toHaveLength(1);
    reach();
    expect(await screen.findByRole('button', { name: 'Train' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText(/loads as you reach it/)).not.toBeInTheDocument();
  });
});
