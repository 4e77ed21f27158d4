import { render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePassageCanvas } from '../../../app/lab/inside/usePassageCanvas';

// Without a 2D canvas the passage falls back to a colour class on each glyph: that path is tested here.
let getContext: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => getContext.mockRestore());

/** A passage shaped like ColoredPassage's: lines of cells, one glyph each, rendered once. */
function Passage({ tones, lines }: { tones: readonly string[]; lines: number }) {
  const ref = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  usePassageCanvas(ref, canvas, tones, lines);
  const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);
  return (
    <section ref={ref}>
      <canvas ref={canvas} />
      {numbers(lines).map((line) => (
        <div key={line} className="inside-line">
          {numbers(10).map((offset) => (
            <span key={offset} data-index={line * 10 + offset}>
              <span className="inside-glyph">x</span>
            </span>
          ))}
        </div>
      ))}
    </section>
  );
}

const classOf = (container: HTMLElement, index: number) =>
  container.querySelector(`[data-index="${index}"] .inside-glyph`)!.className;

describe('usePassageCanvas without a canvas', () => {
  it('writes every character its colour class, and the new ones when the colours change', () => {
    const first = Array.from({ length: 1000 }, (_, t) => `dv-${t % 33}`);
    const { container, rerender } = render(<Passage tones={first} lines={100} />);
    for (const t of [0, 450, 999]) expect(classOf(container, t)).toBe(`inside-glyph ${first[t]}`);
    const glyph = container.querySelector('[data-index="450"] .inside-glyph');
    const second = Array.from({ length: 1000 }, () => 'sq-32');
    rerender(<Passage tones={second} lines={100} />);
    for (const t of [0, 450, 999]) expect(classOf(container, t)).toBe('inside-glyph sq-32');
    // The same element, restyled: no cell was rendered again.
    expect(container.querySelector('[data-index="450"] .inside-glyph')).toBe(glyph);
  });

  it('leaves glyphs past the end of the colours uncoloured', () => {
    const { container } = render(<Passage tones={['no-value']} lines={1} />);
    expect(classOf(container, 0)).toBe('inside-glyph no-value');
    expect(classOf(container, 1)).toBe('inside-glyph');
  });
});
