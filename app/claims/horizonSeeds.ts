/**
 * The memory-horizon sweep on several seeds for the claims page: every (cell, lag) run on each seed,
 * queued costliest first across all seeds, and what the finished runs say, seed by seed. Pure
 * functions of run state, tested without a worker.
 */
import type { CellKind } from '../../engine/types';
import type { DotGroup } from '../figures/charts/SeedDotPlot';
import { cellColors, cellLabels } from '../figures/frame/palette';
import { type HorizonPlan, horizonConfig, LEARNED } from '../widgets/horizonSetup';
import {
  type HorizonResult,
  type HorizonRuns,
  horizonResults,
  sweepOrder,
} from '../widgets/memoryHorizonPlan';
import type { PoolRun } from '../widgets/runPool';

export function horizonSeedSlot(seed: number): (cell: CellKind, lag: number) => string {
  return (cell, lag) => `claims-horizon-${cell}-${lag}-seed-${seed}`;
}

/** Every run on every seed, costliest first (as the lesson's sweep orders one seed's), seeds interleaved. */
export function horizonSeedRuns(plan: HorizonPlan, seeds: readonly number[]): PoolRun[] {
  return sweepOrder(plan).flatMap(({ cell, lag }) =>
    seeds.map((seed) => ({
      slot: horizonSeedSlot(seed)(cell, lag),
      config: horizonConfig({ ...plan, seed }, cell, lag),
      options: {
        maxSteps: plan.maxSteps,
        speed: { kind: 'max' } as const,
        target: plan.target,
        checkpointEvery: plan.checkpointEvery,
      },
    })),
  );
}

/** Each seed's finished results. */
export function seedResults(
  plan: HorizonPlan,
  seeds: readonly number[],
  runs: HorizonRuns,
): ReadonlyMap<number, readonly HorizonResult[]> {
  return new Map(seeds.map((seed) => [seed, horizonResults({ ...plan, seed }, runs, horizonSeedSlot(seed))]));
}

/** The dot plot's groups: one per lag, a column per cell, a dot per seed (accuracy in %). */
export function horizonDotGroups(
  plan: HorizonPlan,
  seeds: readonly number[],
  results: ReadonlyMap<number, readonly HorizonResult[]>,
): DotGroup[] {
  return plan.lags.map((lag) => ({
    id: String(lag),
    label: `lag ${lag}`,
    columns: plan.cells.map((cell) => ({
      id: cell,
      label: cellLabels[cell],
      color: cellColors[cell],
      values: seeds.map((seed) => {
        const result = results.get(seed)?.find((one) => one.cell === cell && one.lag === lag);
        if (!result || result.accuracy === null) return { seed, value: null };
        return {
          seed,
          value: result.accuracy * 100,
          text: `${(result.accuracy * 100).toFixed(1)}% (${result.steps} steps)`,
        };
      }),
    })),
  }));
}

const listLags = (lags: readonly number[]) =>
  lags.length === 1 ? `lag ${lags[0]}` : `lags ${lags.slice(0, -1).join(', ')} and ${lags[lags.length - 1]}`;

/**
 * The result in words once every run has ended (null before): the lags every cell learned on every
 * seed, then at each other lag on how many seeds each cell reached {@link LEARNED}.
 */
export function describeSeedSweep(
  plan: HorizonPlan,
  seeds: readonly number[],
  results: ReadonlyMap<number, readonly HorizonResult[]>,
): string | null {
  const total = plan.cells.length * plan.lags.length;
  if (seeds.some((seed) => (results.get(seed)?.length ?? 0) < total)) return null;
  const learned = (cell: CellKind, lag: number) =>
    seeds.filter((seed) => {
      const result = results.get(seed)!.find((one) => one.cell === cell && one.lag === lag);
      return (result?.accuracy ?? 0) >= LEARNED;
    }).length;
  const n = seeds.length;
  const everywhere = plan.lags.filter((lag) => plan.cells.every((cell) => learned(cell, lag) === n));
  const sentences: string[] = [];
  if (everywhere.length > 0)
    sentences.push(
      `Every cell reached ${LEARNED * 100}% held-out accuracy at ${listLags(everywhere)} on ${n} of ${n} seeds.`,
    );
  for (const lag of plan.lags.filter((one) => !everywhere.includes(one))) {
    const counts = plan.cells.map((cell) => `the ${cellLabels[cell]} on ${learned(cell, lag)} of ${n}`);
    sentences.push(
      `At lag ${lag} it reached ${LEARNED * 100}% for ${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}.`,
    );
  }
  return sentences.join(' ');
}
