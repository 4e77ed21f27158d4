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
) {
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const count = Math.min(boxes.length, tones.length);
  for (let t = 0; t < count; t++) {
    const box = boxes[t]!;
    const { background, ink } = cachedColors(tones[t]!);
    context.fillStyle = background;
    context.fillRect(box.x, box.y, box.width, box.height);
    if (box.text.trim() === '') continue;
    context.fillStyle = ink;
    context.fillText(box.text, box.x + box.width / 2, box.y + box.height / 2);
  }
}

/** Each `.inside-glyph` under `content`, measured relative to it (one layout for all of them). */
function measureGlyphs(content: HTMLElement): GlyphBox[] {
  const origin = content.getBoundingClientRect();
  return Array.from(content.querySelectorAll<HTMLElement>('.inside-glyph'), (glyph) => {
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
 * Glyphs are measured once per passage and again when its box is resized or its font loads.
 * Without a 2D canvas (tests, some old browsers) the colour classes are written onto the glyphs
 * instead. Returns whether the canvas paints the passage.
 */
export function usePassageCanvas(
  content: RefObject<HTMLElement | null>,
  canvas: RefObject<HTMLCanvasElement | null>,
  tones: readonly string[],
  layout: unknown,
): boolean {
  const [painted, setPainted] = useState(false);
  const boxes = useRef<GlyphBox[]>([]);
  const tonesRef = useRef(tones);
  tonesRef.current = tones;
  const repaint = useRef<() => void>(() => {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: `layout` stands for the glyphs, which a new passage replaces
  useLayoutEffect(() => {
    const box = content.current;
    const context = canvas.current?.getContext('2d') ?? null;
    if (!box || !canvas.current || !context) {
      setPainted(false);
      repaint.current = () => {
        if (content.current) writeToneClasses(content.current, tonesRef.current);
      };
      repaint.current();
      return;
    }
    const surface = canvas.current;
    setPainted(true);
    let font = '';
    const measure = () => {
      boxes.current = measureGlyphs(box);
      const first = box.querySelector('.inside-glyph');
      font = first ? getComputedStyle(first).font : '';
      const ratio = window.devicePixelRatio || 1;
      const width = box.scrollWidth;
      const height = box.scrollHeight;
      surface.width = Math.ceil(width * ratio);
      surface.height = Math.ceil(height * ratio);
      surface.style.width = `${width}px`;
      surface.style.height = `${height}px`;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
    };
    repaint.current = () => {
      context.clearRect(0, 0, surface.width, surface.height);
      paintGlyphs(context, boxes.current, tonesRef.current, font);
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
            measure();
            repaint.current();
          });
    observer?.observe(box);
    void document.fonts?.ready.then(() => {
      if (!live) return;
      measure();
      repaint.current();
    });
    return () => {
      live = false;
      observer?.disconnect();
    };
  }, [content, canvas, layout]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the painter reads the tones through a ref; a new list is what asks for a repaint
  useLayoutEffect(() => {
    repaint.current();
  }, [tones]);
  return painted;
}
