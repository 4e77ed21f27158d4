import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHARACTERS_PER_SLICE } from '../../../app/lab/inside/ColoredPassage';
import { InsidePanel } from '../../../app/lab/inside/InsidePanel';
import { plantedTrace, quotedText } from './insideFixtures';

// A passage of 16 copies of the fixture: 640 characters, mounted in several slices.
const longText = Array.from({ length: 16 }, () => `${quotedText}\n`).join('');
const length = Array.from(longText).length;

let getContext: ReturnType<typeof vi.spyOn>;
let boxes: number;
let clears: number;
beforeEach(() => {
  boxes = 0;
  clears = 0;
  const fake = {
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    setTransform: vi.fn(),
    clearRect: () => {
      clears++;
    },
    fillRect: () => {
      boxes++;
    },
    fillText: vi.fn(),
  };
  getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return this.closest('.inside-passage') ? (fake as unknown as CanvasRenderingContext2D) : null;
  });
});
afterEach(() => getContext.mockRestore());

const cells = () =>
  screen.getByRole('region', { name: /The passage coloured by/ }).querySelectorAll('[data-index]');

describe('InsidePanel: a long passage', () => {
  it('mounts its characters a slice at a time, painting each glyph once as it arrives', async () => {
    expect(length).toBeGreaterThan(3 * CHARACTERS_PER_SLICE);
    render(<InsidePanel text={longText} trace={plantedTrace(longText)} />);
    await screen.findByRole('region', { name: /The passage coloured by/ });
    // Whole words only, so the first slice may run a few characters past its size.
    expect(cells().length).toBeLessThan(CHARACTERS_PER_SLICE + 20);
    await waitFor(() => expect(cells()).toHaveLength(length), { timeout: 15_000 });
    // Each glyph was painted once: the slices added their glyphs without repainting the others.
    expect(boxes).toBe(length);
    expect(clears).toBe(1);
  });

  it('repaints every glyph, and only that, when the unit changes', async () => {
    const user = userEvent.setup();
    render(<InsidePanel text={longText} trace={plantedTrace(longText)} />);
    await waitFor(() => expect(cells()).toHaveLength(length), { timeout: 15_000 });
    boxes = 0;
    await user.click(screen.getByRole('button', { name: 'Next unit' }));
    await waitFor(() => expect(boxes).toBe(length), { timeout: 5000 });
  });
});
