/** Helpers of ordering questions: the learner's starting order, and how close an order is to right. */
import { createRng } from '../engine';

/** A 32-bit FNV-1a hash of a string: the seed of a question's shuffle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The order the learner starts from: a Fisher–Yates shuffle seeded by the question's id, never the
 * correct order itself (when there are at least two items), and the same on every visit.
 */
export function startingOrder(questionId: string, correct: readonly string[]): string[] {
  if (correct.length < 2) return [...correct];
  // The engine's seeded generator, so a question shows the same starting order on every visit.
  const random = createRng(hash(questionId));
  for (let attempt = 0; attempt < 10; attempt++) {
    const order = [...correct];
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    if (order.some((id, index) => id !== correct[index])) return order;
  }
  return [...correct.slice(1), correct[0]!];
}

/** How many items sit at their correct position. */
export function itemsInPlace(given: readonly string[], correct: readonly string[]): number {
  return given.reduce((count, id, index) => count + (id === correct[index] ? 1 : 0), 0);
}

/**
 * The length of the longest subsequence of `given` that is in the correct relative order (items need
 * not be adjacent): the longest increasing subsequence of the items' correct positions, O(n log n).
 */
export function longestInOrder(given: readonly string[], correct: readonly string[]): number {
  const rank = new Map(correct.map((id, index) => [id, index]));
  const tails: number[] = [];
  for (const id of given) {
    const position = rank.get(id);
    if (position === undefined) continue;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tails[middle]! < position) low = middle + 1;
      else high = middle;
    }
    tails[low] = position;
  }
  return tails.length;
}

/** Moves the item at `from` one place up (−1) or down (+1); returns a new array. */
export function moveItem<T>(items: readonly T[], from: number, direction: -1 | 1): T[] {
  const to = from + direction;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
