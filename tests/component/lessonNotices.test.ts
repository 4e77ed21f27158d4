// Every live figure a lesson or its slides place says what to notice there (issue 12): each tag of a
// registered widget carries a non-empty `notice` prop, written for its own place, not one per widget.
import { describe, expect, it } from 'vitest';
import { lessonComponents } from '../../app/mdx/lessonComponents';

// The MDX plugin compiles every .mdx import (even ?raw), so the sources are read from disk. This
// project's tsconfig gives component tests DOM types only, hence the small hand-written type.
const fs = (await import('node:fs' as string)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
};
const sources = Object.keys(import.meta.glob('../../lessons/*/{lesson,slides}.mdx')).map((path) => ({
  path: path.replace('../../', ''),
  text: fs.readFileSync(new URL(path, import.meta.url), 'utf8'),
}));

/** What a lesson may place that is not a figure: formulas, prompts and links to the claims page. */
const NOT_FIGURES = new Set(['Tex', 'TryThis', 'Claim']);
const LIVE_WIDGETS = Object.keys(lessonComponents).filter((name) => !NOT_FIGURES.has(name));

interface Tag {
  readonly name: string;
  readonly source: string;
}

/**
 * The opening tag that starts at `start` (at its "<"), up to the ">" that ends it: braces of JSX
 * expressions and quoted strings are skipped, so `config={{ a: ">" }}` does not end it early.
 */
function openingTag(text: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let index = start + 1; index < text.length; index++) {
    const character = text[index]!;
    if (quote) {
      if (character === quote && text[index - 1] !== '\\') quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '{') depth++;
    else if (character === '}') depth--;
    else if (character === '>' && depth === 0) return text.slice(start, index + 1);
  }
  throw new Error(`An opening tag at ${start} never ends`);
}

function widgetTags(text: string): Tag[] {
  const pattern = new RegExp(`<(${LIVE_WIDGETS.join('|')})(?=[\\s/>])`, 'g');
  return [...text.matchAll(pattern)].map((match) => ({
    name: match[1]!,
    source: openingTag(text, match.index),
  }));
}

/** The value of a plain string prop `notice="…"`, or null when the tag has none. */
const noticeOf = (tag: Tag) => /\snotice="([^"]*)"/.exec(tag.source)?.[1] ?? null;

describe('what to notice in every live figure', () => {
  it('finds the lessons, the slides and the widgets it checks', () => {
    expect(sources.filter((one) => one.path.endsWith('lesson.mdx')).length).toBeGreaterThanOrEqual(7);
    expect(sources.filter((one) => one.path.endsWith('slides.mdx')).length).toBeGreaterThanOrEqual(7);
    expect(LIVE_WIDGETS).toEqual(expect.arrayContaining(['LiveTraining', 'OneUnitRnn', 'LabTrainer']));
    expect(sources.reduce((sum, one) => sum + widgetTags(one.text).length, 0)).toBeGreaterThan(40);
  });

  it('reads a tag to its end past braces and quotes', () => {
    const text = '<LiveTraining {...demo} config={{ a: ">" }} notice="Look at it." /> after';
    const [tag] = widgetTags(text);
    expect(tag?.source).toBe('<LiveTraining {...demo} config={{ a: ">" }} notice="Look at it." />');
    expect(noticeOf(tag!)).toBe('Look at it.');
    expect(widgetTags('<OneUnitRnn initialWhh={0.5} />').map(noticeOf)).toEqual([null]);
  });

  for (const { path, text } of sources) {
    it(`gives every live figure in ${path} a notice of its own`, () => {
      const tags = widgetTags(text);
      const missing = tags.filter((tag) => (noticeOf(tag)?.trim() ?? '') === '').map((tag) => tag.source);
      expect(missing).toEqual([]);
      // A sentence a reader can act on, not a label.
      for (const tag of tags) expect(noticeOf(tag)!.split(' ').length, tag.source).toBeGreaterThanOrEqual(8);
      const notices = tags.map(noticeOf);
      expect(new Set(notices).size, 'two figures of one page share a notice').toBe(notices.length);
    });
  }
});
