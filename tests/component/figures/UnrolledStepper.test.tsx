import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnrolledStepper, UnrolledStepperWithState } from '../../../app/figures/diagrams/UnrolledStepper';
import { helloStepper, recurrenceStepper } from '../fixtures/basics';

const H = helloStepper.hidden[0]!.length;
const T = helloStepper.tokens.length;

function revealedCells(container: HTMLElement) {
  return container.querySelectorAll('[data-cell="revealed"]').length;
}

describe('UnrolledStepper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws one column per character plus h₀, each with one cell per hidden unit', () => {
    const { container } = render(<UnrolledStepperWithState {...helloStepper} width={800} />);
    expect(screen.getByRole('figure', { name: 'Unrolled network' })).toBeVisible();
    expect(container.querySelectorAll('[data-column]')).toHaveLength(T + 1);
    expect(container.querySelectorAll('[data-cell]')).toHaveLength((T + 1) * H);
    for (const character of ['h', 'e', 'l', 'o'])
      expect(screen.getAllByText(character).length).toBeGreaterThan(0);
  });

  it('reveals one step at a time with Forward, goes back with Back, and starts over with Reset', async () => {
    const user = userEvent.setup();
    const { container } = render(<UnrolledStepperWithState {...helloStepper} width={800} />);
    expect(screen.getByText('t = 0 of 5')).toBeVisible();
    expect(revealedCells(container)).toBe(H);
    expect(screen.getByRole('button', { name: /Back/ })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /Forward/ }));
    await user.click(screen.getByRole('button', { name: /Forward/ }));
    expect(screen.getByText('t = 2 of 5')).toBeVisible();
    expect(revealedCells(container)).toBe(3 * H);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/read “e” and computed h₂ from h₁ and x₂/);

    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByText('t = 1 of 5')).toBeVisible();
    expect(revealedCells(container)).toBe(2 * H);

    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByText('t = 0 of 5')).toBeVisible();
  });

  it('asks its owner for the next step rather than changing it itself (controlled)', () => {
    const onStepChange = vi.fn();
    render(
      <UnrolledStepper
        {...helloStepper}
        step={2}
        onStepChange={onStepChange}
        showGradient={false}
        onShowGradientChange={() => {}}
        width={800}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /Forward/ }));
    expect(onStepChange).toHaveBeenCalledWith(3);
    expect(screen.getByText('t = 2 of 5')).toBeVisible();
  });

  it('plays through the word one step per tick and stops at the last step', () => {
    vi.useFakeTimers();
    render(<UnrolledStepperWithState {...helloStepper} width={800} playInterval={500} />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
    act(() => vi.advanceTimersByTime(500));
    expect(screen.getByText('t = 1 of 5')).toBeVisible();
    act(() => vi.advanceTimersByTime(500 * 10));
    expect(screen.getByText('t = 5 of 5')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('shows the gradient flowing back, one bar per step with its norm, after finishing the word', async () => {
    const user = userEvent.setup();
    const { container } = render(<UnrolledStepperWithState {...helloStepper} initialStep={2} width={800} />);
    expect(container.querySelectorAll('[data-gradient-step]')).toHaveLength(0);

    await user.click(screen.getByRole('checkbox', { name: 'Show gradient flowing back' }));
    expect(screen.getByText('t = 5 of 5')).toBeVisible();
    expect(container.querySelectorAll('[data-gradient-step]')).toHaveLength(T);
    expect(container.querySelectorAll('.unrolled-gradient-arrow')).toHaveLength(T);
    for (const norm of ['0.091', '0.13', '0.3', '0.44']) expect(screen.getByText(norm)).toBeVisible();
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      /‖dL\/dh₅‖ = 1, .*‖dL\/dh₁‖ = 0.091, 11× smaller/,
    );
  });

  it('says the backward pass waits for the last step when the gradient is on mid-word', () => {
    const { container } = render(
      <UnrolledStepperWithState {...helloStepper} initialStep={2} initialShowGradient width={800} />,
    );
    expect(container.querySelectorAll('[data-gradient-step]')).toHaveLength(0);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/backward pass needs the whole word/);
  });

  it('offers no gradient toggle when no gradient norms are given', () => {
    render(
      <UnrolledStepperWithState tokens={helloStepper.tokens} hidden={helloStepper.hidden} width={800} />,
    );
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('lists every hidden value in the data table', async () => {
    const user = userEvent.setup();
    render(<UnrolledStepperWithState {...helloStepper} width={800} />);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(T + 1);
    expect(rows[3]).toHaveTextContent('3l−0.91−0.848−0.433−0.04−0.7350.87');
  });

  it('says so in words when there is no word to show', () => {
    render(<UnrolledStepperWithState tokens={[]} hidden={[]} width={800} />);
    expect(screen.getByText(/No sequence to step through yet/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /Forward/ })).not.toBeInTheDocument();
  });

  it('draws values that are not finite numbers in grey and reports them, never as colours', () => {
    const hidden = helloStepper.hidden.map((row, t) => (t === 1 ? [Number.NaN, ...row.slice(1)] : row));
    render(
      <UnrolledStepperWithState tokens={helloStepper.tokens} hidden={hidden} initialStep={5} width={800} />,
    );
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/1 hidden values are not finite/);
    expect(screen.getByText('—')).toBeVisible();
  });

  it('scrolls sideways on a phone-sized width instead of squeezing a long word', () => {
    render(<UnrolledStepperWithState {...recurrenceStepper} width={300} />);
    const region = screen.getByRole('region', { name: /scrolls sideways/ });
    const svg = within(region).getByRole('img');
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(300);
    expect(screen.getByText('Scroll sideways to see every step.')).toBeVisible();
  });

  it('fits a short word at a wide width without a scroll region', () => {
    render(<UnrolledStepperWithState {...helloStepper} width={1100} />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
