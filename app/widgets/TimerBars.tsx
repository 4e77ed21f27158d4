import type { CellKind } from '../../engine/types';
import { formatCount } from '../figures/frame/figureText';
import { useChartFontSize } from '../figures/frame/hooks';
import { cellColors, cellLabels } from '../figures/frame/palette';
import { formatMs, msPerStep, STEP_TIMER_CELLS, type StepTiming, stepTimerParameters } from './stepTiming';
import '../figures/frame/basicFigures.css';

/** Each cell's summed timing, or 'failed' when one of its runs did not finish. */
export type Timings = Partial<Record<CellKind, StepTiming | 'failed'>>;

/** One bar per cell: milliseconds per step, with the recurrent layer's parameter count under it. */
export function TimerBars({
  width,
  timings,
  measuring,
}: {
  width: number;
  timings: Timings;
  measuring: CellKind | null;
}) {
  const values = STEP_TIMER_CELLS.map((cell) => {
    const timing = timings[cell];
    return timing && timing !== 'failed' ? msPerStep(timing) : 0;
  });
  const largest = Math.max(...values, 1e-9);
  // The rows' geometry grows with the type (12 px on a reading page, more on a projector).
  const type = useChartFontSize() / 12;
  const at = (pixels: number) => Math.round(pixels * type);
  const rowHeight = at(50);
  const labelWidth = at(52);
  const valueRoom = at(86);
  const barRoom = Math.max(40, width - labelWidth - valueRoom);
  const height = STEP_TIMER_CELLS.length * rowHeight;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Bar chart of milliseconds per training step for ${STEP_TIMER_CELLS.map((cell) => cellLabels[cell]).join(', ')}.`}
    >
      {STEP_TIMER_CELLS.map((cell, row) => {
        const timing = timings[cell];
        const value = values[row]!;
        const barWidth = value > 0 ? Math.max(2, (barRoom * value) / largest) : 0;
        const y = row * rowHeight;
        const note =
          timing === 'failed'
            ? 'the run did not finish'
            : timing
              ? ''
              : measuring === cell
                ? 'measuring…'
                : 'not measured yet';
        return (
          <g key={cell} data-cell={cell}>
            <text className="line-label" x={0} y={y + at(17)}>
              {cellLabels[cell]}
            </text>
            <rect
              className="figure-plot-bg"
              x={labelWidth}
              y={y + at(4)}
              width={barRoom}
              height={at(18)}
              rx={3}
            />
            {barWidth > 0 && (
              <rect
                x={labelWidth}
                y={y + at(4)}
                width={barWidth}
                height={at(18)}
                rx={3}
                fill={cellColors[cell]}
              />
            )}
            <text className="line-label" x={labelWidth + barWidth + 6} y={y + at(17)}>
              {value > 0 ? formatMs(value) : note}
            </text>
            <text className="chart-label figure-ink-muted" x={labelWidth} y={y + at(38)}>
              {formatCount(stepTimerParameters(cell))} parameters in the recurrent layer
            </text>
          </g>
        );
      })}
    </svg>
  );
}
