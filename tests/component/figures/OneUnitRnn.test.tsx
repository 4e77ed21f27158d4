import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OneUnitRnn, OneUnitRnnChart } from '../../../app/figures/calculators/OneUnitRnn';

const caption = () => screen.getByRole('figure', { name: 'One-unit RNN' });
const recurrentSlider = () => screen.getByRole('slider', { name: /whh recurrent/ });
const recurrentBox = () => screen.getByRole('spinbutton', { name: 'w_hh, typed value' });

describe('OneUnitRnn', () => {
  it('draws one stem per time step and a single input pulse at t = 1 by default', () => {
    const { container } = render(<OneUnitRnn notice="Look at the figure." width={700} />);
    expect(container.querySelectorAll('[data-stem]')).toHaveLength(21);
    expect(container.querySelectorAll('[data-pulse]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Pulse at t = 1' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Pulse at t = 2' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('says the memory fades when |w_hh| < 1, with the numbers of the run', () => {
    render(<OneUnitRnn notice="Look at the figure." initialWhh={0.6} width={700} />);
    expect(caption()).toHaveAccessibleDescription(
      /\|w_hh\| = 0\.60 < 1: after the pulse at t = 1 \(h = 0\.76\), h shrinks to about 0\.59 of itself each step; 5 steps later it is 0\.05\. The memory fades\./,
    );
  });

  it('switches the caption to saturation at the resting point when w_hh is dragged above 1', () => {
    const { container } = render(<OneUnitRnn notice="Look at the figure." initialWhh={0.6} width={700} />);
    fireEvent.change(recurrentSlider(), { target: { value: '1.5' } });
    expect(recurrentBox()).toHaveValue(1.5);
    expect(caption()).toHaveAccessibleDescription(/w_hh = 1\.50 > 1: .*saturates near 0\.86 and stays/);
    expect(caption()).toHaveAccessibleDescription(/gets stuck rather than blowing up/);
    expect(screen.getAllByText(/0\.86 \(resting point\)/)).toHaveLength(2);
    expect(container.querySelector('[data-regime]')).toHaveAttribute('data-regime', 'saturate');
  });

  it('accepts a typed weight and changes the regime from it', async () => {
    const user = userEvent.setup();
    render(<OneUnitRnn notice="Look at the figure." initialWhh={1.5} width={700} />);
    await user.clear(recurrentBox());
    await user.type(recurrentBox(), '0.3');
    expect(recurrentSlider()).toHaveValue('0.3');
    expect(caption()).toHaveAccessibleDescription(/\|w_hh\| = 0\.30 < 1: .*The memory fades/);
  });

  it('clamps a typed value outside −2..2 to the nearest end and says so', async () => {
    const user = userEvent.setup();
    render(<OneUnitRnn notice="Look at the figure." width={700} />);
    await user.clear(recurrentBox());
    await user.type(recurrentBox(), '5');
    expect(recurrentSlider()).toHaveValue('2');
    expect(screen.getByRole('status')).toHaveTextContent('w_hh goes from −2 to 2: 5 was set to 2.00.');
    expect(recurrentBox()).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    expect(recurrentBox()).toHaveValue(2);
  });

  it('shows h flipping sign every step when w_hh is negative', async () => {
    const user = userEvent.setup();
    render(<OneUnitRnn notice="Look at the figure." initialWhh={-0.5} width={700} />);
    expect(caption()).toHaveAccessibleDescription(/flips sign every step/);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    const h = rows.map((row) => Number(within(row).getAllByRole('cell')[2]!.textContent!.replace('−', '-')));
    expect(h[1]).toBeGreaterThan(0);
    expect(h[2]).toBeLessThan(0);
    expect(h[3]).toBeGreaterThan(0);
    expect(h[4]).toBeLessThan(0);
  });

  it('swings between ±h* when w_hh < −1 (pure chart)', () => {
    render(<OneUnitRnnChart wHh={-1.5} wXh={1} pulses={[1]} width={700} />);
    expect(caption()).toHaveAccessibleDescription(
      /swings between \+0\.86 and −0\.86, flipping sign every step/,
    );
  });

  it('leaves h at zero and says so when every pulse is switched off', async () => {
    const user = userEvent.setup();
    const { container } = render(<OneUnitRnn notice="Look at the figure." width={700} />);
    await user.click(screen.getByRole('button', { name: 'Pulse at t = 1' }));
    expect(screen.getByRole('button', { name: 'Pulse at t = 1' })).toHaveAttribute('aria-pressed', 'false');
    expect(container.querySelectorAll('[data-pulse]')).toHaveLength(0);
    expect(caption()).toHaveAccessibleDescription(/No input pulse: h starts at 0 and stays 0/);
  });

  it('adds a pulse where the person presses, and Reset brings the starting state back', async () => {
    const user = userEvent.setup();
    const { container } = render(<OneUnitRnn notice="Look at the figure." width={700} />);
    await user.click(screen.getByRole('button', { name: 'Pulse at t = 8' }));
    expect(container.querySelectorAll('[data-pulse]')).toHaveLength(2);
    expect(caption()).toHaveAccessibleDescription(/pulses at t = 1, 8\./);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(container.querySelectorAll('[data-pulse]')).toHaveLength(1);
  });

  it('never plots a non-finite weight: it is read as 0', () => {
    const { container } = render(<OneUnitRnnChart wHh={Number.NaN} wXh={1} pulses={[1]} width={700} />);
    expect(caption()).toHaveAccessibleDescription(/w_hh = 0\.00/);
    for (const circle of container.querySelectorAll('circle')) {
      expect(Number.isFinite(Number(circle.getAttribute('cy')))).toBe(true);
    }
  });
});
