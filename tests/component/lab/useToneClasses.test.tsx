import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linesInView, TONES_PER_FRAME, useToneClasses } from '../../../app/lab/inside/useToneClasses';

/** A passage shaped like ColoredPassage's: `lines` lines of `perLine` cells, one glyph each. */
function Passage({ tones, lines, perLine }: { tones: readonly string[]; lines: number; perLine: number }) {
  const ref = useRef<HTMLElement>(null);
  useToneClasses(ref, tones, lines);
  const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);
  return (
    <section ref={ref} data-testid="passage">
      {numbers(lines).map((line) => (
        <div key={line} className="inside-line" data-line={line}>
          {numbers(perLine).map((offset) => (
            <span key={offset} data-index={line * perLine + offset}>
              <span className="inside-glyph">x</span>
            </span>
          ))}
        </div>
      ))}
    </section>
  );
}

const rect = (top: number, height: number) => ({ top, bottom: top + height, height }) as DOMRect;

/** Gives the passage a 100 px view scrolled to `scroll` and lines 20 px tall, as a browser would lay them out. */
function layOut(scroll: number) {
  return vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this.matches('section')) return rect(0, 100);
    const line = this.getAttribute('data-line');
    return line === null ? rect(0, 0) : rect(Number(line) * 20 - scroll, 20);
  });
}

const classOf = (container: HTMLElement, index: number) =>
  container.querySelector(`[data-index="${index}"] .inside-glyph`)!.className;

afterEach(() => vi.restoreAllMocks());

describe('useToneClasses', () => {
  it('finds the characters on the lines in view', () => {
    layOut(200);
    const { getByTestId } = render(<Passage tones={[]} lines={40} perLine={10} />);
    // Lines 10..14 fill y = 200..300: characters 100..149.
    expect(linesInView(getByTestId('passage'), 400)).toEqual([100, 150]);
  });

  it('colours the lines in view before the paint and the rest a slice per frame, below the view first', () => {
    layOut(200);
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const lines = 100;
    const tones = Array.from({ length: lines * 10 }, (_, t) => `dv-${t % 33}`);
    const { container } = render(<Passage tones={tones} lines={lines} perLine={10} />);
    expect(classOf(container, 120)).toBe('inside-glyph dv-21');
    expect(classOf(container, 150)).toBe('inside-glyph');
    expect(classOf(container, 0)).toBe('inside-glyph');
    act(() => frames.shift()!(0));
    expect(classOf(container, 150)).toBe(`inside-glyph ${tones[150]}`);
    expect(classOf(container, 150 + TONES_PER_FRAME)).toBe('inside-glyph');
    expect(classOf(container, 0)).toBe('inside-glyph');
    while (frames.length > 0) act(() => frames.shift()!(0));
    for (const t of [0, 99, 500, 999]) expect(classOf(container, t)).toBe(`inside-glyph ${tones[t]}`);
  });

  it('stops the old slices when the colours change again', () => {
    layOut(0);
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const cancel = vi.spyOn(window, 'cancelAnimationFrame');
    const first = Array.from({ length: 1000 }, () => 'dv-0');
    const second = Array.from({ length: 1000 }, () => 'dv-32');
    const { container, rerender } = render(<Passage tones={first} lines={100} perLine={10} />);
    rerender(<Passage tones={second} lines={100} perLine={10} />);
    expect(cancel).toHaveBeenCalledWith(1);
    while (frames.length > 0) act(() => frames.shift()!(0));
    for (const t of [0, 500, 999]) expect(classOf(container, t)).toBe('inside-glyph dv-32');
  });

  it('colours every character at once when the passage has no layout', () => {
    const tones = Array.from({ length: 50 }, () => 'sq-4');
    const { container } = render(<Passage tones={tones} lines={5} perLine={10} />);
    expect(classOf(container, 49)).toBe('inside-glyph sq-4');
  });
});
