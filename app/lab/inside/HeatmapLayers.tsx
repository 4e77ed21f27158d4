import { memo, type RefObject, useEffect } from 'react';
import { displayInput } from '../../figures/frame/gates';

/** One label per character under its column; memoised, since a long passage has thousands. */
export const AxisLabels = memo(function AxisLabels(props: {
  characters: readonly string[];
  cellWidth: number;
  top: number;
  height: number;
}) {
  const { characters, cellWidth, top, height } = props;
  // Its own SVG, so moving the outline over the map never repaints thousands of labels.
  return (
    <svg
      className="inside-heatmap-labels"
      width={characters.length * cellWidth}
      height={height}
      style={{ top }}
      aria-hidden="true"
    >
      {characters.map((character, t) => (
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
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  readonly columns: number;
  readonly rows: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The cells as one canvas pixel each, stretched by CSS to their cells without smoothing: a passage of
 * 2,000 characters × 256 units is half a million pixels to write, however wide it is drawn.
 */
export function HeatmapCanvas({ canvasRef, pixels, columns, rows, width, height }: HeatmapCanvasProps) {
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
}
