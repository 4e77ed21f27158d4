import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { summariseGradientCurve, VanishingChart } from '../../../app/figures/charts/VanishingChart';
import { vanishingByCell, vanishingByScale, vanishingExtremes } from '../fixtures/lines';
import { columnHeaders, showData } from './dataTable';

const geometric = (factor: number, length = 40) =>
  Array.from({ length }, (_, d) => Math.sqrt(32) * factor ** d);

describe('summariseGradientCurve', () => {
  it('says how many steps it takes a shrinking gradient to fall tenfold', () => {
    expect(summariseGradientCurve(geometric(0.5))?.phrase).toBe(
      'shrinks by a factor of about 10 every 3 steps',
    );
    expect(summariseGradientCurve(geometric(0.72))?.phrase).toBe(
      'shrinks by a factor of about 10 every 7 steps',
    );
  });

  it('says "grows" for an exploding gradient', () => {
    const trend = summariseGradientCurve(geometric(1.5));
    expect(trend?.direction).toBe('grows');
    expect(trend?.phrase).toBe('grows by a factor of about 10 every 6 steps');
  });

  it('gives the factor per step when the gradient changes more than tenfold each step', () => {
    expect(summariseGradientCurve(geometric(0.01))?.phrase).toBe(
      'shrinks by a factor of about 100 every step',
    );
  });

  it('calls a slow change slow and a flat curve level', () => {
    expect(summariseGradientCurve(geometric(0.98, 41))?.phrase).toBe(
      'shrinks slowly, by a factor of about 2.2 over 39 steps',
    );
    expect(summariseGradientCurve(geometric(1, 20))?.direction).toBe('level');
  });

  it('fits only finite, positive values and gives up with fewer than two', () => {
    expect(summariseGradientCurve([5.66, 0.5, 0.05, 0, Number.NaN, 0.00005])?.direction).toBe('shrinks');
    expect(summariseGradientCurve([5.66])).toBeNull();
    expect(summariseGradientCurve([0, Number.POSITIVE_INFINITY])).toBeNull();
  });
});

describe('VanishingChart', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const figure = (name = 'How far back the gradient reaches') => screen.getByRole('figure', { name });

  it('draws one log-scale curve per cell, each named at its end', () => {
    const { container } = render(<VanishingChart curves={vanishingByCell} width={640} />);
    expect(figure()).toBeVisible();
    expect(container.querySelectorAll('path.line-series')).toHaveLength(3);
    const graphic = screen.getByRole('img', { name: /log scale/ });
    for (const name of ['RNN', 'GRU', 'LSTM']) expect(within(graphic).getByText(name)).toBeVisible();
    expect(within(graphic).getByText('Steps back in time, T − t')).toBeVisible();
    // The y title writes ∂h_T with a real subscript.
    expect(graphic.querySelector('text.axis-title')?.textContent).toBe('Gradient norm ‖∂hT / ∂ht‖');
  });

  it('summarises each curve in the caption from a log-linear fit', () => {
    render(<VanishingChart curves={vanishingByCell} width={640} />);
    expect(figure()).toHaveAccessibleDescription(
      'For RNN, the gradient norm shrinks by a factor of about 10 every 7 steps: 5.66 at the last step, 1.81 × 10⁻⁸ at 60 steps back. ' +
        'For GRU, the gradient norm shrinks by a factor of about 10 every 51 steps: 5.66 at the last step, 0.349 at 60 steps back. ' +
        'For LSTM, the gradient norm shrinks slowly, by a factor of about 2.8 over 59 steps: 5.66 at the last step, 1.87 at 60 steps back.',
    );
  });

  it('draws the picked curve strongly and the others faint, and describes the picked one', () => {
    const { container } = render(
      <VanishingChart title="Scale of W_hh" curves={vanishingByScale} highlightId="scale-1.25" width={640} />,
    );
    const paths = [...container.querySelectorAll('path.line-series')];
    expect(paths).toHaveLength(5);
    expect(paths.filter((path) => path.getAttribute('stroke-opacity') === '1')).toHaveLength(1);
    expect(container.querySelector('[data-series="scale-1.25"] path.line-series')).toHaveAttribute(
      'stroke-opacity',
      '1',
    );
    expect(figure('Scale of W_hh')).toHaveAccessibleDescription(
      /^For scale 1\.25, the gradient norm grows .* Faint lines show the others for comparison: scale 0\.5, scale 0\.8, scale 1 and scale 1\.6\.$/,
    );
  });

  it('fades the highlight smoothly, unless the reader asked for reduced motion', () => {
    const first = render(<VanishingChart curves={vanishingByScale} highlightId="scale-1" width={640} />);
    expect(first.container.querySelector<SVGPathElement>('path.line-series')?.style.transition).toMatch(
      /stroke-opacity/,
    );
    first.unmount();
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    const { container } = render(
      <VanishingChart curves={vanishingByScale} highlightId="scale-1" width={640} />,
    );
    for (const path of container.querySelectorAll<SVGPathElement>('path.line-series')) {
      expect(path.style.transition).toBe('none');
    }
  });

  it('draws underflow to 0 on a labelled floor, leaves out infinity, and says both', () => {
    const { container } = render(<VanishingChart curves={vanishingExtremes} width={640} />);
    for (const path of container.querySelectorAll('path.line-series')) {
      expect(path.getAttribute('d')).not.toMatch(/NaN|Infinity/);
    }
    expect(screen.getByText('0 drawn here')).toBeVisible();
    expect(screen.getByText('infinite from here')).toBeVisible();
    const description = figure().getAttribute('aria-describedby')!;
    const caption = document.getElementById(description)!.textContent;
    expect(caption).toContain('It underflows to exactly 0 from 42 steps back.');
    expect(caption).toContain(
      'For RNN ×6, the gradient norm became infinite at 54 steps back; those 7 points are not drawn.',
    );
    expect(caption).toContain('On the log axis, 19 values of zero or less are drawn at the floor, 10⁻⁴⁵.');
  });

  it('lists the norms by distance for every curve after "Show data"', async () => {
    const user = userEvent.setup();
    render(<VanishingChart curves={vanishingByCell} width={640} />);
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual(['Steps back (T − t)', 'RNN', 'GRU', 'LSTM']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeLessThanOrEqual(50);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['0', '5.657', '5.657', '5.657']);
    expect(within(rows[rows.length - 1]!).getAllByRole('cell')[0]).toHaveTextContent('60');
  });

  it('shows a message, not an empty box, before there are any curves', () => {
    const { container } = render(<VanishingChart curves={[]} width={640} />);
    expect(
      screen.getByText('Run the backward pass to see how the gradient shrinks or grows with distance.'),
    ).toBeVisible();
    expect(container.querySelector('svg')).toBeNull();
  });
});
