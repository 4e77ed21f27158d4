import { useMemo, useState } from 'react';
import type { CellKind } from '../../engine/types';
import { GradientBars } from '../figures/charts/GradientBars';
import { CellDiagram } from '../figures/diagrams/CellDiagram';
import { GateHeatmap } from '../figures/heatmaps/GateHeatmap';
import { GradientHeatmap } from '../figures/heatmaps/GradientHeatmap';
import { makeGateFixture, makeGradientHistory, makeGradientNorms } from './fixtures/gates';

const cells: readonly CellKind[] = ['lstm', 'gru', 'rnn'];

/** Dev-only: the gate and gradient figures drawn from fixtures, including edge cases and a stress case. */
export function GalleryGates() {
  const fixtures = useMemo(
    () => ({ lstm: makeGateFixture('lstm'), gru: makeGateFixture('gru'), rnn: makeGateFixture('rnn') }),
    [],
  );
  const norms = useMemo(() => makeGradientNorms(), []);
  const history = useMemo(() => makeGradientHistory(), []);
  const stress = useMemo(() => makeGradientHistory(2000, 200, 11), []);
  const brokenNorms = useMemo(
    () => norms.slice(0, 24).map((value, t) => (t === 6 ? Number.NaN : t === 2 ? 0 : value)),
    [norms],
  );
  const [cell, setCell] = useState<CellKind>('lstm');
  const [unit, setUnit] = useState(0);
  const [step, setStep] = useState(11);
  const [logScale, setLogScale] = useState(false);
  const fixture = fixtures[cell];

  return (
    <div className="gallery">
      <h2>Gradients</h2>
      <label>
        <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />{' '}
        Log scale for the bars
      </label>
      <GradientBars norms={norms} logScale={logScale} />
      <GradientHeatmap rows={history} />

      <h2>Gates</h2>
      <fieldset>
        <legend>Cell</legend>
        {cells.map((kind) => (
          <button key={kind} type="button" aria-pressed={cell === kind} onClick={() => setCell(kind)}>
            {kind.toUpperCase()}
          </button>
        ))}
      </fieldset>
      <GateHeatmap
        cell={cell}
        gates={fixture.gates}
        steps={fixture.steps}
        hiddenSize={fixture.hiddenSize}
        unit={unit}
        onUnitChange={setUnit}
        inputLabels={fixture.inputLabels}
        step={step}
        onStepChange={setStep}
      />
      {cell !== 'rnn' && (
        <CellDiagram
          cell={cell}
          gates={fixture.gates}
          steps={fixture.steps}
          hiddenSize={fixture.hiddenSize}
          unit={unit}
          onUnitChange={setUnit}
          step={step}
          onStepChange={setStep}
          inputLabels={fixture.inputLabels}
        />
      )}

      <h2>Edge cases</h2>
      <GradientBars norms={brokenNorms} logScale />
      <GradientHeatmap rows={[]} />
      <GateHeatmap cell="gru" gates={{}} steps={0} hiddenSize={0} unit={0} onUnitChange={setUnit} />
      <h2>Stress: 2,000 training steps × 200 time steps</h2>
      <GradientHeatmap rows={stress} />
    </div>
  );
}
