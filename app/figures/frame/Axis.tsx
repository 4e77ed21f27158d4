import { type AxisScale, axisBottom, axisLeft, select } from 'd3';
import { useEffect, useRef } from 'react';

export interface AxisProps {
  readonly scale: AxisScale<number>;
  readonly orient: 'bottom' | 'left';
  /** Where the axis sits, in the chart's coordinates. */
  readonly x?: number;
  readonly y?: number;
  readonly ticks?: number;
  /** Exactly these ticks (e.g. whole time steps, thinned to fit), instead of `ticks` chosen by D3. */
  readonly tickValues?: readonly number[];
  readonly format?: (value: number) => string;
  /** Draws light grid lines of this length across the plot. */
  readonly gridLength?: number;
}

/**
 * An axis drawn by d3-axis into a React-owned <g>: the one place figures hand D3 a DOM node,
 * as the house style allows for axes.
 */
export function Axis({ scale, orient, x = 0, y = 0, ticks = 5, tickValues, format, gridLength }: AxisProps) {
  const ref = useRef<SVGGElement>(null);
  const drawn = useRef('');
  useEffect(() => {
    if (!ref.current) return;
    // Live charts hand a new scale object on every redraw; d3 rewrites every tick even when nothing
    // moved, so skip the redraw when the ticks' places and labels are what is already drawn.
    const signature = axisSignature(scale, orient, ticks, tickValues, format, gridLength);
    if (signature === drawn.current) return;
    drawn.current = signature;
    const make = orient === 'bottom' ? axisBottom(scale) : axisLeft(scale);
    make.ticks(ticks).tickSizeOuter(0);
    if (tickValues) make.tickValues(tickValues);
    if (format) make.tickFormat((value) => format(Number(value)));
    const group = select(ref.current);
    group.call(make);
    group.selectAll('.tick line.gridline').remove();
    if (gridLength) {
      group
        .selectAll('.tick')
        .append('line')
        .attr('class', 'gridline')
        .attr(orient === 'bottom' ? 'y2' : 'x2', orient === 'bottom' ? -gridLength : gridLength)
        .attr('stroke-opacity', 0.6);
    }
    group.attr('font-family', null).attr('font-size', null);
  }, [scale, orient, ticks, tickValues, format, gridLength]);
  // Axes are decoration for sighted readers; each figure's caption and data table carry the numbers.
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable
  return <g ref={ref} className="axis" transform={`translate(${x},${y})`} aria-hidden="true" />;
}

/** What an axis draws, as text: equal signatures draw the same ticks at the same places. */
function axisSignature(
  scale: AxisScale<number>,
  orient: string,
  ticks: number,
  tickValues: readonly number[] | undefined,
  format: ((value: number) => string) | undefined,
  gridLength: number | undefined,
): string {
  const withTicks = scale as AxisScale<number> & { ticks?: (count: number) => number[] };
  const values = tickValues ?? withTicks.ticks?.(ticks) ?? scale.domain();
  const labels = format ? values.map((value) => format(value)).join('|') : '';
  return [
    orient,
    scale.domain().join(','),
    scale.range().join(','),
    ticks,
    values.join(','),
    labels,
    gridLength ?? '',
  ].join(';');
}
