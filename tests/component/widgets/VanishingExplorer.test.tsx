import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VanishingExplorer } from '../../../app/widgets/VanishingExplorer';
import { cellCurve, scaledRnnCurve, VANISHING_SETUP } from '../../../app/widgets/vanishingCurves';

// The curves are measured in idle slices; on a loaded machine all six take well over a second.
const SLICES = { timeout: 15_000 };
const figure = () => screen.getByRole('figure', { name: 'How far back the gradient reaches' });
const strongLine = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-series="${id}"] path.line-series`)!;

describe('VanishingExplorer', () => {
  it('measures the selected W_hh scale first, then the others, drawn faint beside it', async () => {
    const { container } = render(
      <VanishingExplorer notice="Look at the figure." width={640} initialSeed={11} />,
    );
    expect(figure()).toBeVisible();
    // Nothing is computed during the first render: the page appears at once.
    expect(screen.getByText('Measuring how far back the gradient reaches…')).toBeVisible();
    await waitFor(
      () => expect(container.querySelectorAll('path.line-series').length).toBeGreaterThan(0),
      SLICES,
    );
    expect(container.querySelector('[data-series="scale-0.90"]')).not.toBeNull();
    await waitFor(() => expect(container.querySelectorAll('path.line-series')).toHaveLength(6), SLICES);
    expect(screen.getByRole('slider', { name: /Scale of W/ })).toHaveValue('0.9');
    expect(strongLine(container, 'scale-0.90')).toHaveAttribute('stroke-opacity', '1');
    expect(strongLine(container, 'scale-1.50')).toHaveAttribute('stroke-opacity', '0.5');
    expect(figure()).toHaveAccessibleDescription(/^For scale 0\.9, the gradient norm shrinks/);
  });

  it('moves the highlight and the caption with the slider: below 1 the gradient shrinks, above it grows', async () => {
    const { container } = render(<VanishingExplorer notice="Look at the figure." width={640} />);
    await waitFor(() => expect(container.querySelectorAll('path.line-series')).toHaveLength(6), SLICES);
    const slider = screen.getByRole('slider', { name: /Scale of W/ });
    fireEvent.change(slider, { target: { value: '1.5' } });
    expect(strongLine(container, 'scale-1.50')).toHaveAttribute('stroke-opacity', '1');
    expect(strongLine(container, 'scale-0.90')).toBeNull();
    expect(figure()).toHaveAccessibleDescription(/^For scale 1\.5, the gradient norm grows/);
    expect(screen.getByText(/the gradient grows by a factor of about 10 every/)).toBeVisible();

    fireEvent.change(slider, { target: { value: '0.5' } });
    expect(strongLine(container, 'scale-0.50')).toHaveAttribute('stroke-opacity', '1');
    expect(strongLine(container, 'scale-1.50')).toHaveAttribute('stroke-opacity', '0.5');
    expect(figure()).toHaveAccessibleDescription(/^For scale 0\.5, the gradient norm shrinks/);
  });

  it('compares RNN, LSTM and GRU at PyTorch’s default initialisation', async () => {
    const user = userEvent.setup();
    const { container } = render(<VanishingExplorer notice="Look at the figure." width={640} />);
    await user.click(screen.getByRole('radio', { name: 'RNN, LSTM and GRU' }));
    await waitFor(() => expect(container.querySelectorAll('path.line-series')).toHaveLength(4), SLICES);
    for (const id of ['rnn', 'lstm', 'gru', 'lstm-forget-bias'])
      expect(container.querySelector(`[data-series="${id}"]`)).not.toBeNull();
    expect(screen.queryByRole('slider')).not.toBeInTheDocument();
    expect(figure()).toHaveAccessibleDescription(
      /For RNN, .* For LSTM, .* For GRU, .* For LSTM, forget bias 1, /,
    );
  });

  it('draws new random weights on request, and says which seed it shows', async () => {
    const user = userEvent.setup();
    const { container } = render(<VanishingExplorer notice="Look at the figure." width={640} />);
    const lines = () => container.querySelectorAll('path.line-series').length;
    await waitFor(() => expect(lines()).toBe(6), SLICES);
    expect(screen.getByText(/seed 1\.$/)).toBeVisible();
    const before = figure().getAttribute('aria-describedby');
    const caption = () => document.getElementById(before!)!.textContent;
    const first = caption();
    await user.click(screen.getByRole('button', { name: 'New random weights' }));
    expect(screen.getByText(/seed 2\./)).toBeVisible();
    await waitFor(() => expect(lines()).toBe(6), SLICES);
    expect(caption()).not.toBe(first);
    expect(scaledRnnCurve(0.9, 2)).not.toEqual(scaledRnnCurve(0.9, 1));
  });

  it('measures ||dh_T/dh_t|| with the engine: √H at distance 0, falling for small scales, rising for large', () => {
    const { hiddenSize, steps } = VANISHING_SETUP;
    const small = scaledRnnCurve(0.5);
    const large = scaledRnnCurve(1.5);
    expect(small).toHaveLength(steps + 1);
    expect(small[0]).toBeCloseTo(Math.sqrt(hiddenSize), 12);
    expect(small[steps]!).toBeLessThan(1e-10);
    expect(large[steps]!).toBeGreaterThan(large[0]!);
    // A forget-gate bias of 1 keeps the LSTM's gradient alive further back than the default.
    expect(cellCurve('lstm', 1)[steps]!).toBeGreaterThan(cellCurve('lstm')[steps]!);
  });
});
