import { useEffect, useMemo } from 'react';
import { FigureNotice } from '../figures/frame/FigureNotice';
import { cellLabels } from '../figures/frame/palette';
import type { LiveDemo } from '../lessonTypes';
import { RunControls, type RunSpec } from '../live/RunControls';
import { RunFigures } from '../live/RunFigures';
import { runsUpdate } from '../live/runUpdate';
import { useContentStable } from '../live/useContentStable';
import { useRuns } from '../live/useRuns';
import { useStore } from '../store';
import { configFrom } from './experimentConfig';

/**
 * A lesson's demo (see LiveDemo: lessons define theirs in their folder's demos.ts), and what to notice
 * in it at the place the lesson puts it (the same demo can serve two points).
 */
export type LiveTrainingProps = LiveDemo & { readonly notice: string };

/**
 * A real model (or several side by side) training in the worker beside the lesson text, with its
 * controls and the figures the lesson asks for. Runs stop when the reader leaves the page.
 */
export function LiveTraining({
  id,
  title,
  config,
  compare,
  steps = 600,
  figures = ['loss'],
  notice,
}: LiveTrainingProps) {
  // Keyed on content, not identity: a parent re-render with an equal inline config keeps the runs.
  const stableConfig = useContentStable(config);
  const stableCompare = useContentStable(compare);
  const specs: RunSpec[] = useMemo(() => {
    const base = configFrom(stableConfig);
    const cells = stableCompare && stableCompare.length > 0 ? stableCompare : [base.cell];
    return cells.map((cell) => ({
      slot: `${id}-${cell}`,
      config: { ...base, cell },
      label: cellLabels[cell],
    }));
  }, [id, stableConfig, stableCompare]);
  const runs = useRuns(specs.map((spec) => spec.slot));
  const stopRun = useStore((state) => state.stopRun);
  useEffect(
    () => () => {
      for (const spec of specs) stopRun(spec.slot);
    },
    [specs, stopRun],
  );
  const labelled = runs.map((run) => ({
    run,
    label: specs.find((spec) => spec.slot === run.slot)?.label ?? run.slot,
  }));
  return (
    <section className="live-panel" aria-label={title}>
      <h3>{title}</h3>
      <FigureNotice notice={notice} update={runsUpdate(runs)} />
      <RunControls runs={specs} maxSteps={steps} title={title} />
      <RunFigures runs={labelled} figures={figures} />
    </section>
  );
}
