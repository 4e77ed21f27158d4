import { type RefObject, useEffect } from 'react';

/**
 * Paints a canvas from props after each change, at the screen's pixel density: the backing store is
 * `width × devicePixelRatio` pixels while the element stays `width` CSS pixels, so heatmaps are sharp
 * on a phone's retina screen and a projector alike. `paint` receives a context in CSS pixels.
 * Where there is no 2D context (jsdom, a browser that refuses), nothing is drawn and nothing throws.
 */
export function useCanvasPaint(
  ref: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  paint: (context: CanvasRenderingContext2D) => void,
): void {
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width <= 0 || height <= 0) return;
    const density =
      typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    const pixelWidth = Math.round(width * density);
    const pixelHeight = Math.round(height * density);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    let context: CanvasRenderingContext2D | null = null;
    try {
      context = canvas.getContext('2d');
    } catch {
      context = null;
    }
    if (!context) return;
    context.setTransform(density, 0, 0, density, 0, 0);
    context.clearRect(0, 0, width, height);
    paint(context);
  }, [ref, width, height, paint]);
}

/**
 * Draws a grid of colours given as RGBA bytes (`columns × rows`, row-major) stretched over a
 * rectangle, with crisp cell edges: one ImageData pass, then one scaled drawImage.
 */
export function drawPixelGrid(
  context: CanvasRenderingContext2D,
  pixels: Uint8ClampedArray<ArrayBuffer>,
  columns: number,
  rows: number,
  target: { x: number; y: number; width: number; height: number },
): void {
  if (columns <= 0 || rows <= 0) return;
  const source = document.createElement('canvas');
  source.width = columns;
  source.height = rows;
  const sourceContext = source.getContext('2d');
  if (!sourceContext) return;
  sourceContext.putImageData(new ImageData(pixels, columns, rows), 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(source, target.x, target.y, target.width, target.height);
}
