import type { ReactNode } from 'react';

/**
 * The opening words of the pages that load on demand: their title and lead paragraph. They are part of
 * the first download (a few hundred bytes), so that while a page's code is still on its way the reader
 * already sees what the page is, and a phone draws its largest text one round trip sooner. Each page
 * draws its own opening from here too, so the two are always the same words in the same place.
 */
export interface PageIntro {
  /** The class of the page's outer element, as the page itself has it. */
  readonly className: string;
  /** The class of the `<header>` around the title; absent: no header element. */
  readonly header?: string;
  readonly eyebrow?: string;
  readonly title: string;
  readonly lead: string;
}

export const pageIntros = {
  glossary: {
    className: 'page glossary-page',
    header: '',
    title: 'Glossary',
    lead:
      'Every term the lessons define, in alphabetical order, each with the lesson it comes from. Type a ' +
      'word in the filter to find each term whose name or definition uses it, or jump to a letter. ' +
      'Printed, the list makes a handout to keep beside the lessons.',
  },
  review: {
    className: 'page review-page',
    header: '',
    eyebrow: 'Spaced review',
    title: 'Review',
    lead:
      'Questions you answered in the lessons come back here a day, then three days, then a week later. ' +
      'Recalling an answer after a gap is what makes it last.',
  },
  finalQuiz: {
    className: 'page lesson final-quiz-page',
    header: 'lesson-header',
    eyebrow: 'Course review',
    title: 'Final quiz',
    lead:
      'Questions from every lesson, mixed: choices, numbers to work out, orders to put right, and ' +
      'predictions you test by training real networks here in your browser.',
  },
  claims: {
    className: 'page claims-page',
    title: 'Claims, measured',
    lead:
      'Every number the course states that can be measured is measured here, live, on your machine: the ' +
      'training runs in your browser, with the configuration and seeds shown beside each result. Where a ' +
      'claim rests on training, it is measured on several seeds, each seed a dot, so the spread shows and ' +
      'no single run stands in for all.',
  },
  lab: {
    className: 'page lab',
    title: 'Language lab',
    lead:
      'A recurrent network that reads a text one character at a time and learns to guess the next one, ' +
      'trained here in your browser. Watch its samples turn from babble into words, type to see what it ' +
      'expects, and look inside it.',
  },
  playground: {
    className: 'page playground',
    title: 'Playground',
    lead:
      'Every option of the engine, on real models training in your browser. Change a setting, press Train, ' +
      'and compare up to three configurations side by side on the same data.',
  },
} as const satisfies Record<string, PageIntro>;

/** A page's eyebrow, title and lead, inside its `<header>` when it has one; `children` go after the lead. */
export function IntroText({ intro, children }: { readonly intro: PageIntro; readonly children?: ReactNode }) {
  const text = (
    <>
      {intro.eyebrow && <p className="eyebrow">{intro.eyebrow}</p>}
      <h1>{intro.title}</h1>
      <p className="lead">{intro.lead}</p>
      {children}
    </>
  );
  if (intro.header === undefined) return text;
  return <header className={intro.header || undefined}>{text}</header>;
}

/** What a page shows while its code downloads: its opening, then a line saying the rest is coming. */
export function IntroWhileLoading({ intro }: { readonly intro: PageIntro }) {
  return (
    <div className={intro.className}>
      <IntroText intro={intro} />
      <p className="muted">Loading…</p>
    </div>
  );
}
