import { type ComponentType, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { lazyPage } from '../components/lazyPage';
import type { LabEmbedProps } from '../lab/LessonLabEmbeds';
import './labEmbeds.css';

/**
 * Lesson 6's lab widgets as the lesson places them. Each is a placeholder until it comes within a
 * screen of view; only then is the lab's code downloaded (one chunk for all of them) and the widget
 * drawn, so opening the lesson costs nothing for them. Once drawn, a widget stays.
 */

const load = () => import('../lab/LessonLabEmbeds');

/** How far beyond the window a widget starts to load: a screen, so it is ready when it shows. */
const NEAR_MARGIN = '100% 0px';

function WhenNear({ what, children }: { what: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Where there is no IntersectionObserver, every widget is drawn at once.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  const waiting = <p className="muted lab-embed-waiting">{what} loads as you reach it.</p>;
  return (
    <div ref={ref} className="lab-embed-slot">
      {near ? <Suspense fallback={waiting}>{children}</Suspense> : waiting}
    </div>
  );
}

function embed(
  what: string,
  pick: (module: Awaited<ReturnType<typeof load>>) => ComponentType<LabEmbedProps>,
) {
  const Lazy = lazyPage(() => load().then(pick));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per widget at module level, like lazy() itself, so its identity is stable.
  return function LabEmbed({ notice }: LabEmbedProps) {
    return (
      <WhenNear what={what}>
        <Lazy notice={notice} />
      </WhenNear>
    );
  };
}

/** The lab's trainer on the course prose, with its curves. */
export const LabTrainer = embed('The language lab’s trainer', (module) => module.LabTrainerEmbed);
/** The lab's samples timeline and temperature. */
export const LabSampler = embed('The language lab’s samples', (module) => module.LabSamplesEmbed);
/** The lab's autocomplete bars. */
export const LabAutocompleter = embed(
  'The language lab’s autocomplete',
  (module) => module.LabAutocompleteEmbed,
);
/** The lab's inside view on the toy code. */
export const LabInsideView = embed('The language lab’s inside view', (module) => module.LabInsideEmbed);
/** The lab's reach by distance, per cell. */
export const LabReach = embed('The language lab’s connectivity', (module) => module.LabReachEmbed);
