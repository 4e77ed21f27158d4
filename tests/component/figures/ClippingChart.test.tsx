import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { type ClipPoint, ClippingChart } from '../../../app/figures/charts/ClippingChart';
import {
  gradientNorms,
  gradientNormsDiverging,
  gradientNormsUnclipped,
  longGradientNorms,
} from '../fixtures/lines';
import { columnHeaders, showData } from './dataTable';

const figure = () => screen.getByRole('figure', { name: 'Gradient norm and clipping' });
const clipMarks = (container: HTMLElement) => container.querySelectorAll('.clip-mark');

describe('ClippingChart', () => {
  it('draws the gradient norm as one line on a log axis under an accessible title', () => {
    const { container } = render(<ClippingChart points={gradientNorms} threshold={1} width={640} />);
    expect(figure()).toBeVisible();
    expect(container.querySelectorAll('path.line-series')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /gradient norm before clipping.*log scale/ })).toBeVisible();
    expect(screen.getByText('Gradient norm before clipping')).toBeVisible();
  });

  it('marks every step where clipping fired, one tick each', () => {
    const { container } = render(<ClippingChart points={gradientNorms} threshold={1} width={640} />);
    const clipped = gradientNorms.filter((point) => point.clipped).length;
    expect(clipped).toBe(25);
    expect(clipMarks(container)).toHaveLength(clipped);
    expect(screen.getByText('clipped step')).toBeVisible();
  });

  it('labels the threshold line and counts clipped steps and their share in the caption', () => {
    render(<ClippingChart points={gradientNorms} threshold={1} width={640} />);
    expect(screen.getByText('clip threshold 1')).toBeVisible();
    expect(figure()).toHaveAccessibleDescription(
      'Clipping at 1 fired on 25 of 300 steps (8%), most recently at step 259. Before clipping the gradient norm ranged from 0.0775 to 10.8 (at step 55); its median was 0.343.',
    );
  });

  it('draws no threshold and says there is no clipping when the threshold is null', () => {
    const { container } = render(
      <ClippingChart points={gradientNormsUnclipped} threshold={null} width={640} />,
    );
    expect(screen.queryByText(/clip threshold/)).not.toBeInTheDocument();
    expect(clipMarks(container)).toHaveLength(0);
    expect(figure()).toHaveAccessibleDescription(
      /^No clipping: there is no threshold, so every step uses its full gradient\./,
    );
  });

  it('asks the learner to train instead of drawing an empty box', () => {
    const { container } = render(<ClippingChart points={[]} threshold={1} width={640} />);
    expect(screen.getByText('Press Train to see the gradient norm at every step.')).toBeVisible();
    expect(container.querySelector('svg')).toBeNull();
    expect(figure()).toHaveAccessibleDescription(
      'No training steps yet, so there is no gradient norm to show.',
    );
  });

  it('leaves out NaN and infinite norms, marks where they begin and says so', () => {
    const { container } = render(<ClippingChart points={gradientNormsDiverging} threshold={1} width={640} />);
    expect(container.querySelector('path.line-series')?.getAttribute('d')).not.toMatch(/NaN|Infinity/);
    expect(screen.getByText('not finite from here')).toBeVisible();
    expect(figure()).toHaveAccessibleDescription(
      /The gradient norm became NaN or infinite at step 281; those 20 points are not drawn\./,
    );
  });

  it('draws a zero norm at a labelled floor of the log axis and says so', () => {
    const points: ClipPoint[] = [
      { step: 1, normBefore: 2, clipped: true },
      { step: 2, normBefore: 0.5, clipped: false },
      { step: 3, normBefore: 0, clipped: false },
      { step: 4, normBefore: 0.4, clipped: false },
    ];
    render(<ClippingChart points={points} threshold={1} width={640} />);
    expect(screen.getByText('≤ 0 drawn here')).toBeVisible();
    expect(figure()).toHaveAccessibleDescription(
      /Clipping at 1 fired on 1 of 4 steps \(25%\), most recently at step 1\..*On the log axis, 1 value of zero or less is drawn at the floor, 0\.01\./,
    );
  });

  it('shows at most 50 rows of step, norm and whether it clipped after "Show data"', async () => {
    const user = userEvent.setup();
    render(<ClippingChart points={longGradientNorms} threshold={1} width={640} />);
    const table = await showData(user);
    expect(columnHeaders(table)).toEqual(['Step', 'Norm before clipping', 'Clipped']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeLessThanOrEqual(50);
    expect(within(rows[rows.length - 1]!).getAllByRole('cell')[0]).toHaveTextContent('2,000');
    expect(table).toHaveTextContent(/yes/);
  });
});
