import { type ComponentType, type ReactNode, Suspense } from 'react';
import { lazyPage } from '../components/lazyPage';
import { WhenNear } from '../components/WhenNear';
import type { LabEmbedProps } from '../lab/LessonLabEmbeds';
import './labEmbeds.css';

/**
 * Lesson 6's lab widgets as the lesson places them. Each is a placeholder until it comes within a
 * screen of view; only then is the lab's code downloaded (one chunk for all of them) and the widget
 * drawn, so opening the lesson costs nothing for them. Once drawn, a widget stays.
 */

const load = () => import('../lab/LessonLabEmbeds');

function LabSlot({ what, children }: { what: string; children: ReactNode }) {
  const waiting = <p className="muted lab-embed-waiting">{what} loads as you reach it.</p>;
  return (
    <WhenNear className="lab-embed-slot" placeholder={waiting}>
      <Suspense fallback={waiting}>{children}</Suspense>
    </WhenNear>
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
      <LabSlot what={what}>
        <Lazy notice={notice} />
      </LabSlot>
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
