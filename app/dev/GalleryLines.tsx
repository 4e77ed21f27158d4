import { useId, useState } from 'react';
import { ClippingChart } from '../figures/charts/ClippingChart';
import { LossChart, type LossScale } from '../figures/charts/LossChart';
import { VanishingChart } from '../figures/charts/VanishingChart';
import {
  divergingRun,
  gradientNorms,
  gradientNormsDiverging,
  gradientNormsUnclipped,
  longGradientNorms,
  longLossWithHeldOut,
  lossByCell,
  lossReachingZero,
  recurrentScales,
  singlePointLoss,
  vanishingByCell,
  vanishingByScale,
  vanishingExtremes,
} from './fixtures/lines';

/**
 * Dev-only gallery of the line charts (loss curves, gradient norm with clipping, vanishing and
 * exploding gradients), drawn from fixtures, with their controls live and their edge cases.
 */
export function GalleryLines() {
  const [shortScale, setShortScale] = useState<LossScale>('linear');
  const [longScale, setLongScale] = useState<LossScale>('log');
  const [edgeScale, setEdgeScale] = useState<LossScale>('log');
  const [scaleIndex, setScaleIndex] = useState(2);
  const sliderId = useId();
  const picked = recurrentScales[scaleIndex]!;

  return (
    <section aria-labelledby="gallery-lines">
      <h2 id="gallery-lines">Line charts</h2>

      <LossChart
        title="Loss by cell, recall task"
        series={lossByCell}
        yLabel="Cross-entropy loss (nats)"
        quantity="loss"
        scale={shortScale}
        onScaleChange={setShortScale}
      />
      <LossChart
        title="Training and held-out loss, 5,000 steps"
        series={longLossWithHeldOut}
        yLabel="Cross-entropy loss (nats)"
        quantity="loss"
        scale={longScale}
        onScaleChange={setLongScale}
      />
      <ClippingChart points={gradientNorms} threshold={1} />
      <ClippingChart
        title="Gradient norm, 2,000 steps, clipping at 1"
        points={longGradientNorms}
        threshold={1}
      />
      <ClippingChart
        title="Gradient norm without clipping"
        points={gradientNormsUnclipped}
        threshold={null}
      />
      <VanishingChart title="How far back the gradient reaches: RNN, GRU, LSTM" curves={vanishingByCell} />
      <VanishingChart
        title="Vanilla RNN: the scale of Wₕₕ decides"
        curves={vanishingByScale}
        highlightId={`scale-${picked}`}
        controls={
          <span className="line-slider">
            <label htmlFor={sliderId}>
              Scale of W<sub>hh</sub>
            </label>
            <input
              id={sliderId}
              type="range"
              min={0}
              max={recurrentScales.length - 1}
              step={1}
              value={scaleIndex}
              aria-valuetext={String(picked)}
              onChange={(event) => setScaleIndex(Number(event.target.value))}
            />
            <output htmlFor={sliderId}>{picked}</output>
          </span>
        }
      />

      <h3>Edge cases</h3>
      <LossChart
        title="Before training"
        series={[]}
        yLabel="Cross-entropy loss (nats)"
        quantity="loss"
        scale="linear"
      />
      <LossChart
        title="After one step"
        series={singlePointLoss}
        yLabel="Cross-entropy loss (nats)"
        quantity="loss"
        scale="linear"
      />
      <LossChart
        title="A run that diverges"
        series={divergingRun}
        yLabel="Cross-entropy loss (nats)"
        quantity="loss"
        scale="linear"
      />
      <LossChart
        title="Loss that reaches zero, log axis"
        series={lossReachingZero}
        yLabel="Mean squared error"
        scale={edgeScale}
        onScaleChange={setEdgeScale}
      />
      <ClippingChart title="Gradient norm before training" points={[]} threshold={1} />
      <ClippingChart
        title="Gradient norm of a run that diverges"
        points={gradientNormsDiverging}
        threshold={1}
      />
      <VanishingChart title="Underflow to 0 and overflow to infinity" curves={vanishingExtremes} />
      <VanishingChart title="Before the backward pass" curves={[]} />
    </section>
  );
}
