import { formatDuration } from './liveRuns';
import type { RunPool } from './useRunPool';

/**
 * A pool's buttons and progress, the same for every sweep: start (its label by state), stop, "N of M
 * runs done" with the wall time once all are over, and a progress bar.
 */
export function PoolControls({
  pool,
  startLabel,
  againLabel,
  busyLabel,
  stopLabel,
  tookLabel,
  stoppedLabel,
  hasResults,
}: {
  readonly pool: RunPool;
  readonly startLabel: string;
  readonly againLabel: string;
  readonly busyLabel: string;
  readonly stopLabel: string;
  /** Before the duration: "the sweep took", "took". */
  readonly tookLabel: string;
  /** After a stop: "cancelled", "stopped". */
  readonly stoppedLabel: string;
  readonly hasResults: boolean;
}) {
  const running = pool.phase === 'running';
  const { done, total } = pool.progress;
  return (
    <>
      <div className="widget-buttons">
        <button type="button" className="primary" onClick={pool.start} disabled={running}>
          {running ? busyLabel : hasResults ? againLabel : startLabel}
        </button>
        <button type="button" onClick={pool.cancel} disabled={!running}>
          {stopLabel}
        </button>
      </div>
      <p className="widget-status" aria-live="polite">
        {done} of {total} runs done
        {pool.phase === 'done' && pool.durationMs !== null
          ? ` · ${tookLabel} ${formatDuration(pool.durationMs)} on this machine`
          : ''}
        {pool.phase === 'cancelled' ? ` · ${stoppedLabel}` : ''}
      </p>
      <progress className="widget-progress" value={done} max={total} aria-hidden="true" />
    </>
  );
}
