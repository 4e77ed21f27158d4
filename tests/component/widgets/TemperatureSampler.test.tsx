import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadTextBigrams } from '../../../app/quiz/bigramSampling';
import { nextCharacters } from '../../../app/widgets/nextCharacters';
import { TemperatureSampler } from '../../../app/widgets/TemperatureSampler';

const percent = (text: string | null) => Number((text ?? '').replace('%', ''));

/** The most likely next character's probability at temperature 1 (column 1) or at the slider's (2), from the data table. */
async function topShare(column: 1 | 2): Promise<number> {
  const table = await screen.findByRole('table');
  const firstRow = within(table).getAllByRole('row')[1]!;
  return percent(within(firstRow).getAllByRole('cell')[column]!.textContent);
}

describe('temperature on the next character', () => {
  it('ranks the course’s most likely characters after “t” and sharpens them as the temperature falls', async () => {
    const user = userEvent.setup();
    render(<TemperatureSampler notice="Look at the figure." width={500} />);
    const slider = await screen.findByRole('slider', { name: /Temperature/ });
    expect(slider).toHaveValue('1');
    await user.click(screen.getByRole('button', { name: /Show data|data/i }));
    const atOne = await topShare(2);
    expect(await topShare(1)).toBe(atOne); // At temperature 1 the bars are the counted probabilities.
    fireEvent.change(slider, { target: { value: '0.3' } });
    expect(await topShare(2)).toBeGreaterThan(atOne);
    fireEvent.change(slider, { target: { value: '2' } });
    expect(await topShare(2)).toBeLessThan(atOne);
    expect(screen.getByText(/at temperature 2, the most likely next character “h”/)).toBeInTheDocument();
  });

  it('draws a looping sample when cold and a varied one when hot, and another on request', async () => {
    const user = userEvent.setup();
    const { container } = render(<TemperatureSampler notice="Look at the figure." width={500} />);
    const slider = await screen.findByRole('slider', { name: /Temperature/ });
    const sample = () => container.querySelector('.temperature-sample-text')?.textContent ?? '';
    fireEvent.change(slider, { target: { value: '0.1' } });
    expect(sample()).toMatch(/the the the/);
    expect(screen.getByText(/of its 4-character stretches are distinct/).textContent).toMatch(
      / [0-9]% of| 1[0-9]% of/,
    );
    fireEvent.change(slider, { target: { value: '2' } });
    const hot = sample();
    expect(hot).not.toMatch(/the the the/);
    await user.click(screen.getByRole('button', { name: 'Draw another sample' }));
    expect(sample()).not.toBe(hot);
    expect(screen.getByText(/\(seed 2\)/)).toBeInTheDocument();
  });

  it('changes the distribution with the previous character: after “q”, a “u” is the likeliest', async () => {
    const user = userEvent.setup();
    render(<TemperatureSampler notice="Look at the figure." width={500} />);
    await user.click(await screen.findByRole('radio', { name: '“q”' }));
    const bigrams = await loadTextBigrams('course-prose');
    expect(nextCharacters(bigrams, 'q', 1, 8).bars[0]?.character).toBe('u');
    expect(
      screen.getByText(/After “q”, at temperature 1, the most likely next character “u”/),
    ).toBeInTheDocument();
  });
});
