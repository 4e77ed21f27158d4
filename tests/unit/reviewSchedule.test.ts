import { describe, expect, it } from 'vitest';
import {
  cardFromAnswer,
  isDue,
  type ReviewCard,
  readCard,
  reviewCard,
  seedCard,
  UNKNOWN_TIME,
} from '../../app/store/review';

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-02T09:00:00.000Z');
const days = (n: number, from = start) => new Date(from.getTime() + n * DAY);

describe('the Leitner schedule', () => {
  it('puts a first answer in box 1, due a day later and not before', () => {
    const card = seedCard(start);
    expect(card).toEqual({ box: 1, dueAt: days(1).toISOString(), updatedAt: start.toISOString() });
    expect(isDue(card, days(0.99))).toBe(false);
    expect(isDue(card, days(1))).toBe(true);
  });

  it('moves a card up a box per right review, 1 then 3 then 7 days apart, and keeps box 3 at 7 days', () => {
    let card: ReviewCard = seedCard(start);
    const boxes: number[] = [];
    const gaps: number[] = [];
    let at = start;
    for (let review = 0; review < 4; review++) {
      at = new Date(card.dueAt);
      card = reviewCard(card, true, at);
      boxes.push(card.box);
      gaps.push((Date.parse(card.dueAt) - at.getTime()) / DAY);
    }
    expect(boxes).toEqual([2, 3, 3, 3]);
    expect(gaps).toEqual([3, 7, 7, 7]);
  });

  it('sends a wrong answer back to box 1 from any box, due a day after the review', () => {
    const inBox3: ReviewCard = { box: 3, dueAt: days(7).toISOString(), updatedAt: start.toISOString() };
    const missed = reviewCard(inBox3, false, days(8));
    expect(missed).toEqual({ box: 1, dueAt: days(9).toISOString(), updatedAt: days(8).toISOString() });
  });

  it('seeds a card from an older answer at its time, or due at once when the time is unknown', () => {
    const answer = { kind: 'single', choice: 'a' };
    expect(cardFromAnswer({ attempts: 2, answeredAt: start.toISOString(), lastAnswer: answer })).toEqual(
      seedCard(start),
    );
    const unknown = cardFromAnswer({ attempts: 1, answeredAt: null, lastAnswer: null });
    expect(unknown?.dueAt).toBe(UNKNOWN_TIME);
    expect(unknown && isDue(unknown, start)).toBe(true);
    expect(cardFromAnswer({ attempts: 0, answeredAt: null, lastAnswer: null })).toBeNull();
    expect(cardFromAnswer({ attempts: 1, answeredAt: null, lastAnswer: { kind: 'predict' } })).toBeNull();
  });

  it('refuses a card with a box outside 1 to 3 or a time that is not one', () => {
    const good = seedCard(start);
    expect(readCard(good)).toEqual(good);
    for (const bad of [
      { ...good, box: 4 },
      { ...good, box: '2' },
      { ...good, dueAt: 'tomorrow' },
      { ...good, updatedAt: 12 },
      null,
      'box 1',
    ])
      expect(readCard(bad)).toBeNull();
  });
});
