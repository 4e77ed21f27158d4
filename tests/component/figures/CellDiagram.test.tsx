import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CellDiagram, type CellDiagramProps } from '../../../app/figures/diagrams/CellDiagram';
import { formatValue } from '../../../app/figures/frame/gates';
import { makeGateFixture } from '../fixtures/gates';
import { columnHeaders, showData } from './dataTable';

const lstm = makeGateFixture('lstm');
const gru = makeGateFixture('gru');
const H = lstm.hiddenSize;

/** The diagram with its step held in state, as a lesson page would hold it. */
function Harness(props: Partial<CellDiagramProps> & { initialStep?: number }) {
  const [step, setStep] = useState(props.initialStep ?? 11);
  return (
    <CellDiagram
      cell="lstm"
      gates={lstm.gates}
      steps={lstm.steps}
      hiddenSize={H}
      unit={0}
      inputLabels={lstm.inputLabels}
      width={800}
      {...props}
      step={step}
      onStepChange={setStep}
    />
  );
}

/** What is written under a gate's box: its symbol, name and value. */
const gateText = (key: string) =>
  document.querySelector(`[data-gate="${key}"] .cell-gate-label`)?.textContent;
/** What is written in a gate's box: its function. */
const gateFunction = (key: string) =>
  document.querySelector(`[data-gate="${key}"] .cell-gate-fn`)?.textContent;

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('CellDiagram', () => {
  it('is a figure named after the cell, drawn for one unit at one step', () => {
    render(<Harness />);
    expect(screen.getByRole('figure', { name: 'Inside an LSTM cell' })).toBeVisible();
    expect(screen.getByRole('img', { name: 'LSTM cell for unit 1 at step 12' })).toBeVisible();
    expect(screen.getByText('Step 12 of 20, input “␣”')).toBeVisible();
  });

  it('prints each LSTM gate with its function, symbol, name and value at the current step', () => {
    render(<Harness />);
    expect(['i', 'f', 'g', 'o'].map(gateFunction)).toEqual(['σ', 'σ', 'tanh', 'σ']);
    const at = (key: string) => formatValue(lstm.gates[key]![11 * H]);
    expect(gateText('f')).toBe(`f forget${at('f')}`);
    expect(gateText('i')).toBe(`i input${at('i')}`);
    expect(gateText('g')).toBe(`g candidate${at('g')}`);
    expect(gateText('o')).toBe(`o output${at('o')}`);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining(
        `the forget gate of unit 1 is ${at('f')}: it keeps almost all of the cell state`,
      ),
    );
  });

  it('moves one step forward and back with the Forward and Back buttons', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Forward' }));
    expect(screen.getByText('Step 13 of 20, input “o”')).toBeVisible();
    expect(gateText('f')).toBe(`f forget${formatValue(lstm.gates.f![12 * H])}`);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText('Step 11 of 20, input “t”')).toBeVisible();
    expect(screen.getByRole('img', { name: 'LSTM cell for unit 1 at step 11' })).toBeVisible();
  });

  it('cannot go back from the first step or forward from the last', () => {
    const { unmount } = render(<Harness initialStep={0} />);
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    unmount();
    render(<Harness initialStep={19} />);
    expect(screen.getByRole('button', { name: 'Forward' })).toBeDisabled();
  });

  it('jumps to the step chosen on the slider', () => {
    render(<Harness />);
    fireEvent.change(screen.getByRole('slider', { name: 'Time step' }), { target: { value: '5' } });
    expect(screen.getByText('Step 5 of 20, input “c”')).toBeVisible();
  });

  it('plays two steps per second and stops at the last step', () => {
    vi.useFakeTimers();
    render(<Harness initialStep={16} />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
    act(() => vi.advanceTimersByTime(500));
    act(() => vi.advanceTimersByTime(500));
    expect(screen.getByText(/^Step 19 of 20/)).toBeVisible();
    act(() => vi.advanceTimersByTime(500));
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByText(/^Step 20 of 20/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('animates changes unless the person asked for reduced motion', () => {
    const { unmount } = render(<Harness />);
    expect(screen.getByRole('img', { name: /LSTM cell/ })).toHaveClass('cell-diagram-animated');
    unmount();
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    render(<Harness />);
    expect(screen.getByRole('img', { name: /LSTM cell/ })).not.toHaveClass('cell-diagram-animated');
  });

  it('draws a GRU with its reset, update and candidate gates and the update gate in words', () => {
    render(<Harness cell="gru" gates={gru.gates} />);
    expect(screen.getByRole('figure', { name: 'Inside a GRU cell' })).toBeVisible();
    expect(gateText('r')).toBe(`r reset${formatValue(gru.gates.r![11 * H])}`);
    expect(gateText('z')).toBe(`z update${formatValue(gru.gates.z![11 * H])}`);
    expect(gateText('n')).toBe(`n candidate${formatValue(gru.gates.n![11 * H])}`);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('Gates follow PyTorch’s order: r (reset), z (update), n (candidate)'),
    );
  });

  it('rebuilds the cell state from the gates when it is not supplied', () => {
    const { c, h, ...gatesOnly } = lstm.gates;
    render(<Harness gates={gatesOnly} />);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining(
        `The cell state goes from ${formatValue(c![10 * H])} to ${formatValue(c![11 * H])}`,
      ),
    );
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining(`the unit outputs h = ${formatValue(h![11 * H])}`),
    );
  });

  it('lists gates and states for every step in its data table after "Show data"', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual([
      'Step',
      'Input',
      'i (input)',
      'f (forget)',
      'g (candidate)',
      'o (output)',
      'c (cell state)',
      'h (hidden state)',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(21);
  });

  it('prints "no value" for a gate that is not finite and says so in the caption', () => {
    const f = Float64Array.from(lstm.gates.f!);
    f[11 * H] = Number.NaN;
    render(<Harness gates={{ ...lstm.gates, f }} />);
    expect(gateText('f')).toBe('f forgetno value');
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('Some values at this step are missing or not finite (grey).'),
    );
  });

  it('shows a friendly message when there is nothing to animate yet', () => {
    render(<Harness gates={{}} steps={0} />);
    expect(screen.getByText(/Nothing to animate yet/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Play' })).not.toBeInTheDocument();
  });
});
