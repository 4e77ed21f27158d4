import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnswerKey } from '../../../app/quiz/AnswerKey';
import { numeric, predict } from './fixtures';

describe("a teacher's answer key", () => {
  it('gives a predict question its outcome on the seed and the right reason, and a number its tolerance', () => {
    render(<AnswerKey questions={[numeric, predict]} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Answer: 5376 parameters (accepted within ±10)');
    expect(items[1]).toHaveTextContent('the highest measure wins');
    expect(items[1]).toHaveTextContent('On the question’s seed the result is “The LSTM”.');
    expect(items[1]).toHaveTextContent(
      'Reason (Why did the LSTM win?): Its cell state carries the cue across the gap',
    );
  });
});
