import { SeedDotPlot } from '../figures/charts/SeedDotPlot';
import { DEFAULT_HORIZON_PLAN, HORIZON_SEEDS } from '../widgets/horizonSetup';
import { HorizonConfig } from '../widgets/MemoryHorizonConfig';
import { PoolControls } from '../widgets/PoolControls';
import { useRunPool } from '../widgets/useRunPool';
import { describeSeedSweep, horizonDotGroups, horizonSeedRuns, seedResults } from './horizonSeeds';

const plan = DEFAULT_HORIZON_PLAN;
const poolRuns = horizonSeedRuns(plan, HORIZON_SEEDS);

/**
 * Lesson 2's memory-horizon sweep on several seeds: every cell at every lag on each seed, over a pool
 * of workers, each run's held-out accuracy a dot, so the spread over seeds is what the page shows.
 */
export function HorizonSeedsMeasurement({ width }: { readonly width?: number }) {
  const pool = useRunPool(poolRuns);
  const { runs, runList, progress } = pool;
  const results = seedResults(plan, HORIZON_SEEDS, runs);
  const verdict = describeSeedSweep(plan, HORIZON_SEEDS, results);
  const seedList = HORIZON_SEEDS.join(', ');
  return (
    <section className="live-panel" aria-label="Memory horizon on several seeds">
      <h3>Memory horizon on seeds {seedList}</h3>
      <p className="widget-intro">
        The sweep of lesson 2 ({plan.cells.length * plan.lags.length} runs) on each of {HORIZON_SEEDS.length}{' '}
        seeds, {progress.total} runs in all, {pool.workers} at a time.
      </p>
      <PoolControls
        pool={pool}
        startLabel="Measure it"
        againLabel="Measure again"
        busyLabel="Measuring…"
        stopLabel="Stop"
        tookLabel="took"
        stoppedLabel="stopped"
        hasResults={runList.length > 0}
      />
      {verdict && <p className="widget-result">{verdict}</p>}
      <SeedDotPlot
        title="Held-out accuracy at each lag, one dot per seed"
        description={
          verdict ??
          `Each dot is one run's held-out accuracy at the end of its training, seeds ${seedList} side by side; guessing scores ${(100 / plan.symbols).toFixed(1)}%.`
        }
        groups={horizonDotGroups(plan, HORIZON_SEEDS, results)}
        yDomain={[0, 100]}
        yLabel="Held-out accuracy (%)"
        xLabel="Lag and cell"
        format={(value) => `${Math.round(value)}%`}
        reference={{ value: 100 / plan.symbols, label: `chance ${(100 / plan.symbols).toFixed(1)}%` }}
        emptyMessage="Press Measure it: each run's held-out accuracy appears here as a dot when it finishes."
        exportName="memory-horizon-seeds"
        width={width}
      />
      <HorizonConfig plan={plan} seeds={HORIZON_SEEDS} />
    </section>
  );
}
