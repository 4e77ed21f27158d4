/**
 * Built-in texts (engine/text/): the committed course prose is what scripts/build-prose.ts makes of the
 * lessons now (like the WebAssembly freshness test), of the promised size and free of markup; mdxToProse on
 * each kind of markup; toy code is deterministic, its brackets balance by kind up to depth 6 outside
 * strings, a statement opens at most 2 brackets beyond its block's depth, its strings close on their line and
 * hold 2 to 5 words (or one letter), and its indentation follows the depth; every built-in text is usable
 * by the text task.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hypothesisSignals } from '../../engine/lab/hypotheses.ts';
import { createRng } from '../../engine/rng.ts';
import { BUILTIN_TEXTS, builtinText } from '../../engine/text/builtins.ts';
import { textProblems } from '../../engine/text/corpus.ts';
import { COURSE_PROSE } from '../../engine/text/courseProse.ts';
import { mdxToProse, texToText } from '../../engine/text/prose.ts';
import { TOY_CODE_LINE_DEPTH, TOY_CODE_MAX_DEPTH, toyCode } from '../../engine/text/toyCode.ts';
import { courseProse, PROSE_PATH, proseSource } from '../../scripts/build-prose.ts';

describe('the course prose', () => {
  it('is the committed output of scripts/build-prose.ts over the lessons as they are', () => {
    expect(readFileSync(PROSE_PATH, 'utf8')).toBe(proseSource(courseProse()));
    expect(COURSE_PROSE).toBe(courseProse());
  });

  it('holds 30 to 100 thousand characters of prose without markup', () => {
    expect(COURSE_PROSE.length).toBeGreaterThan(30_000);
    expect(COURSE_PROSE.length).toBeLessThan(100_000);
    expect(COURSE_PROSE).not.toMatch(/[<>{}$\\`]|\*\*|\]\(|^#|\n\n/m);
    expect(COURSE_PROSE).toContain('constant error carousel');
  });
});

describe('mdxToProse', () => {
  it('drops imports, code, display formulas and widgets, and keeps the words inside tags', () => {
    const mdx = [
      "import { X } from './x';",
      '',
      '## A **bold** heading',
      '',
      'Some *emphasis*, `code` and a [link](https://example.org) with $W_{hh}$ and',
      'a second line of $h_{t-1} \\times 2$.',
      '',
      '$$',
      'h_t = \\tanh(a_t)',
      '$$',
      '',
      '<LiveTraining id="a" config={{ f: (x) => x > 1, s: "}" }} steps={3} />',
      '<TryThis>Press **Train** and watch.</TryThis>',
      '',
      '```python',
      'import torch',
      '```',
      '',
      '- first item',
      '- second item',
      '',
      '## Study notes',
      '',
      'Left out.',
      '',
      '## Kept',
    ].join('\n');
    expect(mdxToProse(mdx, { skipSections: ['Study notes'] })).toBe(
      [
        'A bold heading',
        'Some emphasis, code and a link with W_hh and a second line of h_(t-1) × 2.',
        'Press Train and watch.',
        'first item',
        'second item',
        'Kept',
      ].join('\n'),
    );
  });

  it('writes inline TeX as text', () => {
    expect(texToText('\\sigma(z) = \\frac{1}{1 + e^{-z}}')).toBe('σ(z) = (1)/(1 + e^(-z))');
    expect(texToText('\\lVert \\partial L / \\partial h_t \\rVert')).toBe('‖ ∂ L / ∂ h_t ‖');
    expect(texToText('x = (1, 0, \\ldots)')).toBe('x = (1, 0, ...)');
  });
});

/** Checks toy code line by line; returns the deepest nesting seen and the most a statement's line opened. */
function checkToyCode(text: string): { deepest: number; deepestInLine: number } {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let deepest = 0;
  let deepestInLine = 0;
  for (const line of text.split('\n')) {
    const depthAtStart = stack.length;
    const indent = /^ */.exec(line)![0].length;
    if (line.trim() !== '')
      expect(indent).toBe(2 * (line.trimStart().startsWith('}') ? depthAtStart - 1 : depthAtStart));
    let quote = '';
    let literal = '';
    const characters = Array.from(line);
    characters.forEach((character) => {
      if (quote !== '') {
        expect(character).toMatch(/[a-z0-9 '"]/);
        if (character !== quote) literal += character;
        else {
          // "two to five words", perhaps with a number after them, or a one-letter 'c'.
          expect(literal).toMatch(quote === '"' ? /^([a-z]+ ){1,4}[a-z]+( \d+)?$/ : /^[a-z]$/);
          quote = '';
        }
      } else if (character === '"' || character === "'") {
        quote = character;
        literal = '';
      } else if ('([{'.includes(character)) {
        stack.push(character);
        deepest = Math.max(deepest, stack.length);
        // A block's line (if, while, fn, else: it ends in its {) may nest its condition deeper.
        if (!line.endsWith('{')) deepestInLine = Math.max(deepestInLine, stack.length - depthAtStart);
      } else if (character in pairs) expect(stack.pop()).toBe(pairs[character]);
    });
    expect(quote).toBe('');
    // Only a block's { stays open past the end of its line.
    expect(stack.every((open) => open === '{')).toBe(true);
  }
  expect(stack).toEqual([]);
  return { deepest, deepestInLine };
}

describe('toyCode', () => {
  it('gives the same text for the same seed and another for another seed', () => {
    expect(toyCode(createRng(4), 3000)).toBe(toyCode(createRng(4), 3000));
    expect(toyCode(createRng(4), 3000)).not.toBe(toyCode(createRng(5), 3000));
  });

  it.each([1, 2, 3])(
    'balances brackets up to depth 6, a statement 2 deeper than its block, closes strings of 2-5 words and indents by depth (seed %i)',
    (seed) => {
      const text = toyCode(createRng(seed), 20_000);
      expect(text.length).toBeGreaterThanOrEqual(20_000);
      expect(text.length).toBeLessThan(21_000);
      expect(checkToyCode(text)).toEqual({ deepest: TOY_CODE_MAX_DEPTH, deepestInLine: TOY_CODE_LINE_DEPTH });
      expect(text).toMatch(/^fn \w+\(/m);
      expect(text).toMatch(/^ {4}if \(/m);
      const signals = hypothesisSignals(text);
      expect(signals.bracketDepth[signals.bracketDepth.length - 1]).toBe(0);
      const quoted = signals.insideQuotes.reduce((sum, v) => sum + v, 0) / text.length;
      expect(quoted).toBeGreaterThan(0.03);
      expect(quoted).toBeLessThan(0.3);
    },
  );

  it('gives nothing for 0 characters and refuses a length that is not a whole number', () => {
    expect(toyCode(createRng(1), 0)).toBe('');
    expect(() => toyCode(createRng(1), 2.5)).toThrow(RangeError);
  });
});

describe('the built-in texts', () => {
  it('have distinct ids, are found by id and are each usable by the text task', () => {
    expect(new Set(BUILTIN_TEXTS.map((entry) => entry.id)).size).toBe(BUILTIN_TEXTS.length);
    for (const entry of BUILTIN_TEXTS) {
      expect(builtinText(entry.id)).toBe(entry);
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeGreaterThan(20);
      expect(textProblems(entry.text())).toEqual([]);
      expect(entry.text()).toBe(entry.text());
    }
    expect(builtinText('nothing')).toBeUndefined();
  });
});
