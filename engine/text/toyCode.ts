/**
 * "Toy code": a generated text in a small made-up programming language, for the language lab. Its
 * structure is what single units of a character model are known to learn to track (Karpathy, Johnson and
 * Fei-Fei, 2015, found cells for quotes, bracket depth and line position): blocks nested up to depth 5,
 * in which a statement opens at most 2 more brackets (so most of the depth is the blocks', which the
 * indentation and the closing braces follow) while an if's or while's condition may nest to depth 6,
 * quoted strings of 2 to 5 words (long enough that knowing a quote is open pays), indentation by nesting
 * depth, identifiers and numbers. For example:
 *
 *     fn scale(a, b) {
 *       let total = (a + [b, 3]) * 7;
 *       if (total > size) {
 *         show("big step left done", total);
 *       }
 *     }
 *
 * Every bracket is closed on the line that opens it, except a block's `{`, which its own `}` line closes;
 * strings hold only letters, digits and spaces and close on their line.
 */
import type { Rng } from '../rng.ts';

/** The deepest bracket nesting toyCode writes (blocks and expressions together). */
export const TOY_CODE_MAX_DEPTH = 6;
/** The most brackets a statement's line opens beyond its block's depth (a condition may open more). */
export const TOY_CODE_LINE_DEPTH = 2;

const NAMES = ['x', 'y', 'n', 'count', 'total', 'item', 'value', 'left', 'right', 'size', 'key', 'step'];
const FUNCTIONS = ['f', 'g', 'add', 'scale', 'push', 'pick', 'show', 'len', 'max', 'min'];
const WORDS = ['big', 'small', 'step', 'done', 'next', 'value', 'left', 'ok', 'no', 'item', 'row', 'end'];
const OPERATORS = [' + ', ' - ', ' * ', ' / '];
const COMPARISONS = [' < ', ' > ', ' == ', ' != '];
const INDENT = '  ';

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)]!;
}

/** A string literal: usually "two to five words", sometimes a one-letter 'c'. */
function stringLiteral(rng: Rng): string {
  if (rng.next() < 0.1) return `'${String.fromCharCode(97 + rng.int(26))}'`;
  const words = Array.from({ length: 2 + rng.int(4) }, () => pick(rng, WORDS));
  if (rng.next() < 0.3) words.push(String(rng.int(100)));
  return `"${words.join(' ')}"`;
}

/** An expression that may open at most `budget` more brackets. */
function expression(rng: Rng, budget: number): string {
  const roll = rng.next();
  if (budget > 0 && roll < 0.2)
    return `(${expression(rng, budget - 1)}${pick(rng, OPERATORS)}${expression(rng, budget - 1)})`;
  if (budget > 0 && roll < 0.32) {
    const items = Array.from({ length: 1 + rng.int(3) }, () => expression(rng, budget - 1));
    return `[${items.join(', ')}]`;
  }
  if (budget > 0 && roll < 0.45) return call(rng, budget);
  if (roll < 0.6) return pick(rng, NAMES);
  if (roll < 0.75) return String(rng.int(rng.next() < 0.5 ? 10 : 1000));
  if (roll < 0.85) return stringLiteral(rng);
  return `${expression(rng, budget)}${pick(rng, OPERATORS)}${pick(rng, NAMES)}`;
}

/** A call f(a, b), its arguments opening at most budget − 1 more brackets (budget ≥ 1). */
function call(rng: Rng, budget: number): string {
  const count = rng.int(3);
  const args = Array.from({ length: count }, () =>
    rng.next() < 0.3 ? stringLiteral(rng) : expression(rng, budget - 1),
  );
  return `${pick(rng, FUNCTIONS)}(${args.join(', ')})`;
}

/** One simple statement line at block depth `depth` (without indentation). */
function simpleStatement(rng: Rng, depth: number): string {
  const budget = Math.min(TOY_CODE_LINE_DEPTH, TOY_CODE_MAX_DEPTH - depth);
  const roll = rng.next();
  if (roll < 0.35) return `let ${pick(rng, NAMES)} = ${expression(rng, budget)};`;
  if (roll < 0.6) return `${pick(rng, NAMES)} = ${expression(rng, budget)};`;
  if (roll < 0.85) return `${call(rng, budget)};`;
  return `return ${expression(rng, budget)};`;
}

/** The lines of one statement at block depth `depth`, indented; blocks nest while depth allows. */
function statement(rng: Rng, depth: number, lines: string[]): void {
  const indent = INDENT.repeat(depth);
  // Blocks stop one level short of the limit, so the deepest body still has a bracket to open.
  if (depth + 2 <= TOY_CODE_MAX_DEPTH && rng.next() < 0.3) {
    const keyword = rng.next() < 0.7 ? 'if' : 'while';
    const condition = `${expression(rng, TOY_CODE_MAX_DEPTH - depth - 1)}${pick(rng, COMPARISONS)}${expression(rng, 0)}`;
    lines.push(`${indent}${keyword} (${condition}) {`);
    block(rng, depth + 1, lines);
    if (keyword === 'if' && rng.next() < 0.3) {
      lines.push(`${indent}} else {`);
      block(rng, depth + 1, lines);
    }
    lines.push(`${indent}}`);
    return;
  }
  lines.push(indent + simpleStatement(rng, depth));
}

function block(rng: Rng, depth: number, lines: string[]): void {
  const count = 1 + rng.int(3);
  for (let k = 0; k < count; k++) statement(rng, depth, lines);
}

/** One top-level unit: a function definition (most often) or a statement, as lines. */
function topLevel(rng: Rng): string[] {
  const lines: string[] = [];
  if (rng.next() < 0.6) {
    const params = Array.from({ length: rng.int(3) }, () => pick(rng, NAMES));
    lines.push(`fn ${pick(rng, FUNCTIONS)}(${params.join(', ')}) {`);
    block(rng, 1, lines);
    lines.push('}');
  } else statement(rng, 0, lines);
  return lines;
}

/**
 * About `characters` characters of toy code (see the file comment) drawn with `rng`: whole top-level
 * units, one line each ending in a newline, until the text reaches `characters` (so it runs over by at most
 * one unit; a blank line separates function definitions). Brackets balance and strings close. The same rng
 * state gives the same text; advances rng.
 */
export function toyCode(rng: Rng, characters: number): string {
  if (!(Number.isInteger(characters) && characters >= 0)) {
    throw new RangeError(`The length must be a whole number ≥ 0; got ${characters}.`);
  }
  const parts: string[] = [];
  let length = 0;
  while (length < characters) {
    const lines = topLevel(rng);
    const text = `${lines.join('\n')}\n${lines.length > 1 ? '\n' : ''}`;
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}
