import { render } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useToneClasses } from '../../../app/lab/inside/useToneClasses';

/** A passage shaped like ColoredPassage's: lines of cells, one glyph each, rendered once. */
function Passage({ tones, lines }: { tones: readonly string[]; lines: number }) {
  const ref = useRef<HTMLElement>(null);
  useToneClasses(ref, tones, lines);
  const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);
  return (
    <section ref={ref}>
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

describe('useToneClasses', () => {
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
