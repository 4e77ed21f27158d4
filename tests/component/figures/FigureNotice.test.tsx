import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OneUnitRnn } from '../../../app/figures/calculators/OneUnitRnn';
import { FigureNotice, UPDATE_FLASH_CLASSES } from '../../../app/figures/frame/FigureNotice';

const flashing = (element: Element) => UPDATE_FLASH_CLASSES.some((name) => element.classList.contains(name));

function reduceMotion() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('reduce'),
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FigureNotice', () => {
  it('says what to notice, with the figure’s state beside it, and does not flash on arrival', () => {
    render(<FigureNotice notice="Watch the bars." update={{ key: 0, label: 'Updated at step 0' }} />);
    expect(screen.getByText('What to notice:')).toBeVisible();
    expect(screen.getByText('Watch the bars.')).toBeVisible();
    const label = screen.getByText('Updated at step 0');
    expect(flashing(label)).toBe(false);
    // The label is not a live region: screen readers are not told every step.
    expect(label.closest('[aria-live]')).toBeNull();
  });

  it('flashes the label when the data changes, with a fresh class each time so the highlight restarts', () => {
    const { rerender } = render(
      <FigureNotice notice="Watch the bars." update={{ key: 0, label: 'Updated at step 0' }} />,
    );
    rerender(<FigureNotice notice="Watch the bars." update={{ key: 10, label: 'Updated at step 10' }} />);
    const label = screen.getByText('Updated at step 10');
    expect(flashing(label)).toBe(true);
    const first = [...label.classList].find((name) => name.startsWith('figure-update-flash'));
    rerender(<FigureNotice notice="Watch the bars." update={{ key: 20, label: 'Updated at step 20' }} />);
    const second = [...label.classList].find((name) => name.startsWith('figure-update-flash'));
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(label).toHaveTextContent('Updated at step 20');
  });

  it('does not flash when the page re-renders with the same data', () => {
    const { rerender } = render(
      <FigureNotice notice="Watch the bars." update={{ key: 'a', label: 'Updated: a' }} />,
    );
    rerender(<FigureNotice notice="Watch the bars." update={{ key: 'a', label: 'Updated: a' }} />);
    expect(flashing(screen.getByText('Updated: a'))).toBe(false);
  });

  it('changes the label without any flash when the reader asked for reduced motion', () => {
    reduceMotion();
    const { rerender } = render(
      <FigureNotice notice="Watch the bars." update={{ key: 0, label: 'Updated at step 0' }} />,
    );
    rerender(<FigureNotice notice="Watch the bars." update={{ key: 10, label: 'Updated at step 10' }} />);
    const label = screen.getByText('Updated at step 10');
    expect(flashing(label)).toBe(false);
  });
});

describe('a live figure’s notice and cue', () => {
  it('shows the lesson’s notice in the frame, and the cue follows the slider', () => {
    render(<OneUnitRnn notice="Follow the stems after the pulse." width={600} />);
    const figure = screen.getByRole('figure', { name: 'One-unit RNN' });
    expect(figure).toHaveTextContent('What to notice: Follow the stems after the pulse.');
    const label = screen.getByText(/^Updated: w_hh = 0\.60/);
    expect(flashing(label)).toBe(false);
    fireEvent.change(screen.getByRole('slider', { name: /whh recurrent/ }), { target: { value: '1.5' } });
    expect(label).toHaveTextContent(/^Updated: w_hh = 1\.50/);
    expect(flashing(label)).toBe(true);
  });

  it('under reduced motion, the slider changes the label and nothing flashes', () => {
    reduceMotion();
    render(<OneUnitRnn notice="Follow the stems after the pulse." width={600} />);
    const label = screen.getByText(/^Updated: w_hh = 0\.60/);
    fireEvent.change(screen.getByRole('slider', { name: /whh recurrent/ }), { target: { value: '1.5' } });
    expect(label).toHaveTextContent(/^Updated: w_hh = 1\.50/);
    expect(flashing(label)).toBe(false);
  });
});
