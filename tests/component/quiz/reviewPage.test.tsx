import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { lessons } from '../../../app/course';
import type { Question } from '../../../app/lessonTypes';
import { HomePage } from '../../../app/pages/HomePage';
import { ReviewPage } from '../../../app/pages/ReviewPage';
import { describeMastery, lessonMastery } from '../../../app/quiz/mastery';
import { describeDue, describeMove } from '../../../app/quiz/reviewPlan';
import { useStore } from '../../../app/store';
import { EMPTY_LESSON } from '../../../app/store/progressFormat';
import { resetProgressStore } from './progressStore';

const first = lessons[0]!;
// Local noon, so that "tomorrow" means the same in any time zone the tests run in.
const start = new Date(2026, 2, 2, 12, 0);
const hours = (n: number) => new Date(start.getTime() + n * 60 * 60 * 1000);

let quiz: readonly Question[] = [];

function renderAt(path: string, page: React.ReactNode) {
  const { hook } = memoryLocation({ path });
  return render(<Router hook={hook}>{page}</Router>);
}

const question = (id: string) => {
  const found = quiz.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`lesson 1 has no question ${id}`);
  return found;
};
const card = (id: string) => useStore.getState().progress.lessons[first.slug]?.questions[id]?.review;

beforeEach(async () => {
  quiz = (await first.loadQuiz?.()) ?? [];
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  resetProgressStore();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Answers lesson 1's window question right and its weight-sharing question wrong, at `start`. */
function answerInTheLesson() {
  const ids = quiz.map((q) => q.id);
  const { recordAnswer } = useStore.getState();
  recordAnswer(first.slug, 'l1-window', { kind: 'single', choice: 'outside-window' }, 1, ids);
  recordAnswer(first.slug, 'l1-weight-sharing', { kind: 'multiple', choices: [] }, 0, ids);
}

describe('the Review page', () => {
  it('asks the questions due one at a time, moves their boxes, and says when the next review is', async () => {
    answerInTheLesson();
    vi.setSystemTime(hours(25));
    const user = userEvent.setup();
    renderAt('/review', <ReviewPage />);
    expect(await screen.findByText('2 questions due now.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/Question 1 of 2/)).toBeInTheDocument();
    // In review the learner recalls afresh: the answer given in the lesson is not filled in.
    const window = question('l1-window');
    const right = window.kind === 'single' ? window.choices.find((c) => c.id === window.answer) : undefined;
    const rightChoice = screen.getByRole('radio', { name: right?.text });
    expect(rightChoice).not.toBeChecked();
    expect(screen.getByRole('link', { name: 'Open this question in its lesson' })).toHaveAttribute(
      'href',
      `/lessons/${first.slug}/question-l1-window`,
    );
    await user.click(rightChoice);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(card('l1-window')).toMatchObject({ box: 2, dueAt: hours(25 + 72).toISOString() });
    expect(screen.getByText('Moved up to box 2: it comes back in 3 days.')).toBeInTheDocument();
    // The lesson's own record is untouched: one attempt, as answered there.
    expect(useStore.getState().progress.lessons[first.slug]?.questions['l1-window']?.attempts).toBe(1);
    const next = screen.getByRole('button', { name: 'Next question' });
    expect(next).toHaveFocus();
    await user.click(next);

    expect(screen.getByText(/Question 2 of 2/)).toBeInTheDocument();
    const firstBox = screen.getAllByRole('checkbox')[0]!;
    expect(firstBox).toHaveFocus();
    await user.click(firstBox);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(card('l1-weight-sharing')).toMatchObject({ box: 1, dueAt: hours(49).toISOString() });
    expect(screen.getByText('Stays in box 1: it comes back tomorrow.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Finish the review' }));

    const done = screen.getByRole('heading', { name: 'Review done' });
    expect(done).toHaveFocus();
    expect(done.parentElement).toHaveTextContent(
      'You answered 1 of 2 questions right. Next review tomorrow.',
    );
  });

  it('says nothing is due, and when the next review is, before a day has passed', async () => {
    answerInTheLesson();
    vi.setSystemTime(hours(1));
    renderAt('/review', <ReviewPage />);
    expect(
      await screen.findByText('Nothing due — next review tomorrow.', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check' })).not.toBeInTheDocument();
  });

  it('invites a newcomer to answer in a lesson first, and says predict questions stay in their lessons', async () => {
    renderAt('/review', <ReviewPage />);
    expect(await screen.findByText(/Nothing to review yet/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start with the first lesson' })).toHaveAttribute(
      'href',
      `/lessons/${first.slug}`,
    );
    expect(screen.getByText(/Predict-then-run questions are not asked here/)).toBeInTheDocument();
  });
});

describe('what the Review page says about times and boxes', () => {
  it('says when a card is due in words a student reads at a glance', () => {
    expect(describeDue(hours(-1).toISOString(), start)).toBe('now');
    expect(describeDue(hours(2).toISOString(), start)).toBe('today at 14:00');
    expect(describeDue(hours(24).toISOString(), start)).toBe('tomorrow');
    expect(describeDue(hours(72).toISOString(), start)).toBe('on Thursday 5 March');
  });

  it('says where a review answer moved the card', () => {
    expect(describeMove(2, 3)).toBe('Moved up to box 3: it comes back in 7 days.');
    expect(describeMove(3, 3)).toBe('Stays in box 3: it comes back in 7 days.');
    expect(describeMove(3, 1)).toBe('Back to box 1: it comes back tomorrow.');
  });
});

describe('mastery per lesson', () => {
  const reviewable = () => quiz.filter((q) => q.kind !== 'predict');
  const inBox = (box: 1 | 2 | 3) => ({
    attempts: 1,
    bestScore: 1,
    lastScore: 1,
    lastAnswer: null,
    completed: true,
    answeredAt: start.toISOString(),
    review: { box, dueAt: hours(24).toISOString(), updatedAt: start.toISOString() },
  });
  const withBoxes = (boxes: readonly (1 | 2 | 3)[]) => ({
    ...EMPTY_LESSON,
    questions: Object.fromEntries(reviewable().map((q, i) => [q.id, inBox(boxes[i] ?? 1)])),
  });

  it('is New, then Learning, Reviewing and Mastered as every question climbs the boxes', () => {
    const n = reviewable().length;
    expect(lessonMastery(quiz, EMPTY_LESSON)?.level).toBe('new');
    expect(lessonMastery(quiz, withBoxes([3, 3]))?.level).toBe('learning');
    const reviewing = lessonMastery(quiz, withBoxes(Array.from({ length: n }, (_, i) => (i === 0 ? 2 : 3))));
    expect(reviewing?.level).toBe('reviewing');
    expect(reviewing && describeMastery(reviewing)).toBe(`Mastery: Reviewing · ${n - 1} of ${n} mastered`);
    const mastered = lessonMastery(quiz, withBoxes(Array.from({ length: n }, () => 3)));
    expect(mastered).toMatchObject({ level: 'mastered', mastered: n, share: 1 });
  });

  it('shows on the course map in words, and rises after a right review', async () => {
    answerInTheLesson();
    renderAt('/', <HomePage />);
    const card = within(screen.getByRole('list')).getAllByRole('listitem')[0]!;
    const n = reviewable().length;
    await waitFor(() => expect(card).toHaveTextContent(`Mastery: Learning · 0 of ${n} mastered`));
    act(() => {
      for (const q of reviewable()) {
        const store = useStore.getState();
        if (!store.progress.lessons[first.slug]?.questions[q.id])
          store.recordAnswer(first.slug, q.id, { kind: 'numeric', text: '1' }, 1, []);
        store.recordReview(first.slug, q.id, true);
      }
    });
    expect(card).toHaveTextContent(`Mastery: Reviewing · 0 of ${n} mastered`);
  });
});
