import { plural } from '../../shared/format';
import type { FigureTable } from '../frame/FigureFrame';
import { formatNumber } from '../frame/figureText';
import { describeRatio, indexGroups, listSteps, rangeMean } from '../frame/summarise';
import type { GradientGridSummary, GradientHeatmapRow } from './gradientGrid';

export const normSymbol = '‖∂L/∂hₜ‖';

/** The bars' caption: how the gradient reaching the first step compares with the one at the last. */
export function describeBars(values: readonly number[], logScale: boolean): string {
  const missing = values.flatMap((value, t) => (Number.isFinite(value) ? [] : [t + 1]));
  const zeros = logScale ? values.flatMap((value, t) => (value === 0 ? [t + 1] : [])) : [];
  const usable = values.flatMap((value, t) => (Number.isFinite(value) && value > 0 ? [t] : []));
  const parts = [`${normSymbol} for the current batch over ${values.length} time steps.`];
  if (usable.length >= 2) {
    const first = usable[0]!;
    const last = usable[usable.length - 1]!;
    const ratio = values[first]! / values[last]!;
    const sizes = `(${formatNumber(values[first]!)} against ${formatNumber(values[last]!)})`;
    const lead = `The gradient reaching step ${first + 1} is`;
    if (ratio < 0.5)
      parts.push(
        `${lead} ${describeRatio(ratio)} the one at step ${last + 1} ${sizes}: it vanishes as it flows back in time.`,
      );
    else if (ratio > 2)
      parts.push(
        `${lead} ${describeRatio(ratio)} the one at step ${last + 1} ${sizes}: it explodes as it flows back in time.`,
      );
    else
      parts.push(
        `${lead} about as large as the one at step ${last + 1} ${sizes}: it survives the trip back.`,
      );
  }
  if (missing.length > 0)
    parts.push(
      `${missing.length === 1 ? 'Step' : 'Steps'} ${listSteps(missing)} had no finite value (grey columns).`,
    );
  if (zeros.length > 0)
    parts.push(
      `${zeros.length === 1 ? 'Step' : 'Steps'} ${listSteps(zeros)} had a gradient of exactly 0, which a log scale cannot show.`,
    );
  return parts.join(' ');
}

/** Every time step, or means over groups of steps when there are more than 60. */
export function barsTable(values: readonly number[]): FigureTable {
  const groups = indexGroups(values.length);
  if (groups.every((group) => group.end - group.start === 1)) {
    return {
      caption: `${normSymbol} per time step`,
      columns: ['Time step t', normSymbol],
      rows: values.map((value, t) => [t + 1, Number.isFinite(value) ? value : 'no value']),
    };
  }
  return {
    caption: `Mean ${normSymbol} per group of ${groups[0]!.end} time steps`,
    columns: ['Time steps', `mean ${normSymbol}`],
    rows: groups.map(({ start, end }) => {
      const mean = rangeMean(values, start, end);
      return [`${start + 1}–${end}`, Number.isFinite(mean) ? mean : 'no value'];
    }),
  };
}

/** Gradient at the first time step as a fraction of the one at the last, for one row. */
function reach(norms: GradientHeatmapRow['norms']): number {
  const first = Number(norms[0]);
  const last = Number(norms[norms.length - 1]);
  return Number.isFinite(first) && Number.isFinite(last) && first > 0 && last > 0 ? first / last : Number.NaN;
}

/** The heatmap's caption: how far back the gradient reached at the start and at the end of training. */
export function describeGrid(rows: readonly GradientHeatmapRow[], summary: GradientGridSummary): string {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const T = summary.timeSteps;
  const parts = [
    `${normSymbol} for time steps 1–${T} at ${rows.length} recorded training steps (${first.step} to ${last.step}), colour on a ${summary.log ? 'log' : 'linear'} scale.`,
  ];
  const before = reach(first.norms);
  const after = reach(last.norms);
  if (Number.isFinite(before) && Number.isFinite(after) && rows.length > 1) {
    const change = Math.abs(Math.log(after)) - Math.abs(Math.log(before));
    const trend =
      change < -Math.log(2)
        ? 'the profile flattens as training proceeds'
        : change > Math.log(2)
          ? 'the profile grows steeper as training proceeds'
          : 'the profile keeps its shape';
    parts.push(
      `At training step ${first.step} the gradient reaching time step 1 is ${describeRatio(before)} the one at step ${T}; at training step ${last.step} it is ${describeRatio(after)} it: ${trend}.`,
    );
  }
  if (summary.missing > 0) parts.push(`${plural(summary.missing, 'cell')} had no finite value (grey).`);
  if (summary.zeros > 0)
    parts.push(`${plural(summary.zeros, 'cell was', 'cells were')} exactly 0, drawn in the lowest colour.`);
  return parts.join(' ');
}

/** At most 60 training steps, evenly spaced and including the first and last, with a few time steps each. */
export function gridTable(rows: readonly GradientHeatmapRow[], timeSteps: number): FigureTable {
  const count = Math.min(60, rows.length);
  const picked = Array.from(
    { length: count },
    (_, k) => rows[count > 1 ? Math.round((k * (rows.length - 1)) / (count - 1)) : 0]!,
  );
  const middle = Math.ceil(timeSteps / 2);
  const at = (norms: GradientHeatmapRow['norms'], t: number) => {
    const value = Number(norms[t - 1]);
    return Number.isFinite(value) ? value : 'no value';
  };
  const mean = (norms: GradientHeatmapRow['norms']) => {
    const value = rangeMean(Array.from(norms, Number), 0, norms.length);
    return Number.isFinite(value) ? value : 'no value';
  };
  return {
    caption: `${normSymbol} at ${count} of ${rows.length} recorded training steps`,
    columns: ['Training step', 't = 1', `t = ${middle}`, `t = ${timeSteps}`, 'mean over t'],
    rows: picked.map((row) => [
      row.step,
      at(row.norms, 1),
      at(row.norms, middle),
      at(row.norms, timeSteps),
      mean(row.norms),
    ]),
  };
}
