import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inkOn } from '../../../app/figures/frame/colorScales';
import { InsidePanel } from '../../../app/lab/inside/InsidePanel';
import { toneColors } from '../../../app/lab/inside/usePassageCanvas';
import { connectivity } from '../../../engine/lab/connectivity';
import { hypothesisSignals } from '../../../engine/lab/hypotheses';
import { planted, plantedTrace, quotedText, tinyModel, tinyTrace } from './insideFixtures';

let getContext: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => getContext.mockRestore());

const passage = () => screen.getByRole('region', { name: /The passage coloured by/ });
const cell = (index: number) => passage().querySelector<HTMLElement>(`[data-index="${index}"]`)!;
const glyph = (index: number) => cell(index).querySelector<HTMLElement>('.inside-glyph')!;
/** A character's colour class: the map ("dv" diverging, "sq" sequential) and its step, 0..32. */
function tone(index: number): { map: string; level: number } {
  const match = /\b(dv|sq)-(\d+)\b/.exec(glyph(index).className)!;
  return { map: match[1]!, level: Number(match[2]) };
}

describe('InsidePanel: the coloured text', () => {
  it('colours each character by the chosen unit: red where it is high, blue where it is low', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Layer' }), '1');
    const unit = screen.getByRole('spinbutton', { name: 'Unit' });
    await user.clear(unit);
    await user.type(unit, String(planted.unit + 1));
    expect(passage()).toHaveAccessibleName('The passage coloured by layer 2 of 2, hidden state h, unit 3');
    // Character 5 is "h" inside the quotes (0.8); character 0 is "s" outside (−0.6).
    // On the diverging map step 16 is white (0): above it red, below it blue.
    expect(tone(5)).toEqual({ map: 'dv', level: expect.any(Number) });
    expect(tone(5).level).toBeGreaterThan(16 + 8);
    expect(tone(0).level).toBeLessThan(16 - 6);
    expect(
      screen.getByRole('img', { name: /Colour key: h, hidden state: negative … 0 … positive/ }),
    ).toBeVisible();
  });

  it('uses the sequential gate scale for a sigmoid gate', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Series' }), 'f');
    expect(tone(0).map).toBe('sq');
    expect(
      screen.getByRole('img', { name: /Colour key: f, forget gate \(σ\): 0 closed … 1 open/ }),
    ).toBeVisible();
  });

  it('paints the colours on a canvas behind the text where there is one, and leaves the glyphs alone', async () => {
    const fills: { style: string; x: number; text?: string }[] = [];
    const fake = {
      fillStyle: '',
      font: '',
      textAlign: '',
      textBaseline: '',
      setTransform: vi.fn(),
      clearRect: () => fills.splice(0),
      fillRect(x: number) {
        fills.push({ style: this.fillStyle, x });
      },
      fillText(text: string) {
        fills.push({ style: this.fillStyle, x: Number.NaN, text });
      },
    };
    getContext.mockImplementation(function (this: HTMLCanvasElement) {
      return this.closest('.inside-passage') ? (fake as unknown as CanvasRenderingContext2D) : null;
    });
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Layer' }), '1');
    const unit = screen.getByRole('spinbutton', { name: 'Unit' });
    await user.clear(unit);
    await user.type(unit, String(planted.unit + 1));
    expect(passage()).toHaveClass('is-painted');
    // No colour class on any glyph: a new unit repaints the canvas, not 2,000 elements.
    expect(glyph(5).className).toBe('inside-glyph');
    // The boxes, in character order: "h" (5) inside the quotes red, "s" (0) outside blue, each
    // followed by its character in the ink that reads on it.
    const boxes = fills.filter((fill) => fill.text === undefined);
    expect(boxes).toHaveLength(Array.from(quotedText).length);
    const red = (style: string) =>
      Number.parseInt(style.slice(1, 3), 16) > Number.parseInt(style.slice(5, 7), 16);
    expect(red(boxes[5]!.style)).toBe(true);
    expect(red(boxes[0]!.style)).toBe(false);
    expect(fills).toContainEqual({ style: inkOn(boxes[5]!.style), x: Number.NaN, text: 'h' });
    expect(toneColors('sq-0')).toEqual({ background: '#440154', ink: '#ffffff' });
  });

  it('keeps spaces and line breaks visible, each in a cell of its own', () => {
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    const characters = Array.from(quotedText);
    expect(passage().querySelectorAll('[data-index]')).toHaveLength(characters.length);
    expect(glyph(characters.indexOf('\n'))).toHaveTextContent('↵');
    expect(glyph(characters.indexOf(' ')).textContent).toBe(' ');
  });

  it('shows a character’s value on hover and on the arrow keys', async () => {
    const user = userEvent.setup();
    const trace = plantedTrace();
    render(<InsidePanel text={quotedText} trace={trace} />);
    fireEvent.mouseOver(glyph(5));
    const value = trace.layers[1]!.h![5 * 4]!;
    expect(screen.getByText(/^Character 6 “h”: layer 2 of 2, hidden state h, unit 1 = /)).toHaveTextContent(
      value.toFixed(2).replace('-', '−'),
    );
    passage().focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText(/^Character 7 “i”/)).toBeVisible();
    await user.keyboard('{Home}');
    expect(screen.getByText(/^Character 1 “s”/)).toBeVisible();
  });

  it('steps through units with previous and next, and refuses a unit that does not exist', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    const unit = screen.getByRole('spinbutton', { name: 'Unit' });
    await user.click(screen.getByRole('button', { name: 'Next unit' }));
    expect(unit).toHaveValue(2);
    await user.click(screen.getByRole('button', { name: 'Previous unit' }));
    await user.click(screen.getByRole('button', { name: 'Previous unit' }));
    expect(unit).toHaveValue(4);
    await user.clear(unit);
    await user.type(unit, '9');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A unit is a whole number from 1 to 4; still showing unit 4.',
    );
  });
});

describe('InsidePanel: bad states', () => {
  it('says there is nothing to look inside for an empty passage', () => {
    const trace = { ...plantedTrace(), steps: 0 };
    render(<InsidePanel text="" trace={trace} />);
    expect(screen.getByRole('alert')).toHaveTextContent('There is no passage to look inside');
  });

  it('says so when the passage and the trace do not line up', () => {
    render(<InsidePanel text={`${quotedText}!`} trace={plantedTrace()} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      `The passage has ${Array.from(quotedText).length + 1} characters but the trace has ${Array.from(quotedText).length} steps`,
    );
  });
});

describe('InsidePanel: the heatmap of all units', () => {
  it('selects the unit of the row clicked, and by Enter on the keyboard', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    const map = screen.getByRole('img', { name: /Heatmap of hidden state h of layer 2 of 2: 4 units/ });
    // Rows are 16 px tall for 4 units; jsdom puts the map at the origin.
    fireEvent.pointerDown(map, { clientX: 30, clientY: 40 });
    expect(screen.getByRole('spinbutton', { name: 'Unit' })).toHaveValue(3);
    screen.getByRole('region', { name: /Heatmap of 4 units over/ }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(screen.getByRole('spinbutton', { name: 'Unit' })).toHaveValue(2);
  });

  it('paints one canvas pixel per unit and character, the planted unit red inside the quotes', () => {
    const putImageData = vi.fn();
    // Only the heatmap's canvas: the passage's falls back to colour classes.
    getContext.mockImplementation(function (this: HTMLCanvasElement) {
      return this.closest('.inside-heatmap')
        ? ({ putImageData } as unknown as CanvasRenderingContext2D)
        : null;
    });
    class FakeImageData {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    }
    vi.stubGlobal('ImageData', FakeImageData);
    try {
      render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
      const T = Array.from(quotedText).length;
      const image = putImageData.mock.lastCall![0] as FakeImageData;
      expect([image.width, image.height]).toEqual([T, 4]);
      // Layer 2 is shown first; row 3 is the planted unit: red at "h" (inside quotes), blue at "s".
      const pixel = (row: number, column: number) =>
        Array.from(image.data.subarray((row * T + column) * 4, (row * T + column) * 4 + 3));
      const [red, , blue] = pixel(planted.unit, 5);
      expect(red!).toBeGreaterThan(blue! + 60);
      const [red0, , blue0] = pixel(planted.unit, 0);
      expect(blue0!).toBeGreaterThan(red0! + 60);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('labels the characters along the axis and offers its numbers as a table', async () => {
    const user = userEvent.setup();
    const { container } = render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    const labels = container.querySelectorAll('.inside-heatmap-labels text');
    expect(Array.from(labels, (label) => label.textContent).join('')).toBe(
      Array.from(quotedText, (character) =>
        character === ' ' ? '␣' : character === '\n' ? '↵' : character,
      ).join(''),
    );
    await user.click(screen.getByRole('button', { name: 'Show data' }));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 4);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Unit', 'Mean', 'Lowest', 'Highest', 'Highest after character']);
  });
});

describe('InsidePanel: find a unit', () => {
  it('ranks the planted quote unit first and shows it with the hypothesis under the text', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    // The ranking runs in background tasks: on a loaded machine they take longer than the 1 s default.
    const ranking = await screen.findAllByRole('listitem', {}, { timeout: 5000 });
    expect(ranking).toHaveLength(5);
    expect(ranking[0]).toHaveTextContent(
      /^Layer 2, unit 3 \(hidden state h\): r = (0\.9\d|1\.00), rises with “inside quotes”/,
    );
    await user.click(within(ranking[0]!).getByRole('button', { name: /^Show Layer 2, unit 3/ }));
    expect(screen.getByRole('spinbutton', { name: 'Unit' })).toHaveValue(3);
    expect(screen.getByRole('combobox', { name: 'Layer' })).toHaveValue('1');
    // One orange bar per character, full height inside the quotes and none outside.
    const quotes = hypothesisSignals(quotedText).insideQuotes;
    const bars = passage().querySelectorAll<HTMLElement>('.is-signal > span');
    expect(bars).toHaveLength(quotes.length);
    bars.forEach((bar, t) => {
      expect(bar.style.height).toBe(quotes[t] ? '100%' : '0%');
    });
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(passage().querySelectorAll('.is-signal')).toHaveLength(0);
  });

  it('says plainly when the hypothesis is constant on the passage, and what to do', () => {
    const text = 'plain words here';
    render(<InsidePanel text={text} trace={plantedTrace(text)} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      '“Inside quotes” is 0 at every character of this passage, so its correlation with any unit is undefined',
    );
    expect(screen.getByRole('status')).toHaveTextContent('mark spans yourself');
  });

  it('ranks units against spans marked in the text, listed and removable', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    const range = document.createRange();
    range.setStart(glyph(5).firstChild!, 0);
    range.setEnd(glyph(12).firstChild!, 1);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await user.click(screen.getByRole('button', { name: 'Mark the selected text' }));
    expect(screen.getByRole('list', { name: 'Marked spans' })).toHaveTextContent(
      'Characters 6–13: “hi there”',
    );
    expect(screen.getByRole('combobox', { name: 'Hypothesis' })).toHaveValue('marked');
    expect(await screen.findAllByRole('button', { name: /^Show Layer/ })).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Remove the mark on characters 6 to 13' }));
    expect(screen.queryByRole('list', { name: 'Marked spans' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Nothing is marked yet');
  });

  it('forgets marks and the compared signal when a fresh passage arrives', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    const range = document.createRange();
    range.setStart(glyph(0).firstChild!, 0);
    range.setEnd(glyph(2).firstChild!, 1);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await user.click(screen.getByRole('button', { name: 'Mark the selected text' }));
    await user.click((await screen.findAllByRole('button', { name: /^Show Layer/ }))[0]!);
    expect(passage().querySelectorAll('.is-signal').length).toBeGreaterThan(0);
    const other = quotedText.replace('say', 'put');
    rerender(<InsidePanel text={other} trace={plantedTrace(other)} />);
    expect(screen.queryByRole('list', { name: 'Marked spans' })).toBeNull();
    expect(passage().querySelectorAll('.is-signal')).toHaveLength(0);
  });

  it('asks for a selection when Mark is pressed with none', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={quotedText} trace={plantedTrace()} />);
    window.getSelection()!.removeAllRanges();
    await user.click(screen.getByRole('button', { name: 'Mark the selected text' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Select some characters in the coloured passage first',
    );
  });
});

describe('InsidePanel: connectivity', () => {
  const text = 'ab(cd)ab(cd)';

  it('draws each earlier character’s influence under that character', async () => {
    const user = userEvent.setup();
    const { model, codes } = tinyModel(text);
    const request = vi.fn(async (position: number) => connectivity(model, codes, position));
    render(<InsidePanel text={text} trace={tinyTrace(text)} requestConnectivity={request} />);
    await user.click(glyph(7));
    expect(request).toHaveBeenCalledWith(7);
    expect(
      await screen.findByText(/^After “ab\(cd\)ab”, the model gives the next character “\(”/),
    ).toBeVisible();
    expect(screen.getByText(/^What to notice: the last 5 characters carry/)).toBeVisible();
    const { influence } = connectivity(model, codes, 7);
    const peak = Math.max(...influence);
    for (let t = 0; t < Array.from(text).length; t++) {
      const bar = cell(t).querySelector<HTMLElement>('.is-influence > span');
      if (t <= 7) expect(bar?.style.height).toBe(`${Math.round((influence[t]! / peak) * 100)}%`);
      else expect(bar).toBeNull();
    }
    expect(cell(7)).toHaveClass('is-picked');
  });

  it('says it is measuring, then shows a clear message when the request fails', async () => {
    const user = userEvent.setup();
    let reject: (error: Error) => void = () => {};
    const request = vi.fn(() => new Promise<never>((_, fail) => (reject = fail)));
    render(<InsidePanel text={text} trace={tinyTrace(text)} requestConnectivity={request} />);
    await user.click(glyph(3));
    expect(
      screen.getByText(/^Measuring how each earlier character influenced the prediction after character 4/),
    ).toBeVisible();
    await act(async () => reject(new Error('The worker stopped.')));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Connectivity after character 4 could not be measured: The worker stopped.',
    );
  });

  it('asks from the keyboard, and drops an answer that arrives after a fresh trace', async () => {
    const user = userEvent.setup();
    const { model, codes } = tinyModel(text);
    let answer: () => void = () => {};
    const request = vi.fn(
      (position: number) =>
        new Promise<ReturnType<typeof connectivity>>((resolve) => {
          answer = () => resolve(connectivity(model, codes, position));
        }),
    );
    const { rerender } = render(
      <InsidePanel text={text} trace={tinyTrace(text)} requestConnectivity={request} />,
    );
    passage().focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{Enter}');
    expect(request).toHaveBeenCalledWith(2);
    rerender(<InsidePanel text={text} trace={tinyTrace(text)} requestConnectivity={request} />);
    await act(async () => answer());
    expect(passage().querySelectorAll('.is-influence')).toHaveLength(0);
    expect(screen.getByText(/^Connectivity: click a character/)).toBeVisible();
  });

  it('explains that the last character has nothing to predict, without asking', async () => {
    const user = userEvent.setup();
    const request = vi.fn();
    render(<InsidePanel text={text} trace={tinyTrace(text)} requestConnectivity={request} />);
    await user.click(glyph(Array.from(text).length - 1));
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'the last character has no next character to predict',
    );
  });

  it('is hidden with a line saying it needs a model when it cannot be asked', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={text} trace={tinyTrace(text)} />);
    expect(screen.getByText(/needs a trained model to ask/)).toBeVisible();
    await user.click(glyph(3));
    expect(passage().querySelectorAll('.is-influence')).toHaveLength(0);
  });
});
