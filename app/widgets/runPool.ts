/**
 * A queue of runs trained over a pool of workers, as pure functions of the runs in the store, so the
 * scheduling is tested without a worker. The page's sweeps (the memory horizon in lesson 2, its seeds on
 * the claims page) give the runs in the order to start them and how many may train at once.
 */
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { RunSpeed } from '../../engine/worker/protocol';
import type { RunState } from '../store/runsSlice';
import { isBusy, isOver } from './liveRuns';

/** One run of a pool: where it trains, what, and how (the bridge's start options). */
export interface PoolRun {
  readonly slot: string;
  readonly config: TrainerConfig;
  readonly options: {
    readonly maxSteps: number;
    readonly speed: RunSpeed;
    /** The worker finishes the run at the first checkpoint whose held-out metric meets this. */
    readonly target?: number;
    readonly checkpointEvery?: number;
  };
}

export type PoolRuns = Readonly<Record<string, RunState | undefined>>;

/** Workers to train in at once: one per core, at least two, at most six (each worker holds memory). */
export function poolWorkers(hardwareConcurrency: number | undefined): number {
  const cores = Number.isInteger(hardwareConcurrency) ? (hardwareConcurrency as number) : 2;
  return Math.max(2, Math.min(6, cores));
}

/** The slots to start now: the next unstarted ones in `order`, while fewer than `workers` train. */
export function poolStarts(order: readonly string[], runs: PoolRuns, workers: number): string[] {
  let busy = order.filter((slot) => isBusy(runs[slot])).length;
  const starts: string[] = [];
  for (const slot of order) {
    if (busy >= workers) break;
    if (runs[slot] !== undefined) continue;
    starts.push(slot);
    busy++;
  }
  return starts;
}

/** How many of the runs are over, and which are training now (in `order`). */
export function poolProgress(
  order: readonly string[],
  runs: PoolRuns,
): { done: number; total: number; busy: RunState[] } {
  const busy = order.flatMap((slot) => (isBusy(runs[slot]) ? [runs[slot]!] : []));
  return { done: order.filter((slot) => isOver(runs[slot])).length, total: order.length, busy };
}
