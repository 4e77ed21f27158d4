import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ParameterCalculator } from '../../../app/figures/calculators/ParameterCalculator';

const card = (name: RegExp) => screen.getByRole('listitem', { name });
const hiddenBox = () => screen.getByRole('spinbutton', { name: 'Hidden size H' });

function blockArea(container: HTMLElement, cell: string): number {
  let area = 0;
  for (const rect of container.querySelectorAll(`[data-cell-blocks="${cell}"] rect[data-block]`)) {
    area += Number(rect.getAttribute('width')) * Number(rect.getAttribute('height'));
  }
  return area;
}

describe('ParameterCalculator', () => {
  it('counts 1,344 for an RNN, 5,376 for an LSTM and 4,032 for a GRU at I = 8, H = 32', () => {
    render(
      <ParameterCalculator
        notice="Look at the figure."
        initialInputSize={8}
        initialHiddenSize={32}
        width={900}
      />,
    );
    expect(card(/^RNN: 1,344 parameters$/)).toHaveTextContent(
      '1 · H · (I + H + 2) = 1 · 32 · (8 + 32 + 2) = 1,344',
    );
    expect(card(/^LSTM: 5,376 parameters$/)).toHaveTextContent(
      '4 · H · (I + H + 2) = 4 · 32 · (8 + 32 + 2) = 5,376',
    );
    expect(card(/^GRU: 4,032 parameters$/)).toHaveTextContent(
      '3 · H · (I + H + 2) = 3 · 32 · (8 + 32 + 2) = 4,032',
    );
    expect(card(/^LSTM/)).toHaveTextContent('W_ih 1,024 + W_hh 4,096 + b_ih 128 + b_hh 128');
  });

  it('computes the GRU/LSTM ratio, 0.75 or 25% fewer, for whatever sizes are typed', async () => {
    const user = userEvent.setup();
    render(<ParameterCalculator notice="Look at the figure." width={900} />);
    expect(
      screen.getByText(/GRU \/ LSTM = 4,032 \/ 5,376 = 0\.75: the GRU has 25% fewer parameters/),
    ).toBeVisible();
    await user.clear(hiddenBox());
    await user.type(hiddenBox(), '7');
    expect(card(/^LSTM: 476 parameters$/)).toBeVisible();
    expect(screen.getByText(/GRU \/ LSTM = 357 \/ 476 = 0\.75: the GRU has 25% fewer/)).toBeVisible();
  });

  it('draws one strip per gate block, named in PyTorch’s order, each with W_ih, W_hh and two bias columns', () => {
    const { container } = render(<ParameterCalculator notice="Look at the figure." width={900} />);
    const gates = (cell: string) =>
      [...container.querySelectorAll(`[data-cell-blocks="${cell}"] [data-gate]`)].map((g) =>
        g.getAttribute('data-gate'),
      );
    expect(gates('rnn')).toEqual(['h']);
    expect(gates('lstm')).toEqual(['i', 'f', 'g', 'o']);
    expect(gates('gru')).toEqual(['r', 'z', 'n']);
    const firstStrip = container.querySelector('[data-cell-blocks="lstm"] [data-gate="i"]')!;
    expect([...firstStrip.querySelectorAll('rect')].map((rect) => rect.getAttribute('data-block'))).toEqual([
      'Wih',
      'Whh',
      'bih',
      'bhh',
    ]);
    for (const letter of ['i', 'f', 'g', 'o', 'r', 'z', 'n']) expect(screen.getByText(letter)).toBeVisible();
  });

  it('draws the blocks to one scale, so their areas compare like the counts', () => {
    const { container } = render(<ParameterCalculator notice="Look at the figure." width={900} />);
    const lstm = blockArea(container, 'lstm');
    expect(blockArea(container, 'gru') / lstm).toBeCloseTo(4032 / 5376, 6);
    expect(blockArea(container, 'rnn') / lstm).toBeCloseTo(1344 / 5376, 6);
    const firstStrip = container.querySelector('[data-cell-blocks="lstm"] [data-gate="i"]')!;
    const [Wih, Whh] = [...firstStrip.querySelectorAll('rect')].map((rect) =>
      Number(rect.getAttribute('width')),
    );
    expect(Whh! / Wih!).toBeCloseTo(32 / 8, 6);
  });

  it('explains a hidden size that is not a whole number from 1 to 4096 and keeps the last good one', () => {
    render(<ParameterCalculator notice="Look at the figure." width={900} />);
    for (const bad of ['0', '4097', '2.5', '-3', '']) {
      fireEvent.change(hiddenBox(), { target: { value: bad } });
      expect(screen.getByRole('status')).toHaveTextContent(
        'Hidden size must be a whole number from 1 to 4096. Still showing H = 32.',
      );
      expect(hiddenBox()).toHaveAttribute('aria-invalid', 'true');
      expect(card(/^LSTM: 5,376 parameters$/)).toBeVisible();
    }
    fireEvent.change(hiddenBox(), { target: { value: '4096' } });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(card(/^LSTM: 67,272,704 parameters$/)).toBeVisible();
  });

  it('follows the digits as they are typed, and names the last good size when the next one is too big', async () => {
    const user = userEvent.setup();
    render(<ParameterCalculator notice="Look at the figure." width={900} />);
    await user.clear(hiddenBox());
    await user.type(hiddenBox(), '4097');
    expect(screen.getByRole('status')).toHaveTextContent('Still showing H = 409.');
    expect(card(/^RNN: 171,371 parameters$/)).toBeVisible();
  });

  it('adds a dense head of O·(H + 1) parameters when an output size is given', async () => {
    const user = userEvent.setup();
    render(<ParameterCalculator notice="Look at the figure." width={900} />);
    await user.type(screen.getByRole('spinbutton', { name: 'Output size O' }), '10');
    expect(card(/^LSTM/)).toHaveTextContent('+ head O · (H + 1) = 10 · 33 = 330 → 5,706 in all');
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(/plus 330 in a dense head of 10 outputs/);
  });

  it('lists every count in the data table', async () => {
    const user = userEvent.setup();
    render(<ParameterCalculator notice="Look at the figure." width={900} />);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('LSTM4 (i, f, g, o)1,0244,0961281285,376');
  });
});
