import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LossChart, type LossChartProps } from '../../../app/figures/charts/LossChart';
import {
  divergingRun,
  longLossWithHeldOut,
  lossByCell,
  lossReachingZero,
  singlePointLoss,
} from '../fixtures/lines';

const width = 640;

function renderChart(props: Partial<LossChartProps> = {}) {
  return render(
    <LossChart
      title="Loss by cell"
      series={lossByCell}
      yLabel="Cross-entropy loss (nats)"
      quantity="loss"
      scale="linear"
      width={width}
      {...props}
    />,
  );
}

const lines = (container: HTMLElement) => container.querySelectorAll('path.line-series');
const graphic = () => screen.getByRole('img', { name: /^Line chart of loss/ });

describe('LossChart', () => {
  it('draws one line per run, each named at its end, under an accessible title', () => {
    const { container } = renderChart();
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toBeVisible();
    expect(lines(container)).toHaveLength(3);
    for (const name of ['LSTM', 'GRU', 'RNN']) expect(within(graphic()).getByText(name)).toBeVisible();
    expect(within(graphic()).getByText('Cross-entropy loss (nats)')).toBeVisible();
    expect(within(graphic()).getByText('Training step')).toBeVisible();
  });

  it('says in words where each curve is now and where it started', () => {
    renderChart();
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toHaveAccessibleDescription(
      'After 300 steps, the loss is 0.106 for LSTM (down from 2.19), 0.286 for GRU (down from 2.16) and 1.91 for RNN (barely changed from 2.11).',
    );
  });

  it('shows the numbers as a table of at most 50 rows after "Show data", first and last step included', async () => {
    const user = userEvent.setup();
    renderChart({ series: longLossWithHeldOut });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Step', 'LSTM', 'GRU', 'RNN', 'LSTM held-out', 'GRU held-out', 'RNN held-out']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length).toBeLessThanOrEqual(50);
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveTextContent('1');
    expect(within(rows[rows.length - 1]!).getAllByRole('cell')[0]).toHaveTextContent('5,000');
  });

  it('offers a linear/log choice that reports the pick to its parent', async () => {
    const user = userEvent.setup();
    const onScaleChange = vi.fn();
    renderChart({ onScaleChange });
    const group = screen.getByRole('group', { name: 'Y axis' });
    expect(within(group).getByRole('radio', { name: 'Linear' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Log' }));
    expect(onScaleChange).toHaveBeenCalledWith('log');
  });

  it('shows no scale toggle when the parent does not ask for one', () => {
    renderChart();
    expect(screen.queryByRole('radio', { name: 'Log' })).not.toBeInTheDocument();
  });

  it('asks the learner to press Train instead of drawing an empty box', () => {
    const { container } = renderChart({ series: [] });
    expect(screen.getByText('Press Train to see the loss fall.')).toBeVisible();
    expect(container.querySelector('svg')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show data' })).not.toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toHaveAccessibleDescription(
      'No training steps yet, so there is no loss to show.',
    );
  });

  it('skips NaN values, marks where they begin, and says so in the caption', () => {
    const { container } = renderChart({ series: divergingRun });
    expect(lines(container)).toHaveLength(2);
    for (const path of lines(container)) expect(path.getAttribute('d')).not.toMatch(/NaN/);
    expect(within(graphic()).getByText('NaN from here')).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toHaveAccessibleDescription(
      /For RNN, lr 1, the loss became NaN \(not a number\) at step 181; those 60 points are not drawn\./,
    );
  });

  it('draws a run with a single logged step as a dot', () => {
    const { container } = renderChart({ series: singlePointLoss });
    expect(container.querySelectorAll('circle.line-point')).toHaveLength(1);
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toHaveAccessibleDescription(
      'After 1 step, the loss is 2.08 for LSTM (one point so far).',
    );
  });

  it('on a log axis, draws zeros at a floor it labels and mentions in the caption', () => {
    renderChart({
      series: lossReachingZero,
      scale: 'log',
      quantity: undefined,
      yLabel: 'Mean squared error',
    });
    expect(screen.getByRole('img', { name: /on a log scale/ })).toBeVisible();
    expect(screen.getByText('≤ 0 drawn here')).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toHaveAccessibleDescription(
      /the mean squared error is 0 for MSE \(down from 0\.453\)\. On the log axis, 48 values of zero or less are drawn at the floor, 10⁻⁵\./,
    );
  });

  it('draws 5,000 steps with at most four points per pixel column, held-out curves dashed, trends smoothed', () => {
    const { container } = renderChart({ series: longLossWithHeldOut });
    const paths = [...lines(container)];
    expect(paths).toHaveLength(6);
    for (const path of paths) expect(Number(path.getAttribute('data-points'))).toBeLessThanOrEqual(4 * width);
    expect(paths.filter((path) => path.getAttribute('stroke-dasharray'))).toHaveLength(3);
    expect(container.querySelectorAll('path.line-series-raw')).toHaveLength(3);
    expect(within(graphic()).getByText('held-out')).toBeVisible();
    expect(within(graphic()).getByText('training')).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Loss by cell' })).toHaveAccessibleDescription(
      /lowest 1\.39 at step 2,700.*Faint lines show every logged step; the bold lines are moving averages over 51 steps\./,
    );
  });

  it('keeps labels at line ends at least a line apart when the curves end close together', () => {
    const { container } = renderChart({ series: longLossWithHeldOut });
    const ys = [...container.querySelectorAll('.line-direct-label text')]
      .map((text) => Number(text.getAttribute('y')))
      .sort((a, b) => a - b);
    expect(ys).toHaveLength(6);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(12 * 1.3 - 1e-9);
  });

  it('fits a phone: few x ticks and labels shortened to the room at the right', () => {
    const { container } = renderChart({ series: longLossWithHeldOut, width: 306 });
    expect(container.querySelector('svg')).toHaveAttribute('width', '306');
    const xTicks = container.querySelectorAll('.axis')[1]!.querySelectorAll('.tick');
    expect(xTicks.length).toBeGreaterThanOrEqual(2);
    expect(xTicks.length).toBeLessThanOrEqual(3);
    const labels = [...container.querySelectorAll('.line-direct-label text')].map((text) => text.textContent);
    expect(labels).toContain('LSTM');
    expect(labels).not.toContain('LSTM held-out');
  });
});

describe('LossChart on an exploding run', () => {
  const exploding = [
    {
      id: 'lstm',
      label: 'LSTM',
      points: Array.from({ length: 60 }, (_, index) => ({
        step: index + 1,
        value: 2.2 * 10 ** (index * 2.6),
      })),
    },
  ];

  it('draws the linear chart asked for on a log axis, says so above the plot, and keeps labels short', () => {
    const { container } = renderChart({ series: exploding });
    expect(screen.getByRole('note')).toHaveTextContent(
      /^Shown on a log axis: the values run from 2\.2 to .+ × 10¹⁵³, more than a factor of 10⁶/,
    );
    expect(graphic()).toHaveAccessibleName(/on a log scale/);
    expect(lines(container)).toHaveLength(1);
    const labels = [...container.querySelectorAll('.axis .tick text')].map((text) => text.textContent ?? '');
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(10);
  });

  it('keeps a linear axis when values include zero, with powers of ten as labels', () => {
    const withZero = [{ ...exploding[0]!, points: [{ step: 0, value: 0 }, ...exploding[0]!.points] }];
    const { container } = renderChart({ series: withZero });
    expect(screen.queryByRole('note')).toBeNull();
    const labels = [...container.querySelectorAll('.axis .tick text')].map((text) => text.textContent ?? '');
    expect(labels.some((label) => /×10¹⁵³|10¹⁵³/.test(label))).toBe(true);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(10);
  });

  it('shows every number of its table in one format', async () => {
    const user = userEvent.setup();
    const values = [8e-4, 0, 6.47e-4, 0.001636, 2.3e-8];
    renderChart({
      series: [{ id: 'a', label: 'A', points: values.map((value, index) => ({ step: index + 1, value })) }],
    });
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const cells = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]!.textContent);
    expect(cells).toEqual(['8 × 10⁻⁴', '0', '6.47 × 10⁻⁴', '0.001636', '2.3 × 10⁻⁸']);
  });
});
