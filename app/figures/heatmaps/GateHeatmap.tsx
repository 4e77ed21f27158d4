import type { KeyboardEvent } from 'react';
import type { CellKind } from '../../../engine/types';
import { FigureFrame } from '../frame/FigureFrame';
import { formatNumber } from '../frame/figureText';
import { displayInput, type GateValues, hasGateData, unitNumbers } from '../frame/gates';
import { Responsive } from '../frame/Responsive';
import { useGridCursor } from '../frame/useGridCursor';
import { GateHeatmapGraphic } from './GateHeatmapGraphic';
import { describeGateHeatmap, gateTable, useGateSeries } from './gateHeatmapData';
import '../frame/gateFigures.css';

export interface GateHeatmapProps {
  readonly cell: CellKind;
  /** Each gate's (and state's) values laid out [T][H] row-major: `gates.f[t * hiddenSize + unit]`. */
  readonly gates: GateValues;
  readonly steps: number;
  readonly hiddenSize: number;
  /** The unit shown, counted from 0 (shown to people counted from 1). */
  readonly unit: number;
  readonly onUnitChange: (unit: number) => void;
  /** What was fed at each step (e.g. characters), written along the time axis. */
  readonly inputLabels?: readonly string[];
  /** The time step described in the caption and outlined (counted from 0); the last step by default. */
  readonly step?: number;
  /** When given, clicking a column selects that time step. */
  readonly onStepChange?: (step: number) => void;
  /** Width of the graphic in CSS pixels; when absent, the figure measures the space it has. */
  readonly width?: number;
}

const titles: Record<CellKind, string> = {
  lstm: 'LSTM gates over time',
  gru: 'GRU gates over time',
  rnn: 'RNN hidden state over time',
};

/** Gate × time step heatmap for one unit: which gates open, and when. */
export function GateHeatmap(props: GateHeatmapProps) {
  const { cell, gates, steps, hiddenSize, unit, onUnitChange, inputLabels, onStepChange, width } = props;
  const { rows, series, bound } = useGateSeries(cell, gates, steps, hiddenSize, unit);
  const { cursor, setCursor, onKeyDown: moveCursor } = useGridCursor(rows.length, steps);
  // Enter or Space picks the column under the keyboard cursor, as a click does.
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && cursor && onStepChange) {
      event.preventDefault();
      onStepChange(cursor.column);
    } else moveCursor(event);
  };
  const step = Math.max(0, Math.min(steps - 1, props.step ?? steps - 1));

  if (!hasGateData(gates, steps, hiddenSize) || rows.length === 0) {
    return (
      <FigureFrame title={titles[cell]} description="No gate activations yet." exportName={`${cell}-gates`}>
        <p className="gates-empty">
          No gate activations to show yet: run the network on a sequence and they will appear here.
        </p>
      </FigureFrame>
    );
  }

  const unitPicker = (
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
  );
  const readout = cursor
    ? `${rows[cursor.row]!.symbol} (${rows[cursor.row]!.name}) at step ${cursor.column + 1}${
        inputLabels?.[cursor.column] !== undefined
          ? ` (input “${displayInput(inputLabels[cursor.column])}”)`
          : ''
      }, unit ${unit + 1}: ${formatNumber(series[cursor.row]![cursor.column]!)}`
    : `Point at a cell, or focus the heatmap and use the arrow keys, to read a value.${onStepChange ? ' Click a column (or press Enter) to follow that step.' : ''}`;
  const graphic = (available: number) => (
    <GateHeatmapGraphic
      rows={rows}
      series={series}
      bound={bound}
      steps={steps}
      unit={unit}
      step={step}
      inputLabels={inputLabels}
      width={available}
      cursor={cursor}
      onCursor={setCursor}
      onKeyDown={onKeyDown}
      onStepChange={onStepChange}
    />
  );

  return (
    <FigureFrame
      title={titles[cell]}
      description={describeGateHeatmap(cell, rows, series, step, unit, inputLabels)}
      table={gateTable(rows, series, unit, inputLabels)}
      exportName={`${cell}-gates-unit-${unit + 1}`}
      controls={unitPicker}
    >
      {width !== undefined ? graphic(width) : <Responsive>{graphic}</Responsive>}
      <p className="gates-readout" aria-live="polite">
        {readout}
      </p>
    </FigureFrame>
  );
}
