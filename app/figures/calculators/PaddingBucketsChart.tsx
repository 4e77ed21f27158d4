import type { ReactNode } from 'react';
import '../frame/basicFigures.css';
import { formatPercent } from '../../shared/format';
import { FigureFrame, type FigureTable } from '../frame/FigureFrame';
import type { NoticeSlot } from '../frame/FigureNotice';
import { formatCount } from '../frame/figureText';
import { Responsive } from '../frame/Responsive';
import { PaddingBucketsGraphic } from './PaddingBucketsGraphic';
import { comparePlans } from './paddingPlans';

export interface PaddingBucketsChartProps extends NoticeSlot {
  /** One length (time steps) per sequence, in the order they arrive. */
  readonly lengths: readonly number[];
  /** Sequences per batch (default: all of them in one batch). */
  readonly batchSize?: number;
  /** How many length buckets to group the sequences into (about equal counts per bucket). */
  readonly buckets: number;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
  readonly controls?: ReactNode;
}

/** What is wrong with the inputs, in words, or null. */
function problemWith(lengths: readonly number[], batchSize: number): string | null {
  if (lengths.length === 0) return 'No sequences yet: give the figure at least one sequence length.';
  if (lengths.some((length) => !Number.isInteger(length) || length < 1)) {
    return 'Every sequence length must be a whole number of steps, at least 1.';
  }
  if (!Number.isInteger(batchSize) || batchSize < 1)
    return 'The batch size must be a whole number, at least 1.';
  return null;
}

/**
 * (h) Padding vs bucketing on one batch of sequences: each grid has a row per sequence and a column per
 * step, real steps solid, padded steps hatched; the share of wasted steps is printed for both. Pure.
 */
export function PaddingBucketsChart({
  lengths,
  batchSize,
  buckets,
  width,
  controls,
  notice,
  update,
}: PaddingBucketsChartProps) {
  const size = batchSize ?? Math.max(1, lengths.length);
  const problem = problemWith(lengths, size);
  if (problem) {
    return (
      <FigureFrame
        title="Padding vs length buckets"
        description="Nothing is drawn yet."
        exportName="padding-vs-buckets"
        controls={controls}
        notice={notice}
        update={update}
      >
        <p className="figure-empty">{problem}</p>
      </FigureFrame>
    );
  }
  const comparison = comparePlans(lengths, size, buckets);
  const { padding, bucketing, bucketCount } = comparison;
  const bucketOf = new Map<number, number>();
  bucketing.batches.forEach((batch) => {
    for (const index of batch.indices) bucketOf.set(index, batch.steps);
  });
  const paddedTo = new Map<number, number>();
  padding.batches.forEach((batch) => {
    for (const index of batch.indices) paddedTo.set(index, batch.steps);
  });
  const bounds = comparison.boundaries
    .map((bound) => `≤ ${bound}`)
    .concat(comparison.boundaries.length ? ['longer'] : []);
  const description =
    `${lengths.length} sequences of ${Math.min(...lengths)} to ${Math.max(...lengths)} steps, ${size} per batch. ` +
    `Padding each batch to its longest sequence computes ${formatCount(padding.stats.totalSteps)} steps, ${formatCount(padding.stats.paddedSteps)} of them padding; ` +
    `grouped by length${bounds.length ? ` (buckets ${bounds.join(', ')})` : ''}, ${formatCount(bucketing.stats.paddedSteps)} of ${formatCount(bucketing.stats.totalSteps)} are. ` +
    `Padding wastes ${formatPercent(padding.stats.wasteShare)} of the steps; ${bucketCount} bucket${bucketCount === 1 ? '' : 's'} waste${bucketCount === 1 ? 's' : ''} ${formatPercent(bucketing.stats.wasteShare)}.`;
  const table: FigureTable = {
    caption: 'Each sequence: its length and the width of the batch it is padded to',
    columns: ['sequence', 'length', 'padded to (as they come)', 'padded to (buckets)'],
    rows: lengths.map((length, index) => [
      `#${index + 1}`,
      length,
      paddedTo.get(index) ?? '—',
      bucketOf.get(index) ?? '—',
    ]),
  };
  const graphic = (graphicWidth: number) => (
    <PaddingBucketsGraphic comparison={comparison} width={graphicWidth} lengths={lengths} />
  );
  return (
    <FigureFrame
      title="Padding vs length buckets"
      description={description}
      table={table}
      exportName="padding-vs-buckets"
      controls={controls}
      notice={notice}
      update={update}
    >
      {width !== undefined ? graphic(width) : <Responsive>{graphic}</Responsive>}
    </FigureFrame>
  );
}
