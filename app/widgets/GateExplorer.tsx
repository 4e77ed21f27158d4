import { type ReactNode, useMemo } from 'react';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { DEFAULT_FORGET_BIAS } from '../engine';
import { FigureNotice } from '../figures/frame/FigureNotice';
import { cellLabels } from '../figures/frame/palette';
import { RunControls, type RunSpec } from '../live/RunControls';
import { RunFigures } from '../live/RunFigures';
import { runsUpdate } from '../live/runUpdate';
import { useRuns } from '../live/useRuns';
import { configFrom } from './experimentConfig';
import './widgets.css';
import '../figures/frame/basicFigures.css';

export type GateCell = 'lstm' | 'gru';

export interface GateExplorerProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  readonly cell?: GateCell;
  /** Training steps (default 600). */
  readonly steps?: number;
  /** Characters per training window (default 24). */
  readonly window?: number;
  readonly hiddenSize?: number;
  readonly seed?: number;
}

/** A small character-level model of the course's own text: quick to train, with gates worth reading. */
export function gateExplorerConfig(
  cell: GateCell,
  window: number,
  hiddenSize: number,
  seed: number,
): TrainerConfig {
  return configFrom({
    cell,
    task: { kind: 'chars', steps: window, heldOutShare: 0.1 },
    hiddenSize,
    batchSize: 32,
    optimizer: { kind: 'adam' },
    learningRate: 0.01,
    schedule: { kind: 'constant' },
    clip: { kind: 'norm', maxNorm: 1 },
    init: { scheme: 'pytorch', std: 0.1, forgetBias: cell === 'lstm' ? DEFAULT_FORGET_BIAS : null },
    seed,
  });
}

const whatToLookFor: Readonly<Record<GateCell, ReactNode>> = {
  lstm: (
    <>
      Press Train, then pick a unit and follow its forget gate <i>f</i> along the text: near 1 the cell state{' '}
      <i>c</i> is carried to the next character, near 0 it is wiped. The input gate <i>i</i> decides when
      something new is written. See whether some units change their behaviour at spaces or punctuation.
    </>
  ),
  gru: (
    <>
      Press Train, then pick a unit and follow its update gate <i>z</i> along the text. In PyTorch’s
      convention <i>h</i>
      <sub>t</sub> = <i>z</i>·<i>h</i>
      <sub>t−1</sub> + (1 − <i>z</i>)·<i>n</i>, so near 1 the unit keeps its state and near 0 it takes the new
      candidate <i>n</i>. The reset gate <i>r</i> decides how much of the old state shapes that candidate.
    </>
  ),
};

/**
 * A small LSTM or GRU learning to predict the next character, trained in the worker when the reader
 * presses Train; its gates on a held-out window are drawn as a heatmap and an animated cell diagram.
 */
export function GateExplorer({
  cell = 'lstm',
  steps = 600,
  window = 24,
  hiddenSize = 16,
  seed = 1,
  notice,
}: GateExplorerProps) {
  const kind: GateCell = cell === 'gru' ? 'gru' : 'lstm';
  const specs: RunSpec[] = useMemo(
    () => [
      {
        slot: `gate-explorer-${kind}`,
        config: gateExplorerConfig(kind, window, hiddenSize, seed),
        label: cellLabels[kind],
      },
    ],
    [kind, window, hiddenSize, seed],
  );
  const runs = useRuns(specs.map((spec) => spec.slot));
  const title = `Inside a trained ${cellLabels[kind]}: its gates, character by character`;
  return (
    <section className="live-panel" aria-label={`${cellLabels[kind]} gate explorer`}>
      <h3>{title}</h3>
      <FigureNotice notice={notice} update={runsUpdate(runs)} />
      <p className="widget-intro">{whatToLookFor[kind]}</p>
      <RunControls runs={specs} maxSteps={steps} title={title} />
      {runs.length > 0 ? (
        <RunFigures runs={runs.map((run) => ({ run, label: cellLabels[kind] }))} figures={['gates']} />
      ) : (
        <p className="figure-empty">
          Press Train: the gates appear once the model has read a window of text.
        </p>
      )}
      <p className="widget-config">
        Configuration: next-character prediction on the course’s own text, windows of {window} characters,{' '}
        {hiddenSize} hidden units, Adam at learning rate 0.01, batch 32, clipping at 1
        {kind === 'lstm' ? `, forget-gate bias ${DEFAULT_FORGET_BIAS}` : ''}, {steps} steps, seed {seed}. The
        gates are read on the first held-out window.
      </p>
    </section>
  );
}
