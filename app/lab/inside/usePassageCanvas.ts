import { color } from 'd3';
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { divergingMap, inkOn, missingColor, sequentialMap } from '../../figures/frame/colorScales';
import { COLOR_LEVELS } from './unitScale';
import { writeToneClasses } from './useToneClasses';

/** Where a glyph sits inside the passage's content box, in CSS pixels. */
export interface GlyphBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

/** The background and ink of a colour class of insideColors.css ("dv-16", "sq-0", "no-value"). */
export function toneColors(tone: string): { background: string; ink: string } {
  const match = /^(dv|sq)-(\d+)$/.exec(tone);
  const map = match?.[1] === 'sq' ? sequentialMap : divergingMap;
  const background = match
    ? (color(map(Number(match[2]) / (COLOR_LEVELS - 1)))?.formatHex() ?? missingColor)
    : missingColor;
  return { background, ink: match ? inkOn(background) : '#111111' };
}

const colorsByTone = new Map<string, { background: string; ink: string }>();
function cachedColors(tone: string) {
  let colors = colorsByTone.get(tone);
  if (!colors) {
    colors = toneColors(tone);
    colorsByTone.set(tone, colors);
  }
  return colors;
}

/** Paints each glyph's box in its tone's background and its character in the tone's ink. */
export function paintGlyphs(
  context: CanvasRenderingContext2D,
  boxes: readonly GlyphBox[],
  tones: readonly string[],
  font: string,
  from = 0,
) {
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const count = Math.min(boxes.length, tones.length);
  for (let t = from; t < count; t++) {
    const box = boxes[t]!;
    const { background, ink } = cachedColors(tones[t]!);
    context.fillStyle = background;
    context.fillRect(box.x, box.y, box.width, box.height);
    if (box.text.trim() === '') continue;
    context.fillStyle = ink;
    context.fillText(box.text, box.x + box.width / 2, box.y + box.height / 2);
  }
}

/**
 * Each `.inside-glyph` under `content` from the `from`th on, measured relative to it (one layout for
 * all of them).
 */
function measureGlyphs(content: HTMLElement, from = 0): GlyphBox[] {
  const origin = content.getBoundingClientRect();
  const glyphs = Array.from(content.querySelectorAll<HTMLElement>('.inside-glyph')).slice(from);
  return glyphs.map((glyph) => {
    const box = glyph.getBoundingClientRect();
    return {
      x: box.left - origin.left,
      y: box.top - origin.top,
      width: box.width,
      height: box.height,
      text: glyph.textContent ?? '',
    };
  });
}

/**
 * Colours the passage on a canvas behind its text: a change of unit or series repaints one canvas
 * (measured: a few ms) instead of restyling 2,000 glyph elements, which cost tasks of 150-250 ms at
 * full size. The text stays real text (selection, screen readers, marking spans) but is drawn
 * transparent over the canvas, which paints the characters in the ink that reads on each colour.
 * Glyphs are measured once per passage and again when its box is resized or its font loads; while
 * a passage is mounted slice by slice (`mounted` grows), only the new glyphs are measured and painted,
 * on a canvas grown with room to spare, since the words already there keep their places.
 * Without a 2D canvas (tests, some old browsers) the colour classes are written onto the glyphs
 * instead. Returns whether the canvas paints the passage.
 */
export function usePassageCanvas(
  content: RefObject<HTMLElement | null>,
  canvas: RefObject<HTMLCanvasElement | null>,
  tones: readonly string[],
  passage: unknown,
  mounted = 0,
): boolean {
  const [onCanvas, setOnCanvas] = useState(false);
  const boxes = useRef<GlyphBox[]>([]);
  const tonesRef = useRef(tones);
  tonesRef.current = tones;
  const repaint = useRef<() => void>(() => {});
  const extend = useRef<() => void>(() => {});
  const painted = useRef<readonly string[] | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `passage` stands for the glyphs, which a new passage replaces
  useLayoutEffect(() => {
    const box = content.current;
    const context = canvas.current?.getContext('2d') ?? null;
    if (!box || !canvas.current || !context) {
      setOnCanvas(false);
      repaint.current = () => {
        painted.current = tonesRef.current;
        if (content.current) writeToneClasses(content.current, tonesRef.current);
      };
      repaint.current();
      extend.current = repaint.current;
      return;
    }
    const surface = canvas.current;
    setOnCanvas(true);
    let font = '';
    let measured = '';
    let size = { width: 0, height: 0 };
    const sizeCanvas = (height: number) => {
      const ratio = window.devicePixelRatio || 1;
      size = { width: box.scrollWidth, height };
      surface.width = Math.ceil(size.width * ratio);
      surface.height = Math.ceil(height * ratio);
      surface.style.width = `${size.width}px`;
      surface.style.height = `${height}px`;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
    };
    const measure = () => {
      boxes.current = measureGlyphs(box);
      const first = box.querySelector('.inside-glyph');
      font = first ? getComputedStyle(first).font : '';
      measured = `${box.clientWidth}×${box.scrollHeight}`;
      sizeCanvas(box.scrollHeight);
    };
    repaint.current = () => {
      painted.current = tonesRef.current;
      context.clearRect(0, 0, surface.width, surface.height);
      paintGlyphs(context, boxes.current, tonesRef.current, font);
    };
    extend.current = () => {
      const known = boxes.current.length;
      const last = boxes.current[known - 1];
      const [check] = last ? measureGlyphs(box, known - 1) : [];
      // Words added after the last ones leave those in place; anything else is measured afresh.
      if (!last || !check || Math.abs(check.x - last.x) > 0.5 || Math.abs(check.y - last.y) > 0.5) {
        measure();
        repaint.current();
        return;
      }
      boxes.current = boxes.current.concat(measureGlyphs(box, known));
      measured = `${box.clientWidth}×${box.scrollHeight}`;
      if (box.scrollWidth !== size.width || box.scrollHeight > size.height) {
        // Half as tall again as needed, so a passage growing by slices resizes (and repaints) rarely.
        sizeCanvas(Math.ceil(box.scrollHeight * 1.5));
        repaint.current();
      } else paintGlyphs(context, boxes.current, tonesRef.current, font, known);
    };
    measure();
    repaint.current();
    let live = true;
    // A new width re-wraps the lines and a strip added under the text moves them down: both resize
    // the content box (the canvas is positioned out of its flow, so painting never does).
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            // It also reports the size it starts with, just measured: measuring 2,000 glyphs and
            // painting them again would only double the work of each slice of a growing passage.
            if (`${box.clientWidth}×${box.scrollHeight}` === measured) return;
            measure();
            repaint.current();
          });
    observer?.observe(box);
    // Only while a font is still loading: a ready promise already settled would measure and paint
    // every glyph a second time in each slice of a growing passage.
    if (document.fonts && document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => {
        if (!live) return;
        measure();
        repaint.current();
      });
    }
    return () => {
      live = false;
      observer?.disconnect();
    };
  }, [content, canvas, passage]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a larger count is what asks for the new glyphs
  useLayoutEffect(() => {
    extend.current();
  }, [mounted]);

  // A new list of tones asks for a repaint, but not the one a new passage was just painted in.
  useLayoutEffect(() => {
    if (painted.current !== tones) repaint.current();
  }, [tones]);
  return onCanvas;
}
