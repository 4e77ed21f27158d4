import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PaddingBuckets, PaddingBucketsChart } from '../../../app/figures/calculators/PaddingBuckets';

const figure = () => screen.getByRole('figure', { name: 'Padding vs length buckets' });

function cells(container: HTMLElement, panel: 'padding' | 'bucketing', kind: 'real' | 'padded') {
  return container.querySelectorAll(`[data-panel="${panel}"] [data-step="${kind}"]`);
}

function wastePercent(container: HTMLElement, panel: 'padding' | 'bucketing'): number {
  const text = container.querySelector(`[data-waste="${panel}"]`)!.textContent!;
  return Number(/^(\d+)%/.exec(text)![1]);
}

describe('PaddingBuckets', () => {
  it('prints the wasted share of a known batch: padding 38%, two buckets 17%', () => {
    const { container } = render(<PaddingBucketsChart lengths={[2, 4, 6, 8]} buckets={2} width={900} />);
    expect(screen.getByText('38% of 32 steps are padding')).toBeVisible();
    expect(screen.getByText('17% of 24 steps are padding')).toBeVisible();
    expect(figure()).toHaveAccessibleDescription(/Padding wastes 38% of the steps; 2 buckets waste 17%\./);
    expect(figure()).toHaveAccessibleDescription(/buckets ≤ 4, longer/);
    expect(wastePercent(container, 'bucketing')).toBeLessThanOrEqual(wastePercent(container, 'padding'));
  });

  it('draws a row per sequence and a cell per step, padded steps apart from real ones', () => {
    const { container } = render(<PaddingBucketsChart lengths={[2, 4, 6, 8]} buckets={2} width={900} />);
    expect(container.querySelectorAll('[data-panel="padding"] [data-sequence]')).toHaveLength(4);
    expect(cells(container, 'padding', 'real')).toHaveLength(20);
    expect(cells(container, 'padding', 'padded')).toHaveLength(12);
    expect(cells(container, 'bucketing', 'real')).toHaveLength(20);
    expect(cells(container, 'bucketing', 'padded')).toHaveLength(4);
    expect(screen.getByText('lengths 2–4: 25% padding')).toBeVisible();
    expect(screen.getByText('lengths 6–8: 13% padding')).toBeVisible();
  });

  it('marks padding with a hatch pattern and an outline, not colour alone', () => {
    const { container } = render(<PaddingBucketsChart lengths={[3, 5]} buckets={1} width={900} />);
    const padded = cells(container, 'padding', 'padded')[0]!;
    expect(padded.getAttribute('fill')).toMatch(/^url\(#padding-hatch-/);
    expect(padded.getAttribute('stroke')).not.toBe('none');
    expect(container.querySelector('pattern line')).not.toBeNull();
    expect(screen.getByText('padding (computed, then masked out)')).toBeVisible();
  });

  it('never wastes more with buckets than with plain padding, for every bucket count', () => {
    const { container } = render(<PaddingBuckets notice="Look at the figure." width={900} />);
    const slider = screen.getByRole('slider', { name: 'Buckets' });
    let previous = Number.POSITIVE_INFINITY;
    for (let buckets = 1; buckets <= 8; buckets++) {
      fireEvent.change(slider, { target: { value: String(buckets) } });
      const bucketing = wastePercent(container, 'bucketing');
      expect(bucketing).toBeLessThanOrEqual(wastePercent(container, 'padding'));
      if (buckets === 1) expect(bucketing).toBe(wastePercent(container, 'padding'));
      expect(bucketing).toBeLessThanOrEqual(previous + 1);
      previous = bucketing;
    }
  });

  it('cuts batches of the given size and pads each to its own longest sequence', () => {
    render(<PaddingBucketsChart lengths={[2, 9, 3, 4]} batchSize={2} buckets={1} width={900} />);
    expect(screen.getByText('batch 1: 2 sequences, all padded to 9')).toBeVisible();
    expect(screen.getByText('batch 2: 2 sequences, all padded to 4')).toBeVisible();
  });

  it('draws a new batch on request, and the same seed always gives the same batch', async () => {
    const user = userEvent.setup();
    const first = render(<PaddingBuckets notice="Look at the figure." initialSeed={3} width={900} />);
    const captionOfSeed3 = figure().textContent;
    await user.click(screen.getByRole('button', { name: 'New batch' }));
    expect(screen.getByText('batch #2 (seed 4)')).toBeVisible();
    const captionAfter = figure().textContent;
    expect(captionAfter).not.toBe(captionOfSeed3);
    first.unmount();
    render(<PaddingBuckets notice="Look at the figure." initialSeed={4} width={900} />);
    expect(figure().textContent?.replace(/batch #1/g, 'batch #2')).toBe(captionAfter);
  });

  it('lists each sequence with the width it is padded to, in both plans', async () => {
    const user = userEvent.setup();
    render(<PaddingBucketsChart lengths={[2, 4, 6, 8]} buckets={2} width={900} />);
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(5);
    expect(rows[1]).toHaveTextContent('#1284');
  });

  it('says so in words when there are no sequences or a length is not a whole number', () => {
    const { unmount } = render(<PaddingBucketsChart lengths={[]} buckets={2} width={900} />);
    expect(screen.getByText(/No sequences yet/)).toBeVisible();
    unmount();
    render(<PaddingBucketsChart lengths={[3, Number.NaN]} buckets={2} width={900} />);
    expect(screen.getByText(/Every sequence length must be a whole number/)).toBeVisible();
  });
});
