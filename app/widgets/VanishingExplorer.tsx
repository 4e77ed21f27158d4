import { interpolateLab, piecewise } from 'd3';
import { useId, useMemo, useState } from 'react';
import type { CellKind } from '../../engine/types';
import { WeightField } from '../figures/calculators/OneUnitRnn';
import { type GradientCurve, summariseGradientCurve, VanishingChart } from '../figures/charts/VanishingChart';
import { cellColors, cellLabels, okabeIto } from '../figures/frame/palette';
import { useProgressiveCurves } from './useProgressiveCurves';
import { cachedCurve, cellRequest, scaledRnnRequest, VANISHING_SETUP } from './vanishingCurves';
import './widgets.css';
import '../figures/frame/basicFigures.css';
import { CELL_KINDS } from '../engine';

export type VanishingMode = 'scale' | 'cells';

export interface VanishingExplorerProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  /** Which comparison shows first: the scale of W_hh in a vanilla RNN, or RNN, LSTM and GRU. */
  readonly initialMode?: VanishingMode;
  /** The W_hh scale selected first, 0.5..1.5. */
  readonly initialScale?: number;
  /** Seed of the weights and inputs; “New random weights” moves to the next seed. */
  readonly initialSeed?: number;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

export const SCALE_RANGE = { min: 0.5, max: 1.5, step: 0.05 } as const;
/** Drawn faint behind the selected scale, for comparison. */
const CONTEXT_SCALES = [0.5, 0.75, 1, 1.25, 1.5];
// The neutral grey keeps 3:1 against white and against the dark projector's near-black alike.
const neutralGrey = '#767676';
const scaleColor = piecewise(interpolateLab, [okabeIto.blue, neutralGrey, okabeIto.vermillion]);

const clampScale = (scale: number) =>
  Math.min(
    SCALE_RANGE.max,
    Math.max(SCALE_RANGE.min, Math.round(scale / SCALE_RANGE.step) * SCALE_RANGE.step),
  );
const scaleId = (scale: number) => `scale-${scale.toFixed(2)}`;
const scaleLabel = (scale: number) => `scale ${Number(scale.toFixed(2))}`;

const sameScale = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Faint context lines run from blue (shrinking) through grey to vermillion (growing); the selected one is strong. */
function scaleCurveOf(scale: number, selected: boolean, values: readonly number[]): GradientCurve {
  const t = (scale - SCALE_RANGE.min) / (SCALE_RANGE.max - SCALE_RANGE.min);
  const strong = scale < 1 - 1e-9 ? okabeIto.blue : scale > 1 + 1e-9 ? okabeIto.vermillion : neutralGrey;
  return { id: scaleId(scale), label: scaleLabel(scale), color: selected ? strong : scaleColor(t), values };
}

interface CellSpec {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly cell: CellKind;
  readonly forgetBias?: number;
}

const cellSpecs: readonly CellSpec[] = [
  ...CELL_KINDS.map((cell) => ({
    id: cell,
    label: cellLabels[cell],
    color: cellColors[cell],
    cell,
  })),
  { id: 'lstm-forget-bias', label: 'LSTM, forget bias 1', color: okabeIto.sky, cell: 'lstm', forgetBias: 1 },
];

/**
 * ||dh_T/dh_t|| against distance on a log axis, computed live by the engine for untrained networks:
 * a vanilla RNN under a slider for the scale of W_hh, or RNN, LSTM and GRU side by side.
 */
export function VanishingExplorer({
  initialMode = 'scale',
  initialScale = 0.9,
  initialSeed = VANISHING_SETUP.seed,
  width,
  notice,
}: VanishingExplorerProps) {
  const [mode, setMode] = useState<VanishingMode>(initialMode);
  const [scale, setScale] = useState(() => clampScale(initialScale));
  const [seed, setSeed] = useState(initialSeed);
  const modeName = useId();
  // The selected scale first, then the faint comparison scales, in ascending order of scale.
  const scales = useMemo(() => [scale, ...CONTEXT_SCALES.filter((one) => !sameScale(one, scale))], [scale]);
  const requests = useMemo(
    () =>
      mode === 'scale'
        ? scales.map((one) => scaledRnnRequest(one, seed))
        : cellSpecs.map((spec) => cellRequest(spec.cell, spec.forgetBias, seed)),
    [mode, scales, seed],
  );
  // Curves are computed one per task so the page never stalls. Once this seed's network has been drawn
  // (and the engine's loops compiled), a new scale from the slider costs a few milliseconds: it is then
  // computed at once, so the highlighted line follows the slider without a gap.
  const warm = mode === 'scale' && requests.some((request) => cachedCurve(request) !== undefined);
  const ready = useProgressiveCurves(requests, warm ? requests[0] : undefined);
  const curves: GradientCurve[] =
    mode === 'scale'
      ? [...scales]
          .sort((a, b) => a - b)
          .flatMap((one) => {
            const values = ready.get(scaledRnnRequest(one, seed).key);
            return values ? [scaleCurveOf(one, sameScale(one, scale), values)] : [];
          })
      : cellSpecs.flatMap((spec, index) => {
          const values = ready.get(requests[index]!.key);
          return values ? [{ id: spec.id, label: spec.label, color: spec.color, values }] : [];
        });
  const selected = mode === 'scale' ? curves.find((curve) => curve.id === scaleId(scale)) : undefined;
  const trend = selected ? summariseGradientCurve(selected.values) : null;
  const { hiddenSize, steps, inputSize, inputStd } = VANISHING_SETUP;

  const controls = (
    <>
      <fieldset className="widget-segmented">
        <legend>Compare</legend>
        <label>
          <input
            type="radio"
            name={modeName}
            value="scale"
            checked={mode === 'scale'}
            onChange={() => setMode('scale')}
          />
          <span>
            Scales of W<sub>hh</sub> (RNN)
          </span>
        </label>
        <label>
          <input
            type="radio"
            name={modeName}
            value="cells"
            checked={mode === 'cells'}
            onChange={() => setMode('cells')}
          />
          RNN, LSTM and GRU
        </label>
      </fieldset>
      <button
        type="button"
        onClick={() => setSeed((current) => current + 1)}
        title="The same experiment with newly drawn weights and inputs"
      >
        New random weights
      </button>
      {mode === 'scale' && (
        <>
          <WeightField
            label={
              <>
                Scale of W<sub>hh</sub>
              </>
            }
            name="The scale of W_hh"
            value={scale}
            min={SCALE_RANGE.min}
            max={SCALE_RANGE.max}
            step={SCALE_RANGE.step}
            onChange={(value) => setScale(clampScale(value))}
          />
          <output className="widget-status" aria-live="polite">
            Every singular value of W<sub>hh</sub> is {scale.toFixed(2)}
            {trend ? `: the gradient ${trend.phrase}.` : '.'}
          </output>
        </>
      )}
    </>
  );

  return (
    <div className="vanishing-explorer">
      <VanishingChart
        curves={curves}
        emptyMessage="Measuring how far back the gradient reaches…"
        highlightId={selected?.id ?? null}
        controls={controls}
        notice={notice}
        update={{
          key: `${mode}:${scale}:${seed}:${curves.length}`,
          label: `Updated: ${curves.length} of ${requests.length} curves, weights #${seed - initialSeed + 1}`,
        }}
        width={width}
        exportName={mode === 'scale' ? `gradient-reach-scale-${scale.toFixed(2)}` : 'gradient-reach-cells'}
      />
      <p className="widget-figure-note">
        {mode === 'scale' ? (
          <>
            Measured live on an untrained tanh RNN: W<sub>hh</sub> is the scale times a random orthogonal
            matrix, W<sub>ih</sub> is PyTorch’s default, no biases.
          </>
        ) : (
          'Measured live on untrained cells at PyTorch’s default initialisation, the same seed for each; the fourth curve sets the LSTM’s forget-gate bias to 1.'
        )}{' '}
        {`The curves are the Frobenius norm of ∂h_T/∂h_t, √${hiddenSize} ≈ ${Math.sqrt(hiddenSize).toFixed(2)} at distance 0. ${hiddenSize} hidden units, ${steps} steps of ${inputSize} random inputs each (normal, standard deviation ${inputStd}), seed ${seed}.`}
        {seed === initialSeed
          ? ''
          : ' Press New random weights again to see how much the curves vary from one draw to the next.'}
      </p>
    </div>
  );
}
