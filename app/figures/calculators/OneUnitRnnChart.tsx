import { line, scaleLinear } from 'd3';
import type { ReactNode } from 'react';
import '../frame/basicFigures.css';
import { Axis } from '../frame/Axis';
import { FigureFrame } from '../frame/FigureFrame';
import type { NoticeSlot } from '../frame/FigureNotice';
import { formatFixed, subscript } from '../frame/figureText';
import { useChartFontSize } from '../frame/hooks';
import { okabeIto } from '../frame/palette';
import { Responsive } from '../frame/Responsive';
import { describeRegime, saturationLevel, simulateOneUnit } from './oneUnitRecurrence';
import { PulseToggles } from './PulseToggles';

export interface OneUnitRnnChartProps extends NoticeSlot {
  /** The recurrent weight w_hh. */
  readonly wHh: number;
  /** The input weight w_xh. */
  readonly wXh: number;
  /** Time steps (1-based) where x_t = 1; x_t = 0 elsewhere. */
  readonly pulses: readonly number[];
  /** How many steps to run (default 20). */
  readonly steps?: number;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
  /** Controls drawn above the chart (the wrapper's sliders). */
  readonly controls?: ReactNode;
  /** When given, a row of pulse toggles is drawn under the chart. */
  readonly onTogglePulse?: (t: number) => void;
}

const laneHeight = 42;

/** A stem chart of h_t for the one-unit RNN, with the input pulses drawn beneath. */
function Chart({ wHh, wXh, pulses, steps, width, onTogglePulse }: ChartProps) {
  const h = simulateOneUnit(wHh, wXh, pulses, steps);
  // Room for the labels grows with the type (12 px on a reading page, more on a projector).
  const type = useChartFontSize() / 12;
  const margin = { top: Math.round(26 * type), right: 16, left: Math.round(46 * type) };
  const plotHeight = width < 480 ? 170 : width > 1200 ? 260 : 220;
  const x = scaleLinear()
    .domain([0, steps])
    .range([margin.left + 10, width - margin.right - 6]);
  const y = scaleLinear()
    .domain([-1, 1])
    .range([margin.top + plotHeight, margin.top]);
  const laneTop = margin.top + plotHeight + 20;
  const laneBottom = laneTop + laneHeight;
  const height = laneBottom + Math.round(46 * type);
  const level = saturationLevel(wHh);
  const pulseSet = new Set(pulses);
  const path = line<number>()
    .x((_, t) => x(t))
    .y((value) => y(value))(h);
  const spacing = x(1) - x(0);
  return (
    <>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Stem chart of h_t over ${steps} steps, pulses beneath`}
      >
        <rect
          className="figure-plot-bg"
          x={margin.left}
          y={margin.top}
          width={width - margin.left - margin.right}
          height={plotHeight}
          opacity={0.5}
        />
        <Axis
          scale={y}
          orient="left"
          x={margin.left}
          ticks={4}
          gridLength={width - margin.left - margin.right}
        />
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} className="figure-stroke" />
        <text className="axis-title" x={margin.left - Math.round(40 * type)} y={margin.top - 12}>
          h
          <tspan dy={3} fontSize="0.8em">
            t
          </tspan>
        </text>
        {level > 0 &&
          [level, -level].map((bound) => (
            <g key={bound}>
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={y(bound)}
                y2={y(bound)}
                stroke={okabeIto.orange}
                strokeWidth={1.5}
                strokeDasharray="6 4"
              />
              <text
                x={width - margin.right - 4}
                y={y(bound) + (bound > 0 ? -5 : 14)}
                textAnchor="end"
                className="chart-label"
              >
                {bound > 0 ? '+' : '−'}
                {formatFixed(level)} (resting point)
              </text>
            </g>
          ))}
        {path && <path d={path} fill="none" stroke={okabeIto.blue} strokeOpacity={0.45} strokeWidth={1.3} />}
        {h.map((value, t) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one stem per time step
          <g key={t} data-stem={t}>
            <line x1={x(t)} x2={x(t)} y1={y(0)} y2={y(value)} stroke={okabeIto.blue} strokeWidth={2} />
            <circle cx={x(t)} cy={y(value)} r={width < 480 ? 3 : 4} fill={okabeIto.blue} />
          </g>
        ))}
        <text className="axis-title" x={margin.left - Math.round(40 * type)} y={laneTop + laneHeight / 2 + 4}>
          x
          <tspan dy={3} fontSize="0.8em">
            t
          </tspan>
        </text>
        <line
          x1={margin.left}
          x2={width - margin.right}
          y1={laneBottom}
          y2={laneBottom}
          className="figure-stroke"
        />
        {Array.from({ length: steps }, (_, index) => index + 1)
          .filter((t) => pulseSet.has(t))
          .map((t) => (
            <g key={t} data-pulse={t}>
              <line
                x1={x(t)}
                x2={x(t)}
                y1={laneBottom}
                y2={laneTop + 6}
                stroke={okabeIto.vermillion}
                strokeWidth={2.5}
              />
              <rect x={x(t) - 4} y={laneTop + 2} width={8} height={8} fill={okabeIto.vermillion} />
            </g>
          ))}
        <Axis
          scale={x}
          orient="bottom"
          y={laneBottom}
          ticks={width < 480 ? 5 : 10}
          format={(t) => String(t)}
        />
        <text className="axis-title" x={(margin.left + width) / 2} y={height - 4} textAnchor="middle">
          time step t
        </text>
      </svg>
      {onTogglePulse && (
        <PulseToggles
          steps={steps}
          pulses={pulseSet}
          onToggle={onTogglePulse}
          aligned={spacing >= 28 ? { left: x(1) - spacing / 2, spacing } : undefined}
        />
      )}
    </>
  );
}
interface ChartProps {
  wHh: number;
  wXh: number;
  pulses: readonly number[];
  steps: number;
  width: number;
  onTogglePulse?: (t: number) => void;
}

/**
 * (f) The one-unit RNN h_t = tanh(w_hh·h_{t−1} + w_xh·x_t): h over time for given weights and pulses,
 * with a caption that names the regime (fade, edge, saturate, swing) from the computed values. Pure.
 */
export function OneUnitRnnChart({
  wHh,
  wXh,
  pulses,
  steps = 20,
  width,
  controls,
  onTogglePulse,
  notice,
  update,
}: OneUnitRnnChartProps) {
  const safe = (value: number) => (Number.isFinite(value) ? value : 0);
  const w = { hh: safe(wHh), xh: safe(wXh) };
  const valid = pulses.filter((t) => Number.isInteger(t) && t >= 1 && t <= steps);
  const h = simulateOneUnit(w.hh, w.xh, valid, steps);
  const account = describeRegime(w.hh, w.xh, valid, steps);
  const description = `h${subscript(0)} = 0 and hₜ = tanh(w_hh·hₜ₋₁ + w_xh·xₜ) with w_hh = ${formatFixed(w.hh)}, w_xh = ${formatFixed(w.xh)}, pulses at t = ${valid.length ? valid.join(', ') : 'none'}. ${account.sentence}`;
  const chart = (chartWidth: number) => (
    <Chart
      wHh={w.hh}
      wXh={w.xh}
      pulses={valid}
      steps={steps}
      width={chartWidth}
      onTogglePulse={onTogglePulse}
    />
  );
  return (
    <FigureFrame
      title="One-unit RNN"
      description={description}
      exportName="one-unit-rnn"
      controls={controls}
      notice={notice}
      update={update}
      table={{
        caption: 'Input and hidden state at each step',
        columns: ['t', 'x_t', 'h_t'],
        rows: h.map((value, t) => [t, t === 0 ? '—' : valid.includes(t) ? 1 : 0, Number(value.toFixed(4))]),
      }}
    >
      <div data-regime={account.regime} data-oscillates={account.oscillates}>
        {width !== undefined ? chart(width) : <Responsive>{chart}</Responsive>}
      </div>
    </FigureFrame>
  );
}
