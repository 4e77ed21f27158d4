import { memo, type RefObject, useEffect, useMemo } from 'react';
import type { TraceValues } from '../../../engine/lab/trace';
import { displayInput } from '../../figures/frame/gates';
import { seriesPixels } from './seriesStats';
import type { UnitScale } from './unitScale';
import { useGrowingCount } from './useGrowingCount';

/** How many labels under the heatmap are mounted per commit. */
const LABELS_PER_SLICE = 300;

/** One label per character under its column; memoised, since a long passage has thousands. */
export const AxisLabels = memo(function AxisLabels(props: {
  characters: readonly string[];
  cellWidth: number;
  top: number;
  height: number;
}) {
  const { characters, cellWidth, top, height } = props;
  // Thousands of labels are mounted a slice at a time, as the passage's characters are.
  const mounted = useGrowingCount(characters, characters.length, LABELS_PER_SLICE);
  // Its own SVG, so moving the outline over the map never repaints thousands of labels.
  return (
    <svg
      className="inside-heatmap-labels"
      width={characters.length * cellWidth}
      height={height}
      style={{ top }}
      aria-hidden="true"
    >
      {characters.slice(0, mounted).map((character, t) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a label's identity is its position
        <text key={t} x={(t + 0.5) * cellWidth} y={height - 5} textAnchor="middle">
          {displayInput(character)}
        </text>
      ))}
    </svg>
  );
});

interface HeatmapCanvasProps {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The series [T][H] of one layer and kind, and its colour scale. */
  readonly series: TraceValues;
  readonly scale: UnitScale;
  readonly columns: number;
  readonly rows: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The cells as one canvas pixel each, stretched by CSS to their cells without smoothing: a passage of
 * 2,000 characters × 256 units is half a million pixels to write, however wide it is drawn. The pixels
 * are computed here, in a component of their own, so a background render can yield between them and
 * the heatmap's summaries instead of doing both in one long task.
 */
export const HeatmapCanvas = memo(function HeatmapCanvas(props: HeatmapCanvasProps) {
  const { canvasRef, series, scale, columns, rows, width, height } = props;
  const pixels = useMemo(() => seriesPixels(series, columns, rows, scale), [series, columns, rows, scale]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || columns <= 0 || rows <= 0 || typeof ImageData === 'undefined') return;
    canvas.width = columns;
    canvas.height = rows;
    let context: CanvasRenderingContext2D | null = null;
    try {
      context = canvas.getContext('2d');
    } catch {
      context = null;
    }
    context?.putImageData(new ImageData(pixels, columns, rows), 0, 0);
  }, [canvasRef, pixels, columns, rows]);
  return <canvas ref={canvasRef} className="inside-heatmap-canvas" style={{ width, height }} />;
});
