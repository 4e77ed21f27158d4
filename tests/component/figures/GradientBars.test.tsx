import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GradientBars } from '../../../app/figures/charts/GradientBars';
import { makeGradientNorms } from '../fixtures/gates';
import { columnHeaders, showData } from './dataTable';

const norms = makeGradientNorms(50);

describe('GradientBars', () => {
  it('is a figure named by its title, with one bar per time step', () => {
    render(<GradientBars norms={norms} width={640} />);
    expect(screen.getByRole('figure', { name: 'Gradient reaching each time step' })).toBeVisible();
    expect(screen.getAllByTestId('bar')).toHaveLength(50);
    expect(screen.getByRole('img', { name: 'Bar chart of ‖∂L/∂hₜ‖ over 50 time steps' })).toBeVisible();
  });

  it('labels the x axis with the time step and the y axis with the gradient norm', () => {
    render(<GradientBars norms={norms} width={640} />);
    expect(screen.getByText('Time step t')).toBeVisible();
    expect(screen.getByText('‖∂L/∂hₜ‖')).toBeVisible();
  });

  it('says in its caption how small the gradient reaching the first step is next to the last', () => {
    render(<GradientBars norms={norms} width={640} />);
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAccessibleDescription(
      expect.stringContaining('The gradient reaching step 1 is 1/300 of the one at step 50'),
    );
    expect(figure).toHaveAccessibleDescription(
      expect.stringContaining('it vanishes as it flows back in time'),
    );
  });

  it('says the gradient explodes when the first step receives more than the last', () => {
    render(<GradientBars norms={[4, 2, 1, 0.5]} width={640} />);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('The gradient reaching step 1 is 8 times the one at step 4'),
    );
  });

  it('lists every time step in its data table after "Show data"', async () => {
    const user = userEvent.setup();
    render(<GradientBars norms={norms} width={640} />);
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual(['Time step t', '‖∂L/∂hₜ‖']);
    expect(within(table).getAllByRole('row')).toHaveLength(51);
  });

  it('summarises a long sequence into at most 60 table rows', async () => {
    const user = userEvent.setup();
    render(<GradientBars norms={makeGradientNorms(200)} width={640} />);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.length).toBeLessThanOrEqual(61);
    expect(rows[1]).toHaveTextContent('1–4');
  });

  it('greys out a step with no finite value and names it in the caption', () => {
    const broken = norms.slice(0, 10).map((value, t) => (t === 6 ? Number.NaN : value));
    render(<GradientBars norms={broken} width={640} />);
    expect(screen.getAllByTestId('bar')).toHaveLength(10);
    expect(screen.getAllByTestId('bar')[6]).toHaveAttribute('fill', '#a3a3a3');
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('Step 7 had no finite value (grey columns).'),
    );
  });

  it('marks the y axis as logarithmic and explains zeros it cannot draw', () => {
    const withZero = norms.slice(0, 10).map((value, t) => (t === 2 ? 0 : value));
    render(<GradientBars norms={withZero} logScale width={640} />);
    expect(screen.getByText(/\(log scale\)/)).toBeVisible();
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('Step 3 had a gradient of exactly 0, which a log scale cannot show.'),
    );
  });

  it('reads out the value of a bar chosen with the arrow keys', () => {
    render(<GradientBars norms={[0.5, 0.25, 0.125]} width={640} />);
    const chart = screen.getByRole('img', { name: /Bar chart/ });
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(screen.getByText('Step 1: ‖∂L/∂hₜ‖ = 0.5')).toBeVisible();
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(screen.getByText('Step 2: ‖∂L/∂hₜ‖ = 0.25')).toBeVisible();
    fireEvent.keyDown(chart, { key: 'End' });
    expect(screen.getByText('Step 3: ‖∂L/∂hₜ‖ = 0.125')).toBeVisible();
  });

  it('shows a friendly message instead of an empty chart before any training', () => {
    render(<GradientBars norms={[]} width={640} />);
    expect(screen.getByText(/No gradients to show yet/)).toBeVisible();
    expect(screen.queryAllByTestId('bar')).toHaveLength(0);
  });
});
