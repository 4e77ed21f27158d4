import { formatNumber } from '../../shared/format';
import { okabeIto } from '../frame/palette';
import { gradientBlock, type UnrolledLayout } from './unrolledLayout';
import '../frame/basicFigures.css';

interface GradientProps {
  readonly layout: UnrolledLayout;
  /** x of column t's centre (t = 0 is h₀). */
  readonly centre: (t: number) => number;
  /** [T] ||dL/dh_t||. */
  readonly norms: readonly number[];
  readonly reducedMotion: boolean;
}

/** Bars and arrows appear from the last step backwards, as the backward pass runs; at once if motion is reduced. */
const delayFor = (t: number, T: number, reducedMotion: boolean) => `${reducedMotion ? 0 : (T - t) * 90}ms`;

function largest(norms: readonly number[]): number {
  return Math.max(1e-12, ...norms.filter(Number.isFinite));
}

/**
 * The band above the columns: one bar per step, height ∝ ||dL/dh_t|| with its value; before the forward
 * pass is complete, a line saying the backward pass comes after it.
 */
export function UnrolledGradientBars({
  layout,
  centre,
  norms,
  reducedMotion,
  left,
  complete,
}: GradientProps & { readonly left: number; readonly complete: boolean }) {
  const T = norms.length;
  if (!complete) {
    return (
      <text x={left} y={layout.gradientTop + 34} className="chart-label" data-gradient-waiting="">
        <tspan>The backward pass starts after the last step:</tspan>
        <tspan x={left} dy={17}>
          go forward to t = {T} to see the gradient.
        </tspan>
      </text>
    );
  }
  const top = largest(norms);
  const barBottom = layout.gradientTop + gradientBlock - 10;
  const barWidth = Math.min(layout.cellWidth, layout.wide ? 34 : 26);
  return (
    <g className="unrolled-gradient">
      <text x={left} y={layout.gradientTop + 12} className="chart-label">
        gradient flowing back, ‖dL/dh
        <tspan dy={3} fontSize="0.78em">
          t
        </tspan>
        <tspan dy={-3}>‖</tspan>
      </text>
      {norms.map((norm, index) => {
        const t = index + 1;
        const finite = Number.isFinite(norm);
        const barHeight = finite ? Math.max(1, (40 * norm) / top) : 0;
        return (
          <g key={t} data-gradient-step={t}>
            <rect
              className="unrolled-gradient-bar"
              x={centre(t) - barWidth / 2}
              y={barBottom - barHeight}
              width={barWidth}
              height={barHeight}
              fill={okabeIto.vermillion}
              fillOpacity={0.35 + 0.65 * (finite ? norm / top : 0)}
              style={{ animationDelay: delayFor(t, T, reducedMotion) }}
            />
            <text x={centre(t)} y={barBottom - barHeight - 4} textAnchor="middle" className="chart-label">
              {finite ? formatNumber(norm, 2) : 'not finite'}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Arrows h_t → h_{t−1} along the bottom row, thickness and opacity ∝ ||dL/dh_t||. */
export function BackwardArrows({
  layout,
  centre,
  norms,
  reducedMotion,
  markerId,
}: GradientProps & { readonly markerId: string }) {
  const T = norms.length;
  const top = largest(norms);
  const y = layout.hiddenBottom - layout.cellHeight / 2;
  return (
    <g className="unrolled-backward">
      {norms.map((norm, index) => {
        const t = index + 1;
        if (!Number.isFinite(norm)) return null;
        return (
          <line
            key={t}
            className="unrolled-gradient-arrow"
            x1={centre(t) - layout.cellWidth / 2 - 2}
            x2={centre(t - 1) + layout.cellWidth / 2 + 3}
            y1={y}
            y2={y}
            stroke={okabeIto.vermillion}
            strokeWidth={1.5 + (6 * norm) / top}
            strokeOpacity={0.35 + (0.65 * norm) / top}
            markerEnd={`url(#${markerId})`}
            style={{ animationDelay: delayFor(t, T, reducedMotion) }}
          />
        );
      })}
    </g>
  );
}
