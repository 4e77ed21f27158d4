import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GradientHeatmap } from '../../../app/figures/heatmaps/GradientHeatmap';
import { makeGradientHistory } from '../fixtures/gates';
import { columnHeaders, showData } from './dataTable';

const history = makeGradientHistory(300, 50);
// jsdom has no canvas: getContext gives null, and the figure must still render everything else.
let getContext: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => getContext.mockRestore());

describe('GradientHeatmap', () => {
  it('is a figure named by its title whose heatmap says what runs across and down', () => {
    render(<GradientHeatmap rows={history} width={800} />);
    expect(screen.getByRole('figure', { name: 'Gradient per time step over training' })).toBeVisible();
    expect(
      screen.getByRole('img', { name: 'Heatmap of ‖∂L/∂hₜ‖: 50 time steps across, 300 training steps down' }),
    ).toBeVisible();
  });

  it('draws nothing on the canvas but still shows axes and a log colour legend when there is no 2D context', () => {
    render(<GradientHeatmap rows={history} width={800} />);
    expect(getContext).toHaveBeenCalled();
    expect(screen.getByText('Time step t')).toBeVisible();
    expect(screen.getByText('Training step')).toBeVisible();
    expect(screen.getByText('‖∂L/∂hₜ‖ (log colour scale)')).toBeVisible();
    expect(screen.getByText('10⁻³')).toBeVisible();
  });

  it('says in its caption that the gradient profile flattens as training proceeds', () => {
    render(<GradientHeatmap rows={history} width={800} />);
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAccessibleDescription(
      expect.stringContaining('at 300 recorded training steps (0 to 299), colour on a log scale'),
    );
    expect(figure).toHaveAccessibleDescription(
      expect.stringMatching(
        /At training step 0 the gradient reaching time step 1 is 1\/[\d,]+ of the one at step 50/,
      ),
    );
    expect(figure).toHaveAccessibleDescription(
      expect.stringContaining('the profile flattens as training proceeds'),
    );
  });

  it('summarises 300 training steps as 60 evenly spaced table rows, first and last included', async () => {
    const user = userEvent.setup();
    render(<GradientHeatmap rows={history} width={800} />);
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual(['Training step', 't = 1', 't = 25', 't = 50', 'mean over t']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(60);
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveTextContent(/^0$/);
    expect(within(rows[59]!).getAllByRole('cell')[0]).toHaveTextContent(/^299$/);
  });

  it('notes cells with no finite value in the caption and the legend', () => {
    const rows = history.slice(0, 3).map((row, index) => ({
      step: row.step,
      norms:
        index === 1
          ? Float64Array.from(row.norms, (value, t) => (t === 4 ? Number.POSITIVE_INFINITY : value))
          : row.norms,
    }));
    render(<GradientHeatmap rows={rows} width={800} />);
    expect(screen.getByRole('figure')).toHaveAccessibleDescription(
      expect.stringContaining('1 cell had no finite value (grey).'),
    );
    expect(screen.getByText('no value')).toBeVisible();
  });

  it('reads out a cell chosen with the arrow keys', () => {
    render(<GradientHeatmap rows={history} width={800} />);
    const heatmap = screen.getByRole('img', { name: /Heatmap of/ });
    fireEvent.keyDown(heatmap, { key: 'ArrowDown' });
    fireEvent.keyDown(heatmap, { key: 'ArrowDown' });
    fireEvent.keyDown(heatmap, { key: 'End' });
    expect(screen.getByText(/^Training step 1, time step 50: ‖∂L\/∂hₜ‖ = /)).toBeVisible();
  });

  it('shows a friendly message before any training step is recorded', () => {
    render(<GradientHeatmap rows={[]} width={800} />);
    expect(screen.getByText(/Nothing recorded yet/)).toBeVisible();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
