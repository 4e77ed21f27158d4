import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cellColors } from '../../../app/figures/frame/palette';
import { ConnectivityCompare, compareNotice, reachOf } from '../../../app/lab/inside/ConnectivityCompare';
import { columnHeaders, showData } from '../figures/dataTable';

/** A profile falling by `factor` per character back, peak 1 at d = 0. */
const falling = (factor: number, length = 30) => Float64Array.from({ length }, (_, d) => factor ** d);

const profiles = [
  { label: 'RNN, 64 units, step 2,000', profile: falling(0.5) },
  { label: 'LSTM, 64 units, step 2,000', profile: falling(0.9) },
  { label: 'GRU, 64 units, step 2,000', profile: falling(0.8) },
];

describe('ConnectivityCompare', () => {
  it('draws one line per model in its cell’s colour, with a key', () => {
    const { container } = render(<ConnectivityCompare profiles={profiles} width={640} />);
    const lines = container.querySelectorAll('path.line-series');
    expect(lines).toHaveLength(3);
    expect(Array.from(lines, (line) => line.getAttribute('stroke'))).toEqual([
      cellColors.rnn,
      cellColors.lstm,
      cellColors.gru,
    ]);
    const graphic = screen.getByRole('img', { name: /log scale/ });
    const key = screen.getByRole('list', { name: 'Key' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(profiles.map(({ label }) => label));
    expect(Array.from(key.querySelectorAll('line'), (line) => line.getAttribute('stroke'))).toEqual([
      cellColors.rnn,
      cellColors.lstm,
      cellColors.gru,
    ]);
    expect(within(graphic).getByText('Characters back, d (0 = the one just read)')).toBeVisible();
  });

  it('says which model looks back farthest', () => {
    render(<ConnectivityCompare profiles={profiles} width={640} />);
    const figure = screen.getByRole('figure', { name: 'How far back each model looks' });
    expect(figure).toHaveAccessibleDescription(
      /^What to notice: LSTM, 64 units, step 2,000 looks back farthest\./,
    );
    expect(reachOf(falling(0.5))).toBe(3);
    expect(reachOf(falling(0.9))).toBe(21);
  });

  it('dashes a second model of the same cell so the two lines differ', () => {
    const twoLstms = [profiles[1]!, { label: 'LSTM, 128 units, step 4,000', profile: falling(0.95) }];
    const { container } = render(<ConnectivityCompare profiles={twoLstms} width={640} />);
    const dashes = Array.from(container.querySelectorAll('path.line-series'), (line) =>
      line.getAttribute('stroke-dasharray'),
    );
    expect(dashes[0]).toBeNull();
    expect(dashes[1]).toBe('6 3');
  });

  it('offers every distance of every model as a table', async () => {
    const user = userEvent.setup();
    render(<ConnectivityCompare profiles={profiles} width={640} />);
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual(['Characters back (d)', ...profiles.map(({ label }) => label)]);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 30);
  });

  it('switches to a linear axis on request', async () => {
    const user = userEvent.setup();
    render(<ConnectivityCompare profiles={profiles} width={640} />);
    await user.click(screen.getByRole('radio', { name: 'Linear' }));
    expect(screen.queryByRole('img', { name: /log scale/ })).toBeNull();
    expect(screen.getByRole('img', { name: /^Line chart: mean influence/ })).toBeVisible();
  });

  it('says what to do before there is any profile', () => {
    render(<ConnectivityCompare profiles={[]} width={640} />);
    expect(screen.getByText(/^No connectivity profiles yet/)).toBeVisible();
    expect(compareNotice([])).toMatch(/^No profiles yet/);
  });
});
