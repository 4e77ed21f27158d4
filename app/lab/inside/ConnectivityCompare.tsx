import { useMemo, useState } from 'react';
import { LineChartFigure, usePreparedPlot } from '../../figures/charts/LineChartFigure';
import type { PlotSeries, YScaleType } from '../../figures/charts/lineSeries';
import { ScaleToggle } from '../../figures/charts/ScaleToggle';
import type { FigureTable } from '../../figures/frame/FigureFrame';
import { joinWords } from '../../figures/frame/figureText';
import { cellColors, seriesColors } from '../../figures/frame/palette';
import { plural } from '../../shared/format';

export interface ConnectivityCompareProps {
  /**
   * One profile per model: profile[d] is the mean influence of the character d places back (d = 0 is
   * the character just read) over many predictions, normalised so each profile's peak is 1.
   */
  readonly profiles: readonly { label: string; profile: Float64Array }[];
  /** Width in CSS pixels; measured when absent. */
  readonly width?: number;
}

/** A cell's own colour when the label names one ("LSTM, 128 units"), so LSTM is the same blue everywhere. */
function colorFor(label: string, index: number): string {
  const cell = (['lstm', 'gru', 'rnn'] as const).find((kind) => new RegExp(`\\b${kind}\\b`, 'i').test(label));
  return cell ? cellColors[cell] : seriesColors[index % seriesColors.length]!;
}

/** How far back a profile stays at or above a tenth of its peak: the model's reach, in characters. */
export function reachOf(profile: Float64Array): number {
  let peak = 0;
  for (const value of profile) if (Number.isFinite(value)) peak = Math.max(peak, value);
  let reach = 0;
  profile.forEach((value, distance) => {
    if (peak > 0 && value >= 0.1 * peak) reach = distance;
  });
  return reach;
}

/** The one line to notice: which model looks back farthest. */
export function compareNotice(profiles: ConnectivityCompareProps['profiles']): string {
  if (profiles.length === 0)
    return 'No profiles yet: measure connectivity for a model, then train another cell to compare.';
  const reaches = profiles.map(({ label, profile }) => ({ label, reach: reachOf(profile) }));
  const farthest = reaches.reduce((best, one) => (one.reach > best.reach ? one : best));
  const each = joinWords(
    reaches.map(({ label, reach }) => `${plural(reach, 'character')} back for ${label}`),
  );
  const lead =
    profiles.length === 1
      ? `${farthest.label} is influenced at a tenth of its peak or more as far as ${plural(farthest.reach, 'character')} back.`
      : `What to notice: ${farthest.label} looks back farthest. Influence stays at a tenth of its peak or more up to ${each}.`;
  return `${lead} A line that falls slowly is a model that still uses distant characters; gated cells (LSTM, GRU) usually fall slower than a plain RNN.`;
}

function compareTable(profiles: ConnectivityCompareProps['profiles']): FigureTable {
  const longest = Math.max(0, ...profiles.map(({ profile }) => profile.length));
  return {
    caption: 'Mean influence of the character d places back on a prediction (each model’s peak is 1).',
    columns: ['Characters back (d)', ...profiles.map(({ label }) => label)],
    rows: Array.from({ length: longest }, (_, distance) => [
      String(distance),
      ...profiles.map(({ profile }) => (distance < profile.length ? profile[distance]! : '–')),
    ]),
  };
}

/** Each line's colour and dash: a second model of the same colour is dashed, so no two lines look alike. */
function lineStyles(profiles: ConnectivityCompareProps['profiles']): { color: string; dash?: string }[] {
  const seen = new Map<string, number>();
  return profiles.map(({ label }, index) => {
    const color = colorFor(label, index);
    const repeats = seen.get(color) ?? 0;
    seen.set(color, repeats + 1);
    return { color, dash: ['', '6 3', '2 3', '8 3 2 3'][repeats % 4] || undefined };
  });
}

/** Connectivity of several models against distance: how far back each one really looks. */
export function ConnectivityCompare({ profiles, width }: ConnectivityCompareProps) {
  const [scale, setScale] = useState<YScaleType>('log');
  const styles = useMemo(() => lineStyles(profiles), [profiles]);
  const series = useMemo<PlotSeries[]>(
    () =>
      profiles.map(({ label, profile }, index) => ({
        id: `${index}-${label}`,
        label,
        ...styles[index]!,
        points: Array.from(profile, (value, distance) => ({ x: distance, y: value })),
      })),
    [profiles, styles],
  );
  const plot = usePreparedPlot(series, scale);
  const notice = compareNotice(profiles);
  return (
    <LineChartFigure
      plot={plot}
      title="How far back each model looks"
      description={notice}
      table={compareTable(profiles)}
      exportName="connectivity-by-distance"
      controls={
        <>
          <ScaleToggle scale={scale} onChange={setScale} />
          {/* A key in HTML wraps on a phone, where long labels such as "LSTM, 128 units, step 3,000" would not fit in the plot. */}
          <ul className="inside-compare-key" aria-label="Key">
            {profiles.map(({ label }, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two models may share a label; the line's place is its identity
              <li key={`${index}-${label}`}>
                <svg width={24} height={10} aria-hidden="true">
                  <line
                    x1={0}
                    x2={24}
                    y1={5}
                    y2={5}
                    stroke={styles[index]!.color}
                    strokeWidth={2.5}
                    strokeDasharray={styles[index]!.dash}
                  />
                </svg>
                {label}
              </li>
            ))}
          </ul>
        </>
      }
      width={width}
      emptyMessage="No connectivity profiles yet: measure one for a trained model, then train another cell to compare."
      nonFiniteWhat="influence"
      xLabel="Characters back, d (0 = the one just read)"
      yLabel="Mean influence (peak = 1)"
      summary={`Line chart${scale === 'log' ? ', log scale' : ''}: mean influence against characters back for ${joinWords(
        profiles.map(({ label }) => label),
      )}.`}
      directLabels={false}
    />
  );
}
