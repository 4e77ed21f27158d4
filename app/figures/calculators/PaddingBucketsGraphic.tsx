import { useId } from 'react';
import type { BatchPlan } from '../../../engine/batching';
import { formatPercent } from '../../shared/format';
import { formatCount, svgId } from '../frame/figureText';
import { okabeIto } from '../frame/palette';
import type { PaddingComparison } from './paddingPlans';

const realColor = okabeIto.blue;
const padColor = okabeIto.vermillion;
const panelGap = 28;
const labelWidth = 30;
const headerHeight = 20;
const batchGap = 8;

interface PanelProps {
  plan: BatchPlan;
  title: string;
  x: number;
  width: number;
  longest: number;
  patternId: string;
  kind: 'padding' | 'bucketing';
}

function panelGeometry(width: number, longest: number) {
  const cell = Math.max(4, Math.min(18, (width - labelWidth - 4) / longest));
  return { cell, row: Math.max(9, Math.min(16, cell)) };
}

function panelHeight(plan: BatchPlan, width: number, longest: number): number {
  const { row } = panelGeometry(width, longest);
  const rows = plan.batches.reduce((sum, batch) => sum + batch.lengths.length, 0);
  return 40 + plan.batches.length * (headerHeight + batchGap) + rows * row;
}

function Panel({ plan, title, x, width, longest, patternId, kind }: PanelProps) {
  const { cell, row } = panelGeometry(width, longest);
  let y = 40;
  return (
    <g transform={`translate(${x},0)`} data-panel={kind}>
      <text className="axis-title" x={0} y={14}>
        {title}
      </text>
      <text className="chart-label figure-ink" x={0} y={31} data-waste={kind}>
        {formatPercent(plan.stats.wasteShare)} of {formatCount(plan.stats.totalSteps)} steps are padding
      </text>
      {plan.batches.map((batch, b) => {
        const top = y;
        y += headerHeight + batch.lengths.length * row + batchGap;
        const shortest = Math.min(...batch.lengths);
        const header =
          kind === 'padding'
            ? `batch ${b + 1}: ${batch.lengths.length} sequences, all padded to ${batch.steps}`
            : `lengths ${shortest === batch.steps ? batch.steps : `${shortest}–${batch.steps}`}: ${formatPercent(batch.stats.wasteShare)} padding`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: batches are positional
          <g key={b} data-batch={b}>
            <text className="chart-label" x={labelWidth} y={top + 13}>
              {header}
            </text>
            {batch.indices.map((sequence, r) => {
              const rowTop = top + headerHeight + r * row;
              return (
                <g key={sequence} data-sequence={sequence + 1}>
                  {row >= 13 && (
                    <text
                      className="chart-label"
                      x={labelWidth - 5}
                      y={rowTop + row - 3}
                      textAnchor="end"
                      fontSize={10}
                    >
                      #{sequence + 1}
                    </text>
                  )}
                  {Array.from({ length: batch.steps }, (_, t) => {
                    const real = t < batch.lengths[r]!;
                    return (
                      <rect
                        // biome-ignore lint/suspicious/noArrayIndexKey: time steps are positional
                        key={t}
                        data-step={real ? 'real' : 'padded'}
                        x={labelWidth + t * cell}
                        y={rowTop}
                        width={Math.max(1, cell - 1)}
                        height={row - 1}
                        fill={real ? realColor : `url(#${patternId})`}
                        stroke={real ? 'none' : padColor}
                        strokeWidth={real ? 0 : 0.6}
                      />
                    );
                  })}
                </g>
              );
            })}
          </g>
        );
      })}
    </g>
  );
}

/**
 * Both plans as grids, side by side when there is room (else one above the other): a row per sequence, a
 * cell per step, real steps solid blue, padded steps hatched with an outline (pattern, not colour alone).
 */
export function PaddingBucketsGraphic({
  comparison,
  width,
  lengths,
}: {
  comparison: PaddingComparison;
  width: number;
  lengths: readonly number[];
}) {
  const patternId = svgId(useId(), 'padding-hatch');
  const longest = Math.max(...lengths);
  const side = width >= 700;
  const panelWidth = side ? (width - panelGap) / 2 : width;
  const first = panelHeight(comparison.padding, panelWidth, longest);
  const second = panelHeight(comparison.bucketing, panelWidth, longest);
  const legendTop = side ? Math.max(first, second) + 6 : first + second + 18;
  const narrowLegend = width < 420;
  const height = legendTop + (narrowLegend ? 46 : 26);
  const bucketTitle = `Grouped into ${comparison.bucketCount} length bucket${comparison.bucketCount === 1 ? '' : 's'}`;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label="Two grids of sequences: padded as they come, and grouped by length"
    >
      <defs>
        <pattern
          id={patternId}
          width={5}
          height={5}
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width={5} height={5} fill="#fbe4d5" />
          <line x1={0} y1={0} x2={0} y2={5} stroke={padColor} strokeWidth={2} />
        </pattern>
      </defs>
      <Panel
        plan={comparison.padding}
        title="Padded as they come"
        x={0}
        width={panelWidth}
        longest={longest}
        patternId={patternId}
        kind="padding"
      />
      <g transform={`translate(0,${side ? 0 : first + 12})`}>
        <Panel
          plan={comparison.bucketing}
          title={bucketTitle}
          x={side ? panelWidth + panelGap : 0}
          width={panelWidth}
          longest={longest}
          patternId={patternId}
          kind="bucketing"
        />
      </g>
      <g transform={`translate(${labelWidth},${legendTop})`}>
        <rect width={14} height={12} fill={realColor} />
        <text className="chart-label" x={20} y={11}>
          real step
        </text>
        <rect
          x={narrowLegend ? 0 : 100}
          y={narrowLegend ? 20 : 0}
          width={14}
          height={12}
          fill={`url(#${patternId})`}
          stroke={padColor}
          strokeWidth={0.6}
        />
        <text className="chart-label" x={narrowLegend ? 20 : 120} y={narrowLegend ? 31 : 11}>
          padding (computed, then masked out)
        </text>
      </g>
    </svg>
  );
}
