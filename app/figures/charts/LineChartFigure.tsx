import { type ReactNode, useMemo } from 'react';
import { formatNumber, powerOfTenLabel } from '../../shared/format';
import { slug } from '../frame/exportFigure';
import { FigureFrame, type FigureTable } from '../frame/FigureFrame';
import type { FigureUpdate } from '../frame/FigureNotice';
import { fitPlotHeight, useFigureScale } from '../frame/figureScale';
import { Responsive } from '../frame/Responsive';
import { LinePlot, type LinePlotProps } from './LinePlot';
import { chartHeight } from './lineLayout';
import {
  chooseLogFloor,
  HUGE_RANGE,
  hugePositiveRange,
  type PlotSeries,
  type PreparedSeries,
  prepareSeries,
  xExtent,
  type YScaleType,
  yExtent,
} from './lineSeries';

/**
 * Hands a chart its width: the given one (tests, exports at a fixed size) or, when none is given,
 * the measured width of the figure's graphic area, so the chart fills a phone or a projector.
 */
export function AtWidth({ width, children }: { width?: number; children: (width: number) => ReactNode }) {
  return width !== undefined ? children(width) : <Responsive>{children}</Responsive>;
}

/** Where a chart will be once there is data: a message at the chart's height, never a blank box. */
export function EmptyPlot({ height, message }: { height: number; message: string }) {
  return (
    <div className="line-empty" style={{ minHeight: height }}>
      <p>{message}</p>
    </div>
  );
}

/** A line chart's series ready to draw, with the ranges its axes show (null when nothing can be drawn). */
export interface PreparedPlot {
  /** The axis drawn: log when linear was asked for but the values span more than a factor of 10⁶. */
  readonly scale: YScaleType;
  /** Set when the chart drew a log axis instead of the linear one asked for: the values' range. */
  readonly switchedToLog: readonly [number, number] | null;
  /** The log axis's floor: values at or below it are drawn on it. */
  readonly floor: number;
  readonly series: readonly PreparedSeries[];
  /** Null before there is any point. */
  readonly xDomain: [number, number] | null;
  /** Null when every value so far is NaN or infinite. */
  readonly yDomain: [number, number] | null;
  /** How many values in all were drawn at the floor. */
  readonly clamped: number;
}

/**
 * Cleans a chart's series for drawing (gaps for NaN and infinity, the log axis's floor) and finds the
 * axes' ranges; `threshold` stays in view even above or below every value.
 */
export function usePreparedPlot(
  series: readonly PlotSeries[],
  requested: YScaleType,
  { floor: explicitFloor, threshold = null }: { floor?: number; threshold?: number | null } = {},
): PreparedPlot {
  const switchedToLog = useMemo(
    () => (requested === 'linear' ? hugePositiveRange(series) : null),
    [requested, series],
  );
  const scale: YScaleType = switchedToLog ? 'log' : requested;
  const floor = useMemo(() => chooseLogFloor(series, explicitFloor), [series, explicitFloor]);
  const prepared = useMemo(
    () => series.map((one) => prepareSeries(one, scale, floor)),
    [series, scale, floor],
  );
  const xDomain = useMemo(() => xExtent(series), [series]);
  const yDomain = useMemo(
    () => yExtent(prepared, scale, threshold === null ? [] : [threshold]),
    [prepared, scale, threshold],
  );
  const clamped = prepared.reduce((sum, one) => sum + one.issues.clamped, 0);
  return { scale, switchedToLog, floor, series: prepared, xDomain, yDomain, clamped };
}

export interface LineChartFigureProps
  extends Omit<LinePlotProps, 'width' | 'height' | 'series' | 'xDomain' | 'yDomain' | 'scale'> {
  readonly plot: PreparedPlot;
  readonly title: string;
  readonly description: string;
  /** Shown on request; left out while the chart is empty. */
  readonly table: FigureTable;
  /** The exported file's name; the title's slug when absent. */
  readonly exportName?: string;
  readonly controls?: ReactNode;
  /** What to notice, and what the chart shows now (see FigureNotice), when a lesson places it. */
  readonly notice?: string;
  readonly update?: FigureUpdate;
  /** Width in CSS pixels; when absent the chart measures the space it has. */
  readonly width?: number;
  readonly height?: number;
  /** Shown instead of the chart before there is any point. */
  readonly emptyMessage: string;
  /** What is NaN or infinite when nothing can be drawn: "Nothing to draw: every {this} so far is…". */
  readonly nonFiniteWhat: string;
}

/**
 * The figure every line chart shares: the frame (title, caption, table, export), a width measured or
 * given, a message instead of an empty or all-NaN plot, and the plot itself.
 */
export function LineChartFigure({
  plot,
  title,
  description,
  table,
  exportName,
  controls,
  notice,
  update,
  width,
  height,
  emptyMessage,
  nonFiniteWhat,
  ...plotProps
}: LineChartFigureProps) {
  const { xDomain, yDomain } = plot;
  const figureScale = useFigureScale();
  return (
    <FigureFrame
      title={title}
      description={description}
      table={xDomain === null ? undefined : table}
      exportName={exportName ?? slug(title)}
      controls={controls}
      notice={notice}
      update={update}
    >
      <AtWidth width={width}>
        {(available) => {
          const plotHeight = fitPlotHeight(height ?? chartHeight(available), figureScale);
          if (xDomain === null) return <EmptyPlot height={plotHeight} message={emptyMessage} />;
          if (yDomain === null) {
            return (
              <EmptyPlot
                height={plotHeight}
                message={`Nothing to draw: every ${nonFiniteWhat} so far is NaN or infinite.`}
              />
            );
          }
          const plotted = (
            <LinePlot
              {...plotProps}
              width={available}
              height={plotHeight}
              series={plot.series}
              xDomain={xDomain}
              yDomain={yDomain}
              scale={plot.scale}
            />
          );
          if (!plot.switchedToLog) return plotted;
          return (
            <>
              <p className="line-note" role="note">
                {switchedToLogNote(plot.switchedToLog)}
              </p>
              {plotted}
            </>
          );
        }}
      </AtWidth>
    </FigureFrame>
  );
}

/** Why a linear chart shows a log axis: said above the plot, so the change is never silent. */
export function switchedToLogNote([low, high]: readonly [number, number]): string {
  return `Shown on a log axis: the values run from ${formatNumber(low)} to ${formatNumber(
    high,
  )}, more than a factor of ${powerOfTenLabel(Math.log10(HUGE_RANGE))}, which a linear axis would flatten to a line at zero.`;
}
