import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { runUnrolledDemo } from '../../../app/widgets/tinyRnn';
import { UnrolledDemo } from '../../../app/widgets/UnrolledDemo';

describe('UnrolledDemo', () => {
  it('steps a real RNN through the word: one column per character, one cell per hidden unit', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <UnrolledDemo notice="Look at the figure." word="hello" hiddenSize={6} width={800} />,
    );
    expect(screen.getByRole('figure', { name: 'Unrolled network' })).toBeVisible();
    // Five characters and h₀.
    expect(container.querySelectorAll('[data-column]')).toHaveLength(6);
    expect(container.querySelectorAll('[data-cell]')).toHaveLength(6 * 6);
    await user.click(screen.getByRole('button', { name: /Forward/ }));
    expect(screen.getByText('t = 1 of 5')).toBeVisible();
    expect(
      screen.getByText(/one-hot vector over the word’s 4 distinct characters \(h, e, l, o\)/),
    ).toBeVisible();
  });

  it('shows the gradient flowing back, smaller at every step further from the loss', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <UnrolledDemo notice="Look at the figure." word="hello" hiddenSize={6} width={800} />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Show gradient flowing back' }));
    expect(screen.getByText('t = 5 of 5')).toBeVisible();
    const bars = [...container.querySelectorAll('[data-gradient-step]')];
    expect(bars).toHaveLength(5);
    const shown = bars.map((bar) => Number(bar.querySelector('text')!.textContent));
    for (let t = 1; t < shown.length; t++) expect(shown[t - 1]).toBeLessThan(shown[t]!);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      /Gradient flowing back \(after the last step\)/,
    );
  });

  it('computes the same network for the same seed, a different one for another, and shrinking norms', () => {
    const first = runUnrolledDemo('recurrence', 8, 1)!;
    expect(runUnrolledDemo('recurrence', 8, 1)).toEqual(first);
    expect(runUnrolledDemo('recurrence', 8, 2)!.hidden).not.toEqual(first.hidden);
    expect(first.hidden).toHaveLength(10);
    expect(first.hidden[0]).toHaveLength(8);
    for (const row of first.hidden) for (const value of row) expect(Math.abs(value)).toBeLessThan(1);
    const norms = first.gradientNorms;
    for (let t = 1; t < norms.length; t++) expect(norms[t - 1]).toBeLessThan(norms[t]!);
    expect(first.loss).toBeGreaterThan(0);
  });

  it('says what is missing for an empty word instead of drawing nothing', () => {
    render(<UnrolledDemo notice="Look at the figure." word="" width={800} />);
    expect(screen.getByText(/needs at least one character/)).toBeVisible();
  });
});
