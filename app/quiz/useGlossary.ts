import { useEffect, useState } from 'react';
import { type LessonEntry, lessons } from '../course';
import type { GlossaryTerm } from '../lessonTypes';
import { plainText } from './inline';

export interface GlossaryEntry extends GlossaryTerm {
  readonly lesson: LessonEntry;
}

export type GlossaryState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly entries: readonly GlossaryEntry[];
      readonly failed: readonly string[];
    };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts terms alphabetically, ignoring case and accents; a term defined by two lessons keeps course order. */
export function sortEntries(entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return [...entries].sort(
    (a, b) =>
      collator.compare(plainText(a.term).trim(), plainText(b.term).trim()) || a.lesson.order - b.lesson.order,
  );
}

/** Every lesson's glossary terms, loaded on demand, alphabetical. Lessons that failed to load are named. */
export function useGlossary(): GlossaryState {
  const [state, setState] = useState<GlossaryState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const withGlossary = lessons.filter((lesson) => lesson.loadGlossary);
    Promise.allSettled(withGlossary.map((lesson) => lesson.loadGlossary!())).then((results) => {
      if (!live) return;
      const entries: GlossaryEntry[] = [];
      const failed: string[] = [];
      results.forEach((result, index) => {
        const lesson = withGlossary[index]!;
        if (result.status === 'rejected' || !Array.isArray(result.value)) {
          failed.push(lesson.title);
          return;
        }
        for (const term of result.value) {
          if (term && typeof term.term === 'string' && typeof term.definition === 'string') {
            entries.push({ term: term.term, definition: term.definition, lesson });
          }
        }
      });
      setState({ status: 'ready', entries: sortEntries(entries), failed });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
