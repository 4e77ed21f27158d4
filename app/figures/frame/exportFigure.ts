/**
 * Saves what a figure shows as a standalone SVG or PNG file. Colours in the page come from CSS
 * variables (so figures follow the theme); the exporter writes each element's computed colours and
 * fonts into the copy, so the file looks the same anywhere.
 */
import { download } from '../../shared/download';

const inlinedProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'font-style',
  'paint-order',
  'stroke-linecap',
  'stroke-linejoin',
] as const;

/**
 * A copy of an SVG element with computed styles written in as attributes. `background: false` leaves
 * out the figure's background (for an SVG layered over a canvas in a composite).
 */
export function standaloneSvg(svg: SVGSVGElement, { background: withBackground = true } = {}): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const targets = [copy, ...Array.from(copy.querySelectorAll('*'))];
  sources.forEach((source, index) => {
    const target = targets[index];
    if (!target) return;
    const style = getComputedStyle(source);
    for (const property of inlinedProperties) {
      const value = style.getPropertyValue(property);
      if (value) target.setAttribute(property, value);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  const background = getComputedStyle(svg.closest('figure') ?? svg).getPropertyValue('background-color');
  if (withBackground && background && background !== 'rgba(0, 0, 0, 0)') {
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', background);
    copy.insertBefore(rect, copy.firstChild);
  }
  return new XMLSerializer().serializeToString(copy);
}

/** The canvases and top-level SVGs in a container, in paint order. */
function figureLayers(container: HTMLElement): (HTMLCanvasElement | SVGSVGElement)[] {
  return Array.from(container.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg')).filter(
    (layer) => !layer.parentElement?.closest('svg'),
  );
}

/**
 * One SVG of a figure drawn partly on canvas (a heatmap under an SVG of axes and legend): each canvas
 * becomes an embedded PNG image and each SVG a nested SVG, at their places on screen.
 */
export function compositeSvg(container: HTMLElement): string {
  const box = container.getBoundingClientRect();
  const background = getComputedStyle(container.closest('figure') ?? container).getPropertyValue(
    'background-color',
  );
  const parts: string[] = [];
  if (background && background !== 'rgba(0, 0, 0, 0)')
    parts.push(`<rect width="100%" height="100%" fill="${background}"/>`);
  for (const layer of figureLayers(container)) {
    const rect = layer.getBoundingClientRect();
    const x = Math.round(rect.left - box.left);
    const y = Math.round(rect.top - box.top);
    if (layer instanceof HTMLCanvasElement) {
      parts.push(
        `<image x="${x}" y="${y}" width="${Math.round(rect.width)}" height="${Math.round(rect.height)}" preserveAspectRatio="none" href="${layer.toDataURL('image/png')}"/>`,
      );
    } else {
      parts.push(`<g transform="translate(${x},${y})">${standaloneSvg(layer, { background: false })}</g>`);
    }
  }
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/**
 * Downloads the figure as SVG: its main SVG or, when part of it is drawn on a canvas, a composite with
 * the canvas embedded as an image. Returns false when the figure has nothing to save.
 */
export function downloadSvg(container: HTMLElement, baseName: string): boolean {
  const hasCanvas = container.querySelector('canvas') !== null;
  const svg = container.querySelector('svg');
  if (!svg && !hasCanvas) return false;
  const text = hasCanvas ? compositeSvg(container) : standaloneSvg(svg!);
  download(`${baseName}.svg`, text, 'image/svg+xml');
  return true;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The figure could not be drawn as an image.'));
    image.src = url;
  });
}

/**
 * Draws every canvas and SVG in the container, at their places on screen and at twice the
 * resolution, into one PNG, and downloads it.
 */
export async function downloadPng(container: HTMLElement, baseName: string, scale = 2): Promise<void> {
  const box = container.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(box.width * scale));
  canvas.height = Math.max(1, Math.round(box.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the figure as an image.');
  context.scale(scale, scale);
  const background = getComputedStyle(container.closest('figure') ?? container).getPropertyValue(
    'background-color',
  );
  context.fillStyle = background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff';
  context.fillRect(0, 0, box.width, box.height);
  for (const layer of figureLayers(container)) {
    const rect = layer.getBoundingClientRect();
    const x = rect.left - box.left;
    const y = rect.top - box.top;
    if (layer instanceof HTMLCanvasElement) {
      context.drawImage(layer, x, y, rect.width, rect.height);
    } else {
      const url = URL.createObjectURL(new Blob([standaloneSvg(layer)], { type: 'image/svg+xml' }));
      try {
        context.drawImage(await loadImage(url), x, y, rect.width, rect.height);
      } finally {
        URL.revokeObjectURL(url);
      }
    }
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('This browser could not make a PNG of the figure.');
  download(`${baseName}.png`, blob);
}

/** A file name from a title: "Loss over training" -> "loss-over-training". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'figure'
  );
}
