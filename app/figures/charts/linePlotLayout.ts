/**
 * Where everything of a line plot goes before anything is drawn: the rows for the title and key, the
 * margins the tick labels and line-end labels need, the scales and their ticks.
 */
import { scaleLinear, scaleLog } from 'd3';
import { textWidth } from '../frame/textMeasure';
import { linearTickFormat, logTickFormat, logTickValues, stepTickFormat } from '../frame/ticks';
import type { PreparedSeries, YScaleType } from './lineSeries';

/** An entry of the key drawn above the plot (what solid and dashed mean, what a tick marks). */
export interface KeyItem {
  readonly label: string;
  readonly kind: 'line' | 'tick';
  readonly dash?: string;
  /** A literal colour; theme ink when absent. */
  readonly color?: string;
}

export const keyGlyphWidth = 22;
export const keyGap = 14;
/** A line's label: a gap, a short swatch of the line's stroke (colour and dash), a gap, the text. */
export const swatchLength = 12;
export const labelChrome = 4 + swatchLength + 4 + 2;

export interface LinePlotLayoutInput {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly yLabel: string;
  readonly keyItems: readonly KeyItem[];
  readonly bottomBand: number;
  readonly scale: YScaleType;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly directLabels: boolean;
  readonly series: readonly PreparedSeries[];
}

export type LinePlotLayout = ReturnType<typeof linePlotLayout>;

export function linePlotLayout(input: LinePlotLayoutInput) {
  const { width, height, fontSize, yLabel, keyItems, bottomBand, scale, xDomain, yDomain } = input;
  const rowHeight = Math.round(fontSize * 1.65);
  const titleWidth = textWidth(yLabel, fontSize * 1.05, true);
  const keyWidths = keyItems.map((item) => keyGlyphWidth + 5 + textWidth(item.label, fontSize));
  const keyWidth = keyWidths.reduce((sum, each) => sum + each, 0) + keyGap * Math.max(0, keyItems.length - 1);
  const keyOnOwnRow = keyItems.length > 0 && titleWidth + 20 + keyWidth > width;
  const top = rowHeight * (keyOnOwnRow ? 2 : 1) + Math.round(fontSize * 0.6);
  const bottom = Math.round(fontSize * 3.1 + 10);
  const innerHeight = Math.max(60, height - top - bottom);
  const bandTop = innerHeight - bottomBand;

  // Log ticks are powers of ten (short labels), so they may sit closer together.
  const tickSpacing = fontSize * (scale === 'log' ? 2.6 : 3.4);
  const yTickCount = Math.min(8, Math.max(2, Math.floor(bandTop / tickSpacing)));
  const y =
    scale === 'log'
      ? scaleLog().domain([yDomain[0], yDomain[1]]).range([bandTop, 0])
      : scaleLinear().domain([yDomain[0], yDomain[1]]).nice(yTickCount).range([bandTop, 0]);
  const [yLow, yHigh] = y.domain() as [number, number];
  const yTicks = scale === 'log' ? logTickValues(yLow, yHigh, yTickCount) : y.ticks(yTickCount);
  const yFormat =
    scale === 'log' ? logTickFormat(yLow, yHigh, { every: true }) : linearTickFormat(yHigh, yLow);
  const left = Math.ceil(
    Math.max(fontSize * 2, ...yTicks.map((tick) => textWidth(yFormat(tick), fontSize))) + 11,
  );

  const xFormat = stepTickFormat(xDomain[1]);
  const lastXLabelHalf = textWidth(xFormat(xDomain[1]), fontSize) / 2 + 2;
  const labelled = input.directLabels ? input.series.filter((one) => one.end !== null) : [];
  const widest = (pick: (one: PreparedSeries) => string) =>
    Math.max(0, ...labelled.map((one) => textWidth(pick(one), fontSize, true)));
  const maxRight = width * 0.3;
  const fullWidth = widest((one) => one.label) + labelChrome;
  const labelWidth =
    fullWidth <= maxRight ? fullWidth : widest((one) => one.shortLabel ?? one.label) + labelChrome;
  const right = Math.ceil(labelled.length > 0 ? Math.min(labelWidth, maxRight) : Math.max(lastXLabelHalf, 8));
  const innerWidth = Math.max(60, width - left - right);
  const x = scaleLinear().domain([xDomain[0], xDomain[1]]).range([0, innerWidth]);
  const xLabelWidth = Math.max(
    textWidth(xFormat(xDomain[0]), fontSize),
    textWidth(xFormat(xDomain[1]), fontSize),
  );
  const xTickCount = Math.min(10, Math.max(2, Math.floor(innerWidth / (xLabelWidth + fontSize * 3.5))));
  const xTicks = x.ticks(xTickCount).filter((tick) => Number.isInteger(tick));

  return {
    rowHeight,
    keyWidths,
    keyWidth,
    keyOnOwnRow,
    top,
    left,
    right,
    innerWidth,
    innerHeight,
    bandTop,
    x,
    y,
    yTicks,
    yFormat,
    xTicks,
    xFormat,
  };
}
