/**
 * Lesson 6's lab widgets: the lab's own components (curves, samples, autocomplete, the inside view,
 * the reach by distance) on the lab's one model, each with the controls to train it. This module is
 * loaded only when a widget nears view (app/mdx/labEmbeds.tsx), so the lesson stays light at load.
 */

import { FigureNotice } from '../figures/frame/FigureNotice';
import { runsUpdate } from '../live/runUpdate';
import { useStore } from '../store';
import { TOY_CODE_PASSAGE } from './inside/passage';
import { LabAutocomplete } from './LabAutocomplete';
import { LabCurves } from './LabCurves';
import { LabInside } from './LabInside';
import { LabSamples } from './LabSamples';
import { defaultPrime, LAB_SLOT, sourceTextNow } from './labChoice';
import { LessonLabControls, LessonLabKeeper, SameModel, useLessonLab } from './lessonLab';
import { labStepOffset } from './useLabKeep';
import { useSourceText } from './useSourceText';
import './lab.css';
import '../playground/playground.css';

const PROSE = { kind: 'builtin', id: 'course-prose' } as const;
const TOY_CODE = { kind: 'builtin', id: 'toy-code' } as const;

/** What to notice in one of the lesson's lab widgets, written for its place in the lesson. */
export interface LabEmbedProps {
  readonly notice: string;
}

/** The text the model reads, for primes made of its own characters (the course prose before any). */
function modelText(config: { task: { kind: string; text?: string } } | undefined): string {
  return config?.task.kind === 'text' && config.task.text ? config.task.text : (sourceTextNow(PROSE) ?? '');
}

/** The trainer: pick a cell, train on the course prose, and watch loss and held-out perplexity. */
export function LabTrainerEmbed({ notice }: LabEmbedProps) {
  const { run, keeper } = useLessonLab();
  const history = useStore((state) => state.labHistory);
  const offset = labStepOffset(run);
  return (
    <div className="lab-embed">
      <FigureNotice notice={notice} update={runsUpdate([run], labStepOffset(run))} />
      <LessonLabControls run={run} text="course-prose" />
      {keeper && <LessonLabKeeper run={run} />}
      <LabCurves run={run} history={run && offset > 0 ? history : null} />
      <SameModel />
    </div>
  );
}

/** The samples timeline with its prime and temperature. */
export function LabSamplesEmbed({ notice }: LabEmbedProps) {
  const { run, keeper } = useLessonLab();
  return (
    <div className="lab-embed">
      <FigureNotice notice={notice} update={runsUpdate([run], labStepOffset(run))} />
      <LessonLabControls run={run} text="course-prose" />
      {keeper && <LessonLabKeeper run={run} />}
      <LabSamples
        slot={LAB_SLOT}
        run={run}
        stepOffset={labStepOffset(run)}
        initialPrime={defaultPrime(modelText(run?.config))}
      />
      <SameModel />
    </div>
  );
}

/** The autocomplete box: type, and see the model's likeliest next characters as bars. */
export function LabAutocompleteEmbed({ notice }: LabEmbedProps) {
  const { run, keeper } = useLessonLab();
  return (
    <div className="lab-embed">
      <FigureNotice notice={notice} update={runsUpdate([run], labStepOffset(run))} />
      <LessonLabControls run={run} text="course-prose" />
      {keeper && <LessonLabKeeper run={run} />}
      <LabAutocomplete slot={LAB_SLOT} run={run} initialText={defaultPrime(modelText(run?.config))} />
      <SameModel />
    </div>
  );
}

/** The inside view on the toy code: the text coloured by a unit, and "find a unit". */
export function LabInsideEmbed({ notice }: LabEmbedProps) {
  const { run, keeper } = useLessonLab();
  const toyCode = useSourceText(TOY_CODE);
  return (
    <div className="lab-embed">
      <FigureNotice notice={notice} update={runsUpdate([run], labStepOffset(run))} />
      <LessonLabControls run={run} text="toy-code" />
      {keeper && <LessonLabKeeper run={run} />}
      {toyCode === null ? (
        <p className="inside-note" role="status">
          Generating the toy code…
        </p>
      ) : (
        <LabInside
          slot={LAB_SLOT}
          run={run}
          text={toyCode}
          offset={labStepOffset(run)}
          parts="inside"
          passageLength={TOY_CODE_PASSAGE}
        />
      )}
      <SameModel />
    </div>
  );
}

/** How far back each cell looks: measure the model, change the cell, train and measure again. */
export function LabReachEmbed({ notice }: LabEmbedProps) {
  const { run, keeper } = useLessonLab();
  const toyCode = useSourceText(TOY_CODE);
  return (
    <div className="lab-embed">
      <FigureNotice notice={notice} update={runsUpdate([run], labStepOffset(run))} />
      <LessonLabControls run={run} text="toy-code" />
      {keeper && <LessonLabKeeper run={run} />}
      {toyCode === null ? (
        <p className="inside-note" role="status">
          Generating the toy code…
        </p>
      ) : (
        <LabInside
          slot={LAB_SLOT}
          run={run}
          text={toyCode}
          offset={labStepOffset(run)}
          parts="reach"
          passageLength={TOY_CODE_PASSAGE}
        />
      )}
      <SameModel />
    </div>
  );
}
