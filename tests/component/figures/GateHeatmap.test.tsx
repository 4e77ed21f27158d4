import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatValue } from '../../../app/figures/frame/gates';
import { GateHeatmap } from '../../../app/figures/heatmaps/GateHeatmap';
import { makeGateFixture } from '../fixtures/gates';
import { columnHeaders, showData } from './dataTable';

const lstm = makeGateFixture('lstm');
const gru = makeGateFixture('gru');
const rnn = makeGateFixture('rnn');
// The LSTM heatmap's rows: i, f, g, o and c (the hidden state h belongs to the diagram).
const { h: _hidden, ...lstmRows } = lstm.gates;

let getContext: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => getContext.mockRestore());

function renderLstm(overrides: Partial<Parameters<typeof GateHeatmap>[0]> = {}) {
  const onUnitChange = vi.fn();
  const onStepChange = vi.fn();
  render(
    <GateHeatmap
      cell="lstm"
      gates={lstmRows}
      steps={lstm.steps}
      hiddenSize={lstm.hiddenSize}
      unit={0}
      onUnitChange={onUnitChange}
      onStepChange={onStepChange}
      inputLabels={lstm.inputLabels}
      step={11}
      width={800}
      {...overrides}
    />,
  );
  return { onUnitChange, onStepChange };
}

/** The row labels as a person reads them down the heatmap. */
const rowLabels = () =>
  Array.from(document.querySelectorAll('.gates-row-label'), (label) => label.textContent);

describe('GateHeatmap', () => {
  it('shows the LSTM rows in PyTorch’s gate order i, f, g, o, then the cell state c', () => {
    renderLstm();
    expect(screen.getByRole('figure', { name: 'LSTM gates over time' })).toBeVisible();
    expect(rowLabels()).toEqual(['i input', 'f forget', 'g candidate', 'o output', 'c cell state']);
    expect(
      screen.getByRole('img', { name: 'Heatmap of i, f, g, o, c for unit 1 over 20 time steps' }),
    ).toBeVisible();
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining(
        'Gates follow PyTorch’s order: i (input), f (forget), g (candidate), o (output)',
      ),
    );
  });

  it('shows the GRU rows in PyTorch’s order r, z, n, then the hidden state h', () => {
    render(
      <GateHeatmap
        cell="gru"
        gates={gru.gates}
        steps={gru.steps}
        hiddenSize={gru.hiddenSize}
        unit={0}
        onUnitChange={vi.fn()}
        width={800}
      />,
    );
    expect(screen.getByRole('figure', { name: 'GRU gates over time' })).toBeVisible();
    expect(rowLabels()).toEqual(['r reset', 'z update', 'n candidate', 'h hidden state']);
  });

  it('shows a plain RNN as its hidden state alone', () => {
    render(
      <GateHeatmap
        cell="rnn"
        gates={rnn.gates}
        steps={rnn.steps}
        hiddenSize={rnn.hiddenSize}
        unit={0}
        onUnitChange={vi.fn()}
        width={800}
      />,
    );
    expect(screen.getByRole('figure', { name: 'RNN hidden state over time' })).toBeVisible();
    expect(rowLabels()).toEqual(['h hidden state']);
  });

  it('describes the chosen step in words: the forget gate’s value and what it does', () => {
    renderLstm();
    const f = lstm.gates.f![11 * lstm.hiddenSize + 0]!;
    expect(f).toBeGreaterThan(0.9);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining(
        `At step 12 (input “␣”) the forget gate of unit 1 is ${formatValue(f)}: it keeps almost all of the cell state.`,
      ),
    );
  });

  it('describes the unit it is given, read from the [T][H] layout', () => {
    renderLstm({ unit: 3, step: 4 });
    const f = lstm.gates.f![4 * lstm.hiddenSize + 3]!;
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining(`At step 5 (input “c”) the forget gate of unit 4 is ${formatValue(f)}`),
    );
  });

  it('asks for another unit when one is picked in the unit selector', async () => {
    const user = userEvent.setup();
    const { onUnitChange } = renderLstm();
    const selector = screen.getByRole('combobox', { name: 'Unit' });
    expect(within(selector).getAllByRole('option')).toHaveLength(8);
    await user.selectOptions(selector, '3 of 8');
    expect(onUnitChange).toHaveBeenCalledWith(2);
  });

  it('writes the input characters along the time axis', () => {
    renderLstm();
    const labels = Array.from(document.querySelectorAll('.gates-input-label'), (label) => label.textContent);
    expect(labels.join('')).toBe('the␣cat␣sat␣on␣a␣mat');
    expect(screen.getByText('Time step t, input above')).toBeVisible();
  });

  it('has a colour legend for the gates and one for the signed values', () => {
    renderLstm();
    expect(screen.getByText('Gates (σ): 0 closed … 1 open')).toBeVisible();
    expect(screen.getByText('g, c: negative … positive')).toBeVisible();
  });

  it('lists every time step for the unit in its data table after "Show data"', async () => {
    const user = userEvent.setup();
    renderLstm();
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual([
      'Step',
      'Input',
      'i (input)',
      'f (forget)',
      'g (candidate)',
      'o (output)',
      'c (cell state)',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(21);
  });

  it('follows the step picked with the keyboard when Enter is pressed', () => {
    const { onStepChange } = renderLstm();
    const heatmap = screen.getByRole('img', { name: /Heatmap of/ });
    fireEvent.keyDown(heatmap, { key: 'ArrowRight' });
    fireEvent.keyDown(heatmap, { key: 'ArrowRight' });
    expect(screen.getByText(/^i \(input\) at step 2 \(input “h”\), unit 1: /)).toBeVisible();
    fireEvent.keyDown(heatmap, { key: 'Enter' });
    expect(onStepChange).toHaveBeenCalledWith(1);
  });

  it('paints one cell per row and time step when a canvas is available', () => {
    const context = { setTransform: vi.fn(), clearRect: vi.fn(), fillRect: vi.fn(), fillStyle: '' };
    getContext.mockReturnValue(context as unknown as CanvasRenderingContext2D);
    renderLstm();
    expect(context.fillRect).toHaveBeenCalledTimes(5 * 20);
  });

  it('paints missing values grey and says so in the caption', () => {
    const f = Float64Array.from(lstm.gates.f!);
    f[11 * lstm.hiddenSize] = Number.NaN;
    renderLstm({ gates: { ...lstmRows, f } });
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('the forget gate of unit 1 is no value: its effect is unknown.'),
    );
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('1 value is missing or not finite (grey cells).'),
    );
  });

  it('shows a friendly message when there are no activations yet', () => {
    render(
      <GateHeatmap
        cell="lstm"
        gates={{}}
        steps={0}
        hiddenSize={0}
        unit={0}
        onUnitChange={vi.fn()}
        width={800}
      />,
    );
    expect(screen.getByText(/No gate activations to show yet/)).toBeVisible();
  });
});
