import { memo, useEffect, useId, useRef, useState } from 'react';
import type { Probe } from '../../engine/worker/protocol';
import { ClippingChart } from '../figures/charts/ClippingChart';
import { GradientBars } from '../figures/charts/GradientBars';
import { LossChart, type LossScale } from '../figures/charts/LossChart';
import { type GradientCurve, VanishingChart } from '../figures/charts/VanishingChart';
import { CellDiagram } from '../figures/diagrams/CellDiagram';
import { GateHeatmap } from '../figures/heatmaps/GateHeatmap';
import { GradientHeatmap } from '../figures/heatmaps/GradientHeatmap';
import type { FigureId } from '../lessonTypes';
import type { RunState } from '../store/runsSlice';
import { WhileNearView } from './NearView';
import {
  clipPoints,
  clipThreshold,
  type LabelledRun,
  lossSeries,
  metricSeries,
  vanishingCurve,
} from './runData';

export type { FigureId };

export const FIGURE_IDS: readonly FigureId[] = [
  'loss',
  'metric',
  'gradients',
  'gates',
  'clipping',
  'vanishing',
];

/**
 * Draws the chosen figures for one run or several side by side. Figures that compare runs (loss,
 * metric, vanishing curves) show every run; the others show the run picked in "Details for".
 */
export function RunFigures({
  runs,
  figures,
}: {
  runs: readonly LabelledRun[];
  figures: readonly FigureId[];
}) {
  const [focus, setFocus] = useState(0);
  const focused = runs[Math.min(focus, runs.length - 1)];
  const needsFocus =
    runs.length > 1 && figures.some((id) => id === 'gradients' || id === 'gates' || id === 'clipping');
  const pickerName = useId();
  const curves = useVanishingCurves(runs);
  return (
    <div className="run-figures">
      {figures.includes('loss') && (
        <WhileNearView>
          <LossFigure runs={runs} />
        </WhileNearView>
      )}
      {figures.includes('metric') && (
        <WhileNearView>
          <MetricFigure runs={runs} />
        </WhileNearView>
      )}
      {figures.includes('vanishing') && (
        <WhileNearView>
          <VanishingFigure curves={curves} />
        </WhileNearView>
      )}
      {needsFocus && (
        <fieldset className="run-focus">
          <legend>Details for</legend>
          {runs.map((entry, index) => (
            <label key={entry.run.slot}>
              <input
                type="radio"
                name={pickerName}
                checked={index === Math.min(focus, runs.length - 1)}
                onChange={() => setFocus(index)}
              />
              {entry.label}
            </label>
          ))}
        </fieldset>
      )}
      {focused && figures.includes('gradients') && (
        <WhileNearView>
          <GradientFigures run={focused.run} />
        </WhileNearView>
      )}
      {focused && figures.includes('gates') && (
        <WhileNearView>
          <GateFigures probe={focused.run.probe} />
        </WhileNearView>
      )}
      {focused && figures.includes('clipping') && (
        <WhileNearView>
          <ClippingFigure run={focused.run} label={focused.label} />
        </WhileNearView>
      )}
    </div>
  );
}

function ClippingFigure({ run, label }: { run: RunState; label: string }) {
  return (
    <ClippingChart
      title={`Gradient norm and clipping (${label})`}
      points={clipPoints(run)}
      threshold={clipThreshold(run)}
      emptyMessage="Press Train: the gradient norm of every step appears here."
      exportName={`${run.slot}-clipping`}
    />
  );
}

function LossFigure({ runs }: { runs: readonly LabelledRun[] }) {
  const [scale, setScale] = useState<LossScale>('linear');
  return (
    <LossChart
      title="Loss over training"
      series={lossSeries(runs)}
      yLabel="Loss"
      scale={scale}
      onScaleChange={setScale}
      emptyMessage="Press Train to see the loss fall."
      exportName="loss"
    />
  );
}

function MetricFigure({ runs }: { runs: readonly LabelledRun[] }) {
  const first = runs[0]?.run.evaluations[0];
  const accuracy = (first?.metricName ?? runs[0]?.run.info?.metricName) !== 'mse';
  return (
    <LossChart
      title={accuracy ? 'Held-out accuracy' : 'Held-out mean squared error'}
      series={metricSeries(runs)}
      yLabel={accuracy ? 'Accuracy' : 'MSE'}
      scale={accuracy ? 'linear' : 'log'}
      emptyMessage="Press Train: the model is tested on held-out data as it learns."
      exportName="held-out-metric"
      smooth={false}
    />
  );
}

/**
 * The curves from each run's newest probe, the same array as long as no probe changed: probes arrive a
 * few times a second, far less often than losses, and the chart then need not redraw.
 */
function useVanishingCurves(runs: readonly LabelledRun[]): GradientCurve[] {
  const cache = useRef<{ probes: readonly (Probe | null)[]; labels: string; curves: GradientCurve[] } | null>(
    null,
  );
  const probes = runs.map(({ run }) => run.probe);
  const labels = runs.map(({ label }) => label).join('\n');
  const previous = cache.current;
  if (
    previous &&
    previous.labels === labels &&
    previous.probes.length === probes.length &&
    previous.probes.every((probe, index) => probe === probes[index])
  ) {
    return previous.curves;
  }
  const curves = runs.flatMap(({ run, label }) => {
    const curve = vanishingCurve(run, label);
    return curve ? [curve] : [];
  });
  cache.current = { probes, labels, curves };
  return curves;
}

const VanishingFigure = memo(function VanishingFigure({ curves }: { curves: readonly GradientCurve[] }) {
  return (
    <VanishingChart
      curves={curves}
      emptyMessage="Press Train or Step: the gradient's reach is measured on a held-out sequence."
      exportName="gradient-reach"
    />
  );
});

function GradientFigures({ run }: { run: RunState }) {
  const [logScale, setLogScale] = useState(true);
  return (
    <>
      <label className="live-toggle">
        <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />{' '}
        Log scale for the bars
      </label>
      <GradientBars norms={run.gradNormByStep} logScale={logScale} />
      <GradientHeatmap rows={run.gradRows} />
    </>
  );
}

/** Redraws only when a new probe arrives (a few times a second), not on every loss update. */
const GateFigures = memo(function GateFigures({ probe }: { probe: Probe | null }) {
  const [unit, setUnit] = useState(0);
  const [step, setStep] = useState(0);
  const steps = probe?.steps ?? 0;
  useEffect(() => {
    if (step >= steps && steps > 0) setStep(steps - 1);
  }, [step, steps]);
  if (!probe) {
    return <p className="muted">Press Train or Step: the gates appear once the model has seen a sequence.</p>;
  }
  const safeUnit = Math.min(unit, probe.hiddenSize - 1);
  const safeStep = Math.min(step, probe.steps - 1);
  return (
    <>
      <GateHeatmap
        cell={probe.cell}
        gates={probe.gates}
        steps={probe.steps}
        hiddenSize={probe.hiddenSize}
        unit={safeUnit}
        onUnitChange={setUnit}
        inputLabels={probe.inputLabels}
        step={safeStep}
        onStepChange={setStep}
      />
      {probe.cell !== 'rnn' && (
        <CellDiagram
          cell={probe.cell}
          gates={probe.gates}
          steps={probe.steps}
          hiddenSize={probe.hiddenSize}
          unit={safeUnit}
          onUnitChange={setUnit}
          step={safeStep}
          onStepChange={setStep}
          inputLabels={probe.inputLabels}
        />
      )}
    </>
  );
});
