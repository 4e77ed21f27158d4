import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BaselinePerplexity } from '../../../app/widgets/BaselinePerplexity';
import { baselineScores } from '../../../app/widgets/baselineScores';

const perplexityOf = (name: string) => {
  const row = screen.getByRole('row', { name: new RegExp(`^${name}`) });
  return Number(within(row).getAllByRole('cell')[1]!.textContent?.replace(/,/g, ''));
};

describe('the baselines of a typed text', () => {
  it('shows the uniform guess, the unigram and the bigram, the bigram best on the starting text', () => {
    render(<BaselinePerplexity notice="Look at the figure." />);
    const uniform = perplexityOf('Uniform guess');
    const unigram = perplexityOf('Unigram');
    const bigram = perplexityOf('Bigram');
    expect(unigram).toBeLessThan(uniform);
    expect(bigram).toBeLessThan(unigram);
    expect(screen.getByText(/distinct characters; counted in the first/)).toBeInTheDocument();
  });

  it('scores what the reader types, and asks for more when the text is too short', async () => {
    const user = userEvent.setup();
    render(<BaselinePerplexity notice="Look at the figure." />);
    const field = screen.getByRole('textbox', { name: /Type or paste a text/ });
    await user.clear(field);
    await user.type(field, 'abc');
    expect(await screen.findByText(/Type at least 40 characters \(3 so far\)/)).toBeInTheDocument();
    await user.type(field, 'ab'.repeat(25));
    // "abcabab…": after an a comes a b almost always, so the bigram is nearly sure of every character.
    expect(await screen.findByRole('row', { name: /^Bigram/ })).toBeInTheDocument();
    expect(perplexityOf('Bigram')).toBeLessThan(1.5);
    expect(perplexityOf('Uniform guess')).toBe(3);
  });

  it('computes exactly the smoothed counts on a tiny text', () => {
    // 40 characters "ab" × 20: V = 2, the first 32 are counted, the last 8 scored.
    const scores = baselineScores('ab'.repeat(20));
    if (!scores.ok) throw new Error(scores.message);
    expect(scores.training).toBe(32);
    // Unigram: n(a) = n(b) = 16 of 32, so p = 17/34 = 1/2 for every character: perplexity 2.
    expect(scores.unigram.perplexity).toBeCloseTo(2, 12);
    // Bigram: n(ab) = 16, n(ba) = 15, n(a·) = 16, n(b·) = 15: p(b|a) = 17/18, p(a|b) = 16/17.
    const expected = Math.exp(-(4 * Math.log(17 / 18) + 4 * Math.log(16 / 17)) / 8);
    expect(scores.bigram.perplexity).toBeCloseTo(expected, 12);
  });
});
