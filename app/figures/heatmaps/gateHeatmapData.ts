import { useMemo } from 'react';
import type { CellKind } from '../../../engine/types';
import { divergingMap, missingColor, sequentialMap, symmetricBound } from '../frame/colorScales';
import type { FigureTable } from '../frame/FigureFrame';
import {
  describeStep,
  displayInput,
  finiteMean,
  formatValue,
  type GateInfo,
  type GateValues,
  gateOrderNote,
  gateRows,
  unitSeries,
} from '../frame/gates';
import { indexGroups, rangeMean } from '../frame/summarise';

/** The rows a cell shows (those supplied), one unit's values per row, and the diverging bound. */
export function useGateSeries(
  cell: CellKind,
  gates: GateValues,
  steps: number,
  hiddenSize: number,
  unit: number,
) {
  return useMemo(() => {
    const rows = gateRows[cell].filter((row) => gates[row.key] !== undefined);
    const series = rows.map((row) => unitSeries(gates[row.key], steps, hiddenSize, unit));
    const bound = symmetricBound(
      series.filter((_, r) => rows[r]!.kind === 'signed').flatMap((values) => Array.from(values)),
    );
    return { rows, series, bound };
  }, [cell, gates, steps, hiddenSize, unit]);
}

/** A cell's colour: sequential for gates in [0, 1], diverging around 0 for signed values, grey for none. */
export function rowColor(kind: GateInfo['kind'], value: number, bound: number): string {
  if (!Number.isFinite(value)) return missingColor;
  return kind === 'gate' ? sequentialMap(value) : divergingMap((value + bound) / (2 * bound));
}

/** The caption: the highlighted step in words, a summary over all steps, the gate order, gaps. */
export function describeGateHeatmap(
  cell: CellKind,
  rows: readonly GateInfo[],
  series: readonly Float64Array[],
  step: number,
  unit: number,
  inputLabels?: readonly string[],
): string {
  const valueAt = (key: string) => {
    const index = rows.findIndex((row) => row.key === key);
    return index >= 0 ? series[index]![step]! : Number.NaN;
  };
  const parts = [describeStep(cell, valueAt, step, unit, inputLabels?.[step])];
  const steps = series[0]?.length ?? 0;
  const summaryKey = cell === 'lstm' ? 'f' : cell === 'gru' ? 'z' : null;
  const summaryIndex = rows.findIndex((row) => row.key === summaryKey);
  if (summaryIndex >= 0) {
    const name = rows[summaryIndex]!.name;
    parts.push(
      `Over all ${steps} steps its ${name} gate averages ${formatValue(finiteMean(series[summaryIndex]!))}.`,
    );
  }
  parts.push(gateOrderNote[cell]);
  const missing = series.reduce(
    (count, values) => count + values.filter((value) => !Number.isFinite(value)).length,
    0,
  );
  if (missing > 0)
    parts.push(`${missing} value${missing > 1 ? 's are' : ' is'} missing or not finite (grey cells).`);
  return parts.join(' ');
}

/** Time steps as rows (grouped into at most 60), one column per gate or state. */
export function gateTable(
  rows: readonly GateInfo[],
  series: readonly Float64Array[],
  unit: number,
  inputLabels?: readonly string[],
): FigureTable {
  const steps = series[0]?.length ?? 0;
  const groups = indexGroups(steps);
  const single = groups.every((group) => group.end - group.start === 1);
  const columns = [
    single ? 'Step' : 'Steps',
    ...(inputLabels && single ? ['Input'] : []),
    ...rows.map((row) => `${row.symbol} (${row.name})`),
  ];
  return {
    caption: single
      ? `Unit ${unit + 1}, every time step`
      : `Unit ${unit + 1}, means over groups of ${groups[0]?.end ?? 1} time steps`,
    columns,
    rows: groups.map(({ start, end }) => [
      single ? start + 1 : `${start + 1}–${end}`,
      ...(inputLabels && single ? [displayInput(inputLabels[start])] : []),
      ...series.map((values) => {
        const value = rangeMean(values, start, end);
        return Number.isFinite(value) ? value : 'no value';
      }),
    ]),
  };
}
