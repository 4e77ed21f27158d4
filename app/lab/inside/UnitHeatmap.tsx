import { type KeyboardEvent, memo, type PointerEvent, useMemo, useRef } from 'react';
import type { TraceValues } from '../../../engine/lab/trace';
import { FigureFrame } from '../../figures/frame/FigureFrame';
import { formatFixed } from '../../figures/frame/figureText';
import { Responsive } from '../../figures/frame/Responsive';
import { ScrollRegion } from '../../figures/frame/ScrollRegion';
import { useGridCursor } from '../../figures/frame/useGridCursor';
import { AxisLabels, HeatmapCanvas } from './HeatmapLayers';
import { type UnitSummary, unitTable } from './unitHeatmapData';
import { quoteCharacter, type UnitScale } from './unitScale';
import '../../figures/frame/gateFigures.css';

export interface UnitHeatmapProps {
  /** The series [T][H] of one layer and kind. */
  readonly series: TraceValues;
  /** Each unit's summary over the passage (seriesStats). */
  readonly summaries: readonly UnitSummary[];
  readonly characters: readonly string[];
  readonly hiddenSize: number;
  readonly scale: UnitScale;
  /** "hidden state h of layer 1 of 2": the series in words. */
  readonly seriesLabel: string;
  /** The unit colouring the text (counted from 0), outlined here. */
  readonly unit: number;
  readonly onUnit: (unit: number) => void;
  /** Width in CSS pixels; measured when absent. */
  readonly width?: number;
}

const gutter = 44;
const labelsHeight = 18;

/** Every unit of a series over the passage on a canvas: units as rows, characters as columns. */
export const UnitHeatmap = memo(function UnitHeatmap(props: UnitHeatmapProps) {
  const { series, summaries, characters, hiddenSize: H, scale, seriesLabel, unit, onUnit, width } = props;
  const T = characters.length;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { cursor, setCursor, onKeyDown: moveCursor } = useGridCursor(H, T);
  const table = useMemo(
    () => unitTable(summaries, characters, seriesLabel),
    [summaries, characters, seriesLabel],
  );
  const rowHeight = Math.min(16, Math.max(2, Math.round(320 / H)));
  const plotHeight = rowHeight * H;

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && cursor) {
      event.preventDefault();
      onUnit(cursor.row);
    } else moveCursor(event);
  };
  const readout = cursor
    ? `Unit ${cursor.row + 1}, after character ${cursor.column + 1} ${quoteCharacter(characters[cursor.column])}: ${formatFixed(series[cursor.column * H + cursor.row]!)}. Click (or press Enter) to colour the text by this unit.`
    : 'Point at the heatmap, or focus it and use the arrow keys, to read a value; click a row (or press Enter) to colour the text by that unit.';
  const widest = summaries.reduce((best, one) => (one.max - one.min > best.max - best.min ? one : best));

  const graphic = (available: number) => {
    const cellWidth = T * 10 <= available - gutter ? Math.min(24, Math.floor((available - gutter) / T)) : 10;
    const plotWidth = cellWidth * T;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: keys reach it from the focusable scroll region inside
      <div className="inside-heatmap" onKeyDown={onKeyDown}>
        <svg
          className="inside-heatmap-gutter"
          width={gutter}
          height={plotHeight + labelsHeight}
          aria-hidden="true"
        >
          {[0, unit, H - 1]
            .filter((row, index, rows) => rows.indexOf(row) === index)
            .map((row) => (
              <text
                key={row}
                x={gutter - 6}
                y={(row + 0.5) * rowHeight}
                textAnchor="end"
                dominantBaseline="central"
              >
                {row + 1}
              </text>
            ))}
        </svg>
        <div className="inside-heatmap-scroll">
          <ScrollRegion
            label={`Heatmap of ${H} units over ${T} characters; scrolls sideways`}
            focusX={cursor ? (cursor.column + 0.5) * cellWidth : undefined}
          >
            <div
              className="inside-heatmap-stack"
              style={{ width: plotWidth, height: plotHeight + labelsHeight }}
            >
              <HeatmapCanvas
                canvasRef={canvasRef}
                series={series}
                scale={scale}
                columns={T}
                rows={H}
                width={plotWidth}
                height={plotHeight}
              />
              <svg
                className="inside-heatmap-overlay"
                width={plotWidth}
                height={plotHeight}
                role="img"
                aria-label={`Heatmap of ${seriesLabel}: ${H} units (rows) over ${T} characters (columns); unit ${unit + 1} is outlined`}
                onPointerMove={(event: PointerEvent<SVGSVGElement>) => {
                  const box = event.currentTarget.getBoundingClientRect();
                  const column = Math.floor((event.clientX - box.left) / cellWidth);
                  const row = Math.floor((event.clientY - box.top) / rowHeight);
                  if (column >= 0 && column < T && row >= 0 && row < H) setCursor({ row, column });
                }}
                onPointerDown={(event: PointerEvent<SVGSVGElement>) => {
                  const box = event.currentTarget.getBoundingClientRect();
                  const row = Math.floor((event.clientY - box.top) / rowHeight);
                  if (row >= 0 && row < H) onUnit(row);
                }}
              >
                <rect
                  className="inside-heatmap-unit"
                  x={0}
                  y={unit * rowHeight}
                  width={plotWidth}
                  height={rowHeight}
                />
                {cursor && (
                  <rect
                    className="heatmap-cursor"
                    x={cursor.column * cellWidth}
                    y={cursor.row * rowHeight}
                    width={cellWidth}
                    height={rowHeight}
                  />
                )}
              </svg>
              <AxisLabels
                characters={characters}
                cellWidth={cellWidth}
                top={plotHeight}
                height={labelsHeight}
              />
            </div>
          </ScrollRegion>
        </div>
      </div>
    );
  };

  return (
    <FigureFrame
      title="All units over the passage"
      description={`${seriesLabel}: ${H} units (rows) after each of ${T} characters (columns, labelled under the map). Unit ${unit + 1}, outlined, colours the text above. Unit ${widest.unit + 1} varies the most, from ${formatFixed(widest.min)} to ${formatFixed(widest.max)}.`}
      table={table}
      exportName="units-over-passage"
    >
      {width !== undefined ? graphic(width) : <Responsive>{graphic}</Responsive>}
      <p className="inside-readout" aria-live="polite">
        {readout}
      </p>
    </FigureFrame>
  );
});
