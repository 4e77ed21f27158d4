import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type DotGroup, SeedDotPlot } from '../../../app/figures/charts/SeedDotPlot';

const groups: DotGroup[] = [
  {
    id: '20',
    label: 'lag 20',
    columns: [
      {
        id: 'rnn',
        label: 'RNN',
        color: '#D55E00',
        values: [
          { seed: 1, value: 100, text: '100.0% (150 steps)' },
          { seed: 2, value: 100 },
          { seed: 3, value: null },
        ],
      },
    ],
  },
  {
    id: '40',
    label: 'lag 40',
    columns: [
      {
        id: 'rnn',
        label: 'RNN',
        color: '#D55E00',
        values: [
          { seed: 1, value: 45 },
          { seed: 2, value: 100 },
          { seed: 3, value: 20 },
        ],
      },
    ],
  },
];

function plot(dots: DotGroup[]) {
  return render(
    <SeedDotPlot
      title="Held-out accuracy, one dot per seed"
      description="At lag 40 the RNN reached 90% on 1 of 3 seeds."
      groups={dots}
      yDomain={[0, 100]}
      yLabel="Held-out accuracy (%)"
      xLabel="Lag and cell"
      format={(value) => `${Math.round(value)}%`}
      reference={{ value: 12.5, label: 'chance 12.5%' }}
      emptyMessage="Press Measure it."
      exportName="dots"
      width={600}
    />,
  );
}

describe('SeedDotPlot', () => {
  it('draws one dot per finished seed, each named with its seed and outcome, and says the result in words', () => {
    plot(groups);
    const figure = screen.getByRole('figure', { name: 'Held-out accuracy, one dot per seed' });
    expect(figure).toHaveAccessibleDescription('At lag 40 the RNN reached 90% on 1 of 3 seeds.');
    expect(
      within(figure).getByRole('img', { name: 'At lag 40 the RNN reached 90% on 1 of 3 seeds.' }),
    ).toBeVisible();
    const dots = figure.querySelectorAll('circle[data-seed]');
    expect(dots).toHaveLength(5);
    const titles = [...dots].map((dot) => dot.querySelector('title')?.textContent);
    expect(titles).toContain('RNN, lag 20, seed 1: 100.0% (150 steps)');
    expect(titles).toContain('RNN, lag 40, seed 3: 20%');
    // Equal values on two seeds are drawn side by side, not on top of each other.
    const lag20 = figure.querySelectorAll('[data-group="20"] circle');
    expect(lag20[0]!.getAttribute('cx')).not.toBe(lag20[1]!.getAttribute('cx'));
    expect(lag20[0]!.getAttribute('cy')).toBe(lag20[1]!.getAttribute('cy'));
    expect(within(figure).getByText('chance 12.5%')).toBeInTheDocument();
  });

  it('gives the numbers as a table, a row per group and series and a column per seed', async () => {
    const user = userEvent.setup();
    plot(groups);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Lag and cell', 'Seed 1', 'Seed 2', 'Seed 3']);
    expect(within(table).getByRole('row', { name: 'RNN, lag 20 100.0% (150 steps) 100% –' })).toBeVisible();
    expect(within(table).getByRole('row', { name: 'RNN, lag 40 45% 100% 20%' })).toBeVisible();
  });

  it('keeps a copy of the table for print, hidden on screen', () => {
    const { container } = plot(groups);
    const printed = container.querySelector('table.seed-dots-print');
    expect(printed).not.toBeNull();
    expect(printed).not.toBeVisible();
    expect(printed).toHaveTextContent('RNN, lag 40');
  });

  it('shows its message, and no table, before any seed has finished', () => {
    plot(
      groups.map((group) => ({
        ...group,
        columns: group.columns.map((c) => ({ ...c, values: c.values.map((v) => ({ ...v, value: null })) })),
      })),
    );
    expect(screen.getByText('Press Measure it.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Show data' })).toBeNull();
  });
});
