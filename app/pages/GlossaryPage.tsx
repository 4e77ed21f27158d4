import '../styles/quiz.css';
import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { useProgressiveReveal } from '../components/useProgressiveCount';
import { paths } from '../course';
import { plainText } from '../quiz/inline';
import { RichText } from '../quiz/RichText';
import { headingId } from '../quiz/SectionHeading';
import { type GlossaryEntry, useGlossary } from '../quiz/useGlossary';
import { IntroText, pageIntros } from './pageIntros';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
/** Terms drawn in the first commit (about two screens on a phone), then per idle slice: each term's
 * formulas are typeset by KaTeX as it mounts, and all of them at once blocked a phone for over half a second. */
const FIRST_TERMS = 12;
const SLICE_TERMS = 8;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The letter a term is filed under: its first letter, or '#' for a digit or symbol. */
function letterOf(term: string): string {
  const first = fold(term.trim()).charAt(0).toUpperCase();
  return LETTERS.includes(first) ? first : '#';
}

function groupByLetter(entries: readonly GlossaryEntry[]): [string, GlossaryEntry[]][] {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    const letter = letterOf(plainText(entry.term));
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b)));
}

const letterId = (letter: string) => (letter === '#' ? 'letter-symbols' : `letter-${letter.toLowerCase()}`);

function jumpTo(letter: string) {
  const heading = document.getElementById(letterId(letter));
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** Every lesson's glossary terms in one alphabetical list, with an A–Z jump list and a filter. */
export function GlossaryPage() {
  usePageTitle('Glossary');
  const glossary = useGlossary();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const entries = glossary.status === 'ready' ? glossary.entries : [];
  const shown = useMemo(() => {
    const wanted = fold(filter.trim());
    if (!wanted) return entries;
    return entries.filter(
      (entry) =>
        fold(plainText(entry.term)).includes(wanted) || fold(plainText(entry.definition)).includes(wanted),
    );
  }, [entries, filter]);
  const { shown: drawn, revealAll } = useProgressiveReveal(shown.length, FIRST_TERMS, SLICE_TERMS);
  const present = new Set(groupByLetter(shown).map(([letter]) => letter));
  const groups = groupByLetter(shown.slice(0, drawn));
  // A letter further down may not be drawn yet: draw every term first, then jump.
  const jump = (letter: string) => {
    revealAll();
    jumpTo(letter);
  };

  return (
    <div className={pageIntros.glossary.className}>
      <IntroText intro={pageIntros.glossary} />
      {glossary.status === 'loading' ? (
        <p className="muted">Loading the terms…</p>
      ) : (
        <>
          <div className="glossary-tools">
            <label htmlFor={filterId} className="glossary-filter-label">
              Filter terms
            </label>
            <input
              id={filterId}
              type="search"
              value={filter}
              autoComplete="off"
              placeholder="e.g. gate, gradient"
              onChange={(event) => setFilter(event.currentTarget.value)}
            />
            <p className="glossary-count" role="status">
              {shown.length === entries.length
                ? `${entries.length} ${entries.length === 1 ? 'term' : 'terms'}`
                : `${shown.length} of ${entries.length} terms match`}
            </p>
          </div>
          <nav aria-label="Jump to a letter" className="glossary-letters">
            <ul>
              {LETTERS.map((letter) => (
                <li key={letter}>
                  {present.has(letter) ? (
                    <button type="button" onClick={() => jump(letter)} aria-label={`Terms under ${letter}`}>
                      {letter}
                    </button>
                  ) : (
                    <span className="glossary-letter-empty" aria-hidden="true">
                      {letter}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {glossary.failed.length > 0 && (
            <p className="error-box">The terms of {glossary.failed.join(', ')} could not be loaded.</p>
          )}
          {entries.length === 0 && <p>The lessons have not defined any terms yet.</p>}
          {entries.length > 0 && shown.length === 0 && <p>No term matches “{filter.trim()}”.</p>}
          <div className="glossary-groups" aria-busy={drawn < shown.length ? true : undefined}>
            {groups.map(([letter, group]) => (
              <section key={letter} aria-labelledby={letterId(letter)} className="glossary-group">
                <h2 id={letterId(letter)} tabIndex={-1}>
                  {letter === '#' ? 'Numbers and symbols' : letter}
                </h2>
                <dl className="glossary-list">
                  {group.map((entry) => (
                    <div key={`${entry.lesson.slug}:${entry.term}`} className="glossary-entry">
                      <dt id={`term-${headingId(plainText(entry.term))}-${entry.lesson.order}`}>
                        <RichText text={entry.term} />
                      </dt>
                      <dd>
                        <RichText text={entry.definition} />
                      </dd>
                      <dd className="glossary-source">
                        From{' '}
                        <Link href={paths.lesson(entry.lesson.slug)}>
                          lesson {entry.lesson.order}, {entry.lesson.title}
                        </Link>
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
