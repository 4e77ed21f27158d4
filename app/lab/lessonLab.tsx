/**
 * What lesson 6's lab widgets share: the lesson's choice of model (cell and the rest, taken from the
 * lab's model when one is restored or goes on from the lab page), which widget keeps the model (the
 * first one mounted: exactly one per page restores and saves it), and the controls each widget
 * carries. The model itself is the lab's, in the lab's slot and slice, so the lab page shows it too.
 */
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { create } from 'zustand';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { paths } from '../course';
import { CELL_KINDS, labTrainerConfig } from '../engine';
import { BUILTIN_TEXTS } from '../engineTexts';
import { cellLabels } from '../figures/frame/palette';
import { RunControls } from '../live/RunControls';
import { useRuns } from '../live/useRuns';
import type { RunState } from '../store/runsSlice';
import { type BuiltinId, DEFAULT_CHOICE, LAB_SLOT, type LabChoice } from './labChoice';
import { modelLabel } from './labSaved';
import { LAB_START, labStepOffset, useLabKeep } from './useLabKeep';
import { useSourceText } from './useSourceText';

/** The lesson's choice: the lab's defaults on the course prose until a model says otherwise. */
export const useLessonChoice = create<{ choice: LabChoice; setChoice: (choice: LabChoice) => void }>()(
  (set) => ({ choice: DEFAULT_CHOICE, setChoice: (choice) => set({ choice }) }),
);

/** Mounted widgets, oldest first: the oldest keeps the model. */
const mounted: number[] = [];
const listeners = new Set<() => void>();
let nextWidget = 1;
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether this widget is the one that keeps the lab's model on this page (restores and saves it). */
export function useIsKeeper(): boolean {
  const [id] = useState(() => nextWidget++);
  useEffect(() => {
    mounted.push(id);
    for (const listener of listeners) listener();
    return () => {
      mounted.splice(mounted.indexOf(id), 1);
      for (const listener of listeners) listener();
    };
  }, [id]);
  return useSyncExternalStore(
    subscribe,
    () => mounted[0] === id,
    () => false,
  );
}

/** The lab's keeper for the lesson, with what it has to say (restored, saved, could not read). */
export function LessonLabKeeper({ run }: { run: RunState | undefined }) {
  const { choice, setChoice } = useLessonChoice();
  const keep = useLabKeep(LAB_SLOT, run, choice, setChoice);
  return (
    <>
      {keep.status && (
        <p className="lab-keep-status" role="status">
          {keep.status}
        </p>
      )}
      {keep.problem && (
        <p className="run-problem" role="alert">
          {keep.problem}
        </p>
      )}
    </>
  );
}

/** Whether the run in the slot was made with another configuration than `config`. */
function otherModel(run: RunState | undefined, config: TrainerConfig): boolean {
  const used = run?.config;
  return (
    used !== undefined &&
    (used.task.kind !== 'text' ||
      config.task.kind !== 'text' ||
      used.task.text !== config.task.text ||
      used.cell !== config.cell ||
      used.layers !== config.layers ||
      used.hiddenSize !== config.hiddenSize ||
      used.seed !== config.seed)
  );
}

function textTitle(id: BuiltinId): string {
  return BUILTIN_TEXTS.find((entry) => entry.id === id)?.title ?? id;
}

/** The run in the lab's slot, and whether this widget keeps it. */
export function useLessonLab(): { run: RunState | undefined; keeper: boolean } {
  const [run] = useRuns([LAB_SLOT]);
  return { run, keeper: useIsKeeper() };
}

/**
 * A widget's controls: the cell, then Train, Pause, Step and Reset for the lab's model on `text`. When
 * the model was made otherwise (another text, in the lab, say), it says so: Reset, then Train, makes
 * this one.
 */
export function LessonLabControls({ run, text }: { run: RunState | undefined; text: BuiltinId }) {
  const { choice, setChoice } = useLessonChoice();
  const cellId = useId();
  const source = useSourceText({ kind: 'builtin', id: text });
  const config = useMemo(() => (source === null ? null : labTrainerConfig(source, choice)), [source, choice]);
  const label = `${cellLabels[choice.cell]} on ${textTitle(text).toLowerCase()}`;
  return (
    <div className="lab-embed-controls">
      <div className="config-field lab-embed-cell">
        <label htmlFor={cellId}>Cell</label>
        <select
          id={cellId}
          value={choice.cell}
          onChange={(event) => {
            const cell = CELL_KINDS.find((kind) => kind === event.target.value);
            if (cell) setChoice({ ...choice, cell });
          }}
        >
          {CELL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {cellLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      {config === null ? (
        <p className="inside-note" role="status">
          Generating the toy code…
        </p>
      ) : (
        <RunControls
          runs={[{ slot: LAB_SLOT, config, label }]}
          maxSteps={LAB_START.maxSteps}
          checkpointEvery={LAB_START.checkpointEvery}
          keepOnUnmount
          title={`Language lab: ${label}`}
        />
      )}
      {run && config !== null && otherModel(run, config) && (
        <p className="notice-inline" role="status">
          The lab’s model (
          {modelLabel(
            run.config.cell,
            run.config.hiddenSize,
            run.config.layers,
            labStepOffset(run) + run.stepCount,
          )}
          ) was made on another text or with other settings. Press Reset, then Train, to train the {label}{' '}
          here.
        </p>
      )}
    </div>
  );
}

/** The line that says whose model this is, and where to see all of it. */
export function SameModel() {
  return (
    <p className="lab-embed-same">
      This is the same model as in the <Link href={paths.lab}>Language lab</Link>: open it there to see all of
      it (its text, its layers, export and import).
    </p>
  );
}
