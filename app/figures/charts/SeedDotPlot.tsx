import { scaleLinear } from 'd3';
import { Axis } from '../frame/Axis';
import { FigureFrame, type FigureTable } from '../frame/FigureFrame';
import { FigureTableView } from '../frame/FigureTableView';
import { AtWidth, EmptyPlot } from './LineChartFigure';
import './seedDots.css';

/** One seed's outcome: a number, or null while it is not measured (drawn as no dot). */
export interface SeedValue {
  readonly seed: number;
  readonly value: number | null;
  /** How the table and the dot's tooltip say it ("100.0% (150 steps)"); the formatted value when absent. */
  readonly text?: string;
}

/** The dots of one series (a cell, a variant) in one group. */
export interface DotColumn {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly values: readonly SeedValue[];
}

/** A place on the horizontal axis (a lag, a setting) holding one column of dots per series. */
export interface DotGroup {
  readonly id: string;
  readonly label: string;
  readonly columns: readonly DotColumn[];
}

export interface SeedDotPlotProps {
  readonly title: string;
  /** The result in words ("on 3 of 3 seeds …"): the figure's caption. */
  readonly description: string;
  readonly groups: readonly DotGroup[];
  readonly yDomain: readonly [number, number];
  readonly yLabel: string;
  /** What the groups are ("Lag"): the table's first column. */
  readonly xLabel: string;
  readonly format: (value: number) => string;
  /** A level to mark across the plot (chance, the budget). */
  readonly reference?: { readonly value: number; readonly label: string };
  readonly emptyMessage: string;
  readonly exportName: string;
  readonly width?: number;
}

const margin = { top: 12, right: 12, bottom: 46, left: 52 };
/** Horizontal distance between two seeds' dots in one column, so equal values stay apart. */
const seedSpacing = 7;

/**
 * Every seed's outcome as its own dot: groups along the bottom, one column of dots per series in each,
 * the seeds side by side, so the spread over seeds shows and no run stands in for all of them.
 */
export function SeedDotPlot(props: SeedDotPlotProps) {
  const { title, description, groups, emptyMessage, exportName, width } = props;
  const table = dotTable(groups, props.xLabel, props.format);
  const empty = groups.every((group) =>
    group.columns.every((column) => column.values.every((value) => value.value === null)),
  );
  return (
    <FigureFrame
      title={title}
      description={description}
      table={empty ? undefined : table}
      exportName={exportName}
    >
      <AtWidth width={width}>
        {(available) =>
          empty ? <EmptyPlot height={240} message={emptyMessage} /> : <Dots {...props} width={available} />
        }
      </AtWidth>
      {/* The table again for paper, where no button can show it: hidden on screen (and so to screen
          readers, which have the frame's own table), shown by the print style sheet. */}
      {!empty && <FigureTableView table={table} className="seed-dots-print" hidden />}
    </FigureFrame>
  );
}

function Dots({
  groups,
  yDomain,
  yLabel,
  format,
  reference,
  description,
  width,
}: SeedDotPlotProps & { readonly width: number }) {
  const height = Math.round(Math.min(300, Math.max(220, width * 0.45)));
  const innerWidth = Math.max(120, width - margin.left - margin.right);
  const innerHeight = height - margin.top - margin.bottom;
  const y = scaleLinear().domain(yDomain).range([innerHeight, 0]);
  const groupWidth = innerWidth / Math.max(1, groups.length);
  return (
    <svg width={width} height={height} role="img" aria-label={description} className="seed-dots">
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axis scale={y} orient="left" ticks={5} format={format} gridLength={innerWidth} />
        {reference && (
          <g className="chance-line">
            <line
              x1={0}
              x2={innerWidth}
              y1={y(reference.value)}
              y2={y(reference.value)}
              className="line-floor"
            />
            <text className="chart-label" x={innerWidth - 4} y={y(reference.value) - 5} textAnchor="end">
              {reference.label}
            </text>
          </g>
        )}
        {groups.map((group, groupIndex) => {
          const columnWidth = groupWidth / Math.max(1, group.columns.length);
          const left = groupIndex * groupWidth;
          return (
            <g key={group.id} data-group={group.id}>
              {groupIndex > 0 && (
                <line className="seed-dots-divider" x1={left} x2={left} y1={0} y2={innerHeight} />
              )}
              <text
                className="chart-label"
                x={left + groupWidth / 2}
                y={innerHeight + 32}
                textAnchor="middle"
              >
                {group.label}
              </text>
              {group.columns.map((column, columnIndex) => {
                const center = left + columnWidth * (columnIndex + 0.5);
                const spread = Math.min(seedSpacing, (columnWidth * 0.7) / Math.max(1, column.values.length));
                return (
                  <g key={column.id} data-series={column.id}>
                    <text className="chart-label" x={center} y={innerHeight + 15} textAnchor="middle">
                      {column.label}
                    </text>
                    {column.values.map((entry, index) =>
                      entry.value === null ? null : (
                        <circle
                          key={entry.seed}
                          data-seed={entry.seed}
                          cx={center + (index - (column.values.length - 1) / 2) * spread}
                          cy={y(Math.min(yDomain[1], Math.max(yDomain[0], entry.value)))}
                          r={4.5}
                          fill={column.color}
                          stroke="#ffffff"
                          strokeWidth={1.2}
                        >
                          <title>{`${column.label}, ${group.label}, seed ${entry.seed}: ${entry.text ?? format(entry.value)}`}</title>
                        </circle>
                      ),
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        <text
          className="axis-title"
          transform={`translate(${-margin.left + 14},${innerHeight / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
      </g>
    </svg>
  );
}

/** One row per group and series, one column per seed: the numbers behind the dots. */
function dotTable(
  groups: readonly DotGroup[],
  groupName: string,
  format: (value: number) => string,
): FigureTable {
  const seeds = [
    ...new Set(
      groups.flatMap((group) => group.columns.flatMap((column) => column.values.map((v) => v.seed))),
    ),
  ].sort((a, b) => a - b);
  return {
    caption: 'Each seed’s outcome (a dot each in the figure); – where the run has not finished.',
    columns: [groupName, ...seeds.map((seed) => `Seed ${seed}`)],
    rows: groups.flatMap((group) =>
      group.columns.map((column) => [
        `${column.label}, ${group.label}`,
        ...seeds.map((seed) => {
          const entry = column.values.find((value) => value.seed === seed);
          if (!entry || entry.value === null) return '–';
          return entry.text ?? format(entry.value);
        }),
      ]),
    ),
  };
}
