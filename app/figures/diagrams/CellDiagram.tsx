import { useEffect, useMemo, useRef, useState } from 'react';
import { symmetricBound } from '../frame/colorScales';
import { FigureFrame } from '../frame/FigureFrame';
import {
  describeStep,
  displayInput,
  formatValue,
  type GateInfo,
  type GateValues,
  gateOrderNote,
  gateRows,
  hasGateData,
  unitNumbers,
} from '../frame/gates';
import { usePrefersReducedMotion } from '../frame/hooks';
import { Responsive } from '../frame/Responsive';
import { gateTable } from '../heatmaps/gateHeatmapData';
import { CellDiagramSvg } from './CellDiagramSvg';
import { cellDiagramLayout } from './cellDiagramLayout';
import { type DiagramCell, stepValues, unitHistory } from './cellValues';
import '../frame/gateFigures.css';

export interface CellDiagramProps {
  readonly cell: DiagramCell;
  /** Each gate's values laid out [T][H] row-major, as for GateHeatmap; `c` and `h` optional. */
  readonly gates: GateValues;
  readonly steps: number;
  readonly hiddenSize: number;
  /** The unit shown, counted from 0. */
  readonly unit: number;
  /** When given, a unit selector appears. */
  readonly onUnitChange?: (unit: number) => void;
  /** The time step shown, counted from 0 (shown to people counted from 1). */
  readonly step: number;
  readonly onStepChange: (step: number) => void;
  readonly inputLabels?: readonly string[];
  /** Width of the graphic in CSS pixels; when absent, the figure measures the space it has. */
  readonly width?: number;
  /** Playback speed; 2 steps per second by default. */
  readonly stepsPerSecond?: number;
}

const diagramRows: Record<DiagramCell, readonly GateInfo[]> = {
  lstm: [...gateRows.lstm, { key: 'h', symbol: 'h', name: 'hidden state', kind: 'signed' }],
  gru: gateRows.gru,
};
const designWidth = 1000;
const titles: Record<DiagramCell, string> = { lstm: 'Inside an LSTM cell', gru: 'Inside a GRU cell' };

/** The cell as a circuit, lit by one unit's values at one time step, with controls to step and play. */
export function CellDiagram(props: CellDiagramProps) {
  const { cell, gates, steps, hiddenSize, unit, onUnitChange, onStepChange, inputLabels, width } = props;
  const stepsPerSecond = props.stepsPerSecond ?? 2;
  const step = Math.max(0, Math.min(steps - 1, props.step));
  const [playing, setPlaying] = useState(false);
  const reducedMotion = usePrefersReducedMotion();
  // Glide between steps when the reader moves through time, but not when a live run hands over new
  // gates (four times a second): a transition that never settles repaints the diagram on every frame.
  const shownGates = useRef(gates);
  const newData = shownGates.current !== gates;
  useEffect(() => {
    shownGates.current = gates;
  }, [gates]);
  const history = useMemo(
    () => unitHistory(cell, gates, steps, hiddenSize, unit),
    [cell, gates, steps, hiddenSize, unit],
  );
  const stateScale = useMemo(() => symmetricBound(history.c ?? []), [history]);

  // The latest callback, so that a parent re-rendering (live training) does not restart the timer.
  const onStepChangeRef = useRef(onStepChange);
  useEffect(() => {
    onStepChangeRef.current = onStepChange;
  }, [onStepChange]);
  useEffect(() => {
    if (!playing) return;
    if (step >= steps - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onStepChangeRef.current(step + 1), 1000 / stepsPerSecond);
    return () => clearTimeout(timer);
  }, [playing, step, steps, stepsPerSecond]);

  if (!hasGateData(gates, steps, hiddenSize)) {
    return (
      <FigureFrame title={titles[cell]} description="No gate activations yet." exportName={`${cell}-cell`}>
        <p className="gates-empty">
          Nothing to animate yet: run the network on a sequence and the cell will light up here.
        </p>
      </FigureFrame>
    );
  }

  const values = stepValues(cell, history, step);
  const input = inputLabels?.[step];
  const goTo = (next: number) => onStepChange(Math.max(0, Math.min(steps - 1, next)));
  const togglePlay = () => {
    if (!playing && step >= steps - 1) goTo(0);
    setPlaying(!playing);
  };
  const position = `Step ${step + 1} of ${steps}${input !== undefined ? `, input “${displayInput(input)}”` : ''}`;

  const controls = (
    <>
      {onUnitChange && (
        <label className="gates-control">
          Unit{' '}
          <select value={unit} onChange={(event) => onUnitChange(Number(event.target.value))}>
            {unitNumbers(hiddenSize).map((index) => (
              <option key={index} value={index}>
                {index + 1} of {hiddenSize}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="cell-step-controls">
        <button type="button" onClick={() => goTo(step - 1)} disabled={step <= 0}>
          <span aria-hidden="true">◀ </span>Back
        </button>
        <button type="button" onClick={togglePlay} aria-pressed={playing} className="cell-play">
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => goTo(step + 1)} disabled={step >= steps - 1}>
          Forward<span aria-hidden="true"> ▶</span>
        </button>
      </div>
      <label className="gates-control cell-step-slider">
        <span className="visually-hidden">Time step</span>
        <input
          type="range"
          min={1}
          max={steps}
          value={step + 1}
          aria-valuetext={position}
          onChange={(event) => {
            setPlaying(false);
            goTo(Number(event.target.value) - 1);
          }}
        />
      </label>
      <output className="cell-step-position" aria-live={playing ? 'off' : 'polite'}>
        {position}
      </output>
    </>
  );

  const states =
    cell === 'lstm'
      ? `The cell state goes from ${formatValue(values.cPrev)} to ${formatValue(values.c)} and the unit outputs h = ${formatValue(values.h)}.`
      : `The hidden state goes from ${formatValue(values.hPrev)} to ${formatValue(values.h)}.`;
  const missing = diagramRows[cell].some((row) => !Number.isFinite(values[row.key] ?? Number.NaN));
  const description = [
    describeStep(cell, (key) => values[key] ?? Number.NaN, step, unit, input),
    states,
    gateOrderNote[cell],
    missing ? 'Some values at this step are missing or not finite (grey).' : '',
  ]
    .join(' ')
    .trim();
  const rows = diagramRows[cell];
  // Past 1,000 px the drawing grows as a whole (type included) instead of spreading thin.
  const graphic = (available: number) => (
    <CellDiagramSvg
      layout={cellDiagramLayout(cell, Math.min(available, designWidth))}
      scale={available > designWidth ? Math.min(available / designWidth, 1.35) : 1}
      gates={rows}
      values={values}
      stateScale={stateScale}
      input={input}
      animated={!reducedMotion && !newData}
      label={`${cell.toUpperCase()} cell for unit ${unit + 1} at step ${step + 1}`}
    />
  );

  return (
    <FigureFrame
      title={titles[cell]}
      description={description}
      table={gateTable(
        rows,
        rows.map((row) => history[row.key] ?? new Float64Array(steps).fill(Number.NaN)),
        unit,
        inputLabels,
      )}
      exportName={`${cell}-cell-unit-${unit + 1}-step-${step + 1}`}
      controls={controls}
    >
      {width !== undefined ? graphic(width) : <Responsive>{graphic}</Responsive>}
    </FigureFrame>
  );
}
