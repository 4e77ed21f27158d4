/**
 * The clipping claim on several seeds: lesson 5's exploding run, without clipping and clipped at norm
 * 1, on each seed, and what the finished runs say. Pure functions of run state, tested without a worker.
 */
import type { DotGroup } from '../figures/charts/SeedDotPlot';
import { okabeIto } from '../figures/frame/palette';
import { formatNumber } from '../shared/format';
import type { RunState } from '../store/runsSlice';
import {
  CLIP_VARIANTS,
  CLIPPING_SETUP,
  type ClipVariant,
  clippingConfig,
  clipVariantLabels,
} from '../widgets/clippingConfig';
import { isOver, lastEvaluation } from '../widgets/liveRuns';
import type { PoolRun, PoolRuns } from '../widgets/runPool';

/** Each seed gives both variants the same initial weights and batches. */
export const CLIPPING_SEEDS: readonly number[] = [1, 2, 3];

export function clippingSeedSlot(variant: ClipVariant, seed: number): string {
  return `claims-clipping-${variant}-seed-${seed}`;
}

/** Both variants on every seed, the clipped runs (which train all their steps) first. */
export function clippingSeedRuns(seeds: readonly number[]): PoolRun[] {
  return ['clipped' as const, 'none' as const].flatMap((variant) =>
    seeds.map((seed) => ({
      slot: clippingSeedSlot(variant, seed),
      config: { ...clippingConfig(variant), seed },
      options: { maxSteps: CLIPPING_SETUP.steps, speed: { kind: 'max' } as const },
    })),
  );
}

/** How one run ended: diverged at a step, or trained all its steps to a held-out MSE; null while it trains. */
export interface ClipSeedOutcome {
  readonly seed: number;
  readonly steps: number;
  readonly diverged: boolean;
  readonly heldOutMse: number | null;
}

export function clipSeedOutcome(seed: number, run: RunState | undefined): ClipSeedOutcome | null {
  if (!isOver(run)) return null;
  return {
    seed,
    steps: run!.stepCount,
    diverged: run!.phase === 'diverged',
    heldOutMse: run!.phase === 'diverged' ? null : (lastEvaluation(run)?.metric ?? null),
  };
}

function outcomeText(outcome: ClipSeedOutcome): string {
  if (outcome.diverged) return `diverged at step ${outcome.steps}`;
  const mse = outcome.heldOutMse === null ? '' : `, held-out MSE ${formatNumber(outcome.heldOutMse, 2)}`;
  return `trained ${outcome.steps} steps${mse}`;
}

const colors: Readonly<Record<ClipVariant, string>> = { none: okabeIto.vermillion, clipped: okabeIto.blue };

/** The dot plot's groups: one per variant, a dot per seed at the steps the run trained. */
export function clippingDotGroups(seeds: readonly number[], runs: PoolRuns): DotGroup[] {
  return CLIP_VARIANTS.map((variant) => ({
    id: variant,
    label: clipVariantLabels[variant],
    columns: [
      {
        id: variant,
        label: variant === 'none' ? 'unclipped' : 'clipped',
        color: colors[variant],
        values: seeds.map((seed) => {
          const outcome = clipSeedOutcome(seed, runs[clippingSeedSlot(variant, seed)]);
          return outcome ? { seed, value: outcome.steps, text: outcomeText(outcome) } : { seed, value: null };
        }),
      },
    ],
  }));
}

/** The result in words once every run has ended (null before): on how many seeds each variant diverged. */
export function describeClippingSeeds(seeds: readonly number[], runs: PoolRuns): string | null {
  const outcomes = (variant: ClipVariant) =>
    seeds.map((seed) => clipSeedOutcome(seed, runs[clippingSeedSlot(variant, seed)]));
  const none = outcomes('none');
  const clipped = outcomes('clipped');
  if ([...none, ...clipped].some((outcome) => outcome === null)) return null;
  const n = seeds.length;
  const diverged = none.filter((outcome) => outcome!.diverged);
  const latest = Math.max(0, ...diverged.map((outcome) => outcome!.steps));
  const trained = clipped.filter((outcome) => !outcome!.diverged && outcome!.steps === CLIPPING_SETUP.steps);
  const first =
    diverged.length > 0
      ? `Without clipping the run diverged on ${diverged.length} of ${n} seeds, by step ${latest} at the latest`
      : `Without clipping the run diverged on 0 of ${n} seeds`;
  return `${first}; clipped at ${CLIPPING_SETUP.threshold} it trained all ${CLIPPING_SETUP.steps} steps on ${trained.length} of ${n}.`;
}
