import { SeedDotPlot } from '../figures/charts/SeedDotPlot';
import { CLIPPING_SETUP } from '../widgets/clippingConfig';
import { useRunPool } from '../widgets/useRunPool';
import { CLIPPING_SEEDS, clippingDotGroups, clippingSeedRuns, describeClippingSeeds } from './clippingSeeds';

const poolRuns = clippingSeedRuns(CLIPPING_SEEDS);

/** The clipping demo's pair of runs on several seeds: how many steps each trained before it ended. */
export function ClippingSeeds({ width }: { readonly width?: number }) {
  const pool = useRunPool(poolRuns);
  const { runs, runList, progress } = pool;
  const verdict = describeClippingSeeds(CLIPPING_SEEDS, runs);
  const running = pool.phase === 'running';
  const seedList = CLIPPING_SEEDS.join(', ');
  return (
    <section className="live-panel" aria-label="Clipping on several seeds">
      <h3>The same pair on seeds {seedList}</h3>
      <div className="widget-buttons">
        <button type="button" className="primary" onClick={pool.start} disabled={running}>
          {running ? 'Measuring…' : runList.length > 0 ? 'Measure again' : 'Measure on every seed'}
        </button>
      </div>
      <p className="widget-status" aria-live="polite">
        {progress.done} of {progress.total} runs done
      </p>
      {verdict && <p className="widget-result">{verdict}</p>}
      <SeedDotPlot
        title="Steps trained before the run ended, one dot per seed"
        description={
          verdict ??
          `Each dot is one run: the steps it trained before it diverged, or all ${CLIPPING_SETUP.steps}; seeds ${seedList} side by side.`
        }
        groups={clippingDotGroups(CLIPPING_SEEDS, runs)}
        yDomain={[0, CLIPPING_SETUP.steps]}
        yLabel="Steps trained"
        xLabel="Run"
        format={(value) => String(Math.round(value))}
        emptyMessage="Press Measure on every seed: each run appears here as a dot when it ends."
        exportName="clipping-seeds"
        width={width}
      />
    </section>
  );
}
