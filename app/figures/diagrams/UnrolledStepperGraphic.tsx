import { useId } from 'react';
import { divergingMap, inkOn, missingColor } from '../frame/colorScales';
import { formatFixed, subscript, svgId } from '../frame/figureText';
import { okabeIto } from '../frame/palette';
import { BackwardArrows, UnrolledGradientBars } from './UnrolledGradient';
import { unrolledLayout } from './unrolledLayout';

export interface UnrolledStepperGraphicProps {
  readonly tokens: readonly string[];
  /** [T][H], values in [-1, 1]; non-finite values are drawn grey, never coloured. */
  readonly hidden: readonly (readonly number[])[];
  /** [T] ||dL/dh_t||, drawn only when `showGradient`. */
  readonly gradientNorms?: readonly number[];
  /** 0..T: how many steps are revealed. */
  readonly step: number;
  readonly showGradient: boolean;
  /** Width available in CSS pixels; the drawing grows wider (and scrolls) rather than go illegible. */
  readonly width: number;
  readonly reducedMotion: boolean;
}

/** A token as drawn: a space made visible, long tokens cut to the box with an ellipsis. */
function visibleToken(token: string, boxWidth: number, fontSize: number): string {
  const shown = token === ' ' ? '␣' : token.replace(/\s/g, '␣');
  const fits = Math.max(1, Math.floor(boxWidth / (fontSize * 0.62)));
  return shown.length <= fits ? shown : `${shown.slice(0, Math.max(1, fits - 1))}…`;
}

/** Sub-scripted math label ("W" + "hh") in SVG text. */
function MathLabel({ base, sub, x, y, className, anchor = 'middle' }: MathLabelProps) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={className}>
      <tspan fontStyle="italic">{base}</tspan>
      <tspan dy={3} fontSize="0.78em">
        {sub}
      </tspan>
    </text>
  );
}
interface MathLabelProps {
  base: string;
  sub: string;
  x: number;
  y: number;
  className: string;
  anchor?: 'start' | 'middle';
}

/**
 * The unrolled network as SVG: a column of H coloured cells per step (h₀ first), the characters under
 * them, the same W_hh on every arrow between columns and the same W_xh on every arrow from below.
 */
export function UnrolledStepperGraphic(props: UnrolledStepperGraphicProps) {
  const { tokens, hidden, gradientNorms, step, showGradient, width, reducedMotion } = props;
  const ids = svgId(useId(), 'unrolled');
  const T = tokens.length;
  const H = hidden[0]?.length ?? 0;
  const reserveGradient = showGradient && gradientNorms !== undefined && gradientNorms.length === T;
  // The backward pass needs the whole forward pass: before the last step there is nothing to draw yet.
  const drawGradient = reserveGradient && step === T;
  const L = unrolledLayout(T, H, width, reserveGradient);
  const centre = (t: number) => L.margin + (t + 0.5) * L.column;
  const forwardY = L.hiddenTop + L.cellHeight / 2;
  const showValues = L.cellWidth >= 34 && L.cellHeight >= 15;
  const valueFont = L.cellWidth >= 50 && L.cellHeight >= 24 ? 13 : 10.5;
  const tokenFont = 16;
  const columnValues = (t: number) => (t === 0 ? Array.from({ length: H }, () => 0) : hidden[t - 1]!);

  return (
    <svg
      width={L.width}
      height={L.height}
      viewBox={`0 0 ${L.width} ${L.height}`}
      role="img"
      aria-label={`Unrolled network over ${T} steps with ${H} hidden units; ${step} of ${T} steps computed.`}
      className="unrolled-stepper-svg"
      style={{ margin: '0 auto' }}
    >
      <defs>
        <marker
          id={`${ids}-fwd`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth="9"
          markerHeight="9"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="figure-ink-muted" />
        </marker>
        <marker
          id={`${ids}-back`}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth="12"
          markerHeight="12"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={okabeIto.vermillion} />
        </marker>
        <linearGradient id={`${ids}-legend`} x1="0" x2="1" y1="0" y2="0">
          {Array.from({ length: 11 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed gradient stops
            <stop key={index} offset={index / 10} stopColor={divergingMap(index / 10)} />
          ))}
        </linearGradient>
      </defs>

      {step >= 1 && step <= T && (
        <rect
          x={centre(step) - L.column / 2 + 2}
          y={L.hiddenTop - 24}
          width={L.column - 4}
          height={L.tokenTop + L.tokenHeight + 22 - (L.hiddenTop - 24)}
          rx={8}
          fill="var(--accent-soft)"
          data-current-step={step}
        />
      )}

      {reserveGradient && (
        <UnrolledGradientBars
          layout={L}
          centre={centre}
          left={L.margin + 2}
          norms={gradientNorms!}
          complete={drawGradient}
          reducedMotion={reducedMotion}
        />
      )}

      {Array.from({ length: T + 1 }, (_, t) => {
        const revealed = t <= step;
        const x = centre(t);
        const values = columnValues(t);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: columns are time steps
          <g key={t} data-column={t} data-revealed={revealed}>
            <text x={x} y={L.hiddenTop - 8} textAnchor="middle" className="chart-label figure-ink">
              h{subscript(t)}
            </text>
            {values.map((value, unit) => {
              const finite = Number.isFinite(value);
              const fill = finite ? divergingMap((Math.max(-1, Math.min(1, value)) + 1) / 2) : missingColor;
              const y = L.hiddenTop + unit * L.cellHeight;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: units are positional
                <g key={unit}>
                  <rect
                    className={revealed ? 'unrolled-cell' : 'unrolled-cell figure-ghost'}
                    data-cell={revealed ? 'revealed' : 'hidden'}
                    x={x - L.cellWidth / 2}
                    y={y + 1}
                    width={L.cellWidth}
                    height={L.cellHeight - 2}
                    rx={3}
                    style={revealed ? { fill, stroke: 'rgba(0,0,0,0.18)' } : undefined}
                  />
                  {revealed && showValues && (
                    <text
                      x={x}
                      y={y + L.cellHeight / 2 + valueFont * 0.36}
                      textAnchor="middle"
                      fontSize={valueFont}
                      fill={inkOn(fill)}
                    >
                      {formatFixed(value)}
                    </text>
                  )}
                </g>
              );
            })}
            {t >= 1 && (
              <g opacity={revealed ? 1 : 0.22}>
                <line
                  x1={centre(t - 1) + L.cellWidth / 2 + 2}
                  x2={x - L.cellWidth / 2 - 3}
                  y1={forwardY}
                  y2={forwardY}
                  strokeWidth={t === step ? 2.4 : 1.4}
                  className={t === step ? 'figure-stroke-accent' : 'figure-stroke'}
                  markerEnd={`url(#${ids}-fwd)`}
                />
                <MathLabel
                  base="W"
                  sub="hh"
                  x={x - L.column / 2}
                  y={L.hiddenTop - 8}
                  className="chart-label"
                />
                <line
                  x1={x}
                  x2={x}
                  y1={L.tokenTop - 3}
                  y2={L.hiddenBottom + 4}
                  strokeWidth={t === step ? 2.4 : 1.4}
                  className={t === step ? 'figure-stroke-accent' : 'figure-stroke'}
                  markerEnd={`url(#${ids}-fwd)`}
                />
                <MathLabel
                  base="W"
                  sub="xh"
                  x={x + 4}
                  y={L.hiddenBottom + 24}
                  anchor="start"
                  className="chart-label"
                />
                <rect
                  x={x - L.cellWidth / 2}
                  y={L.tokenTop}
                  width={L.cellWidth}
                  height={L.tokenHeight}
                  rx={5}
                  fill="var(--bg-raised)"
                  strokeWidth={t === step ? 2.4 : 1}
                  className={t === step ? 'figure-stroke-accent' : 'figure-stroke'}
                />
                <text
                  x={x}
                  y={L.tokenTop + L.tokenHeight / 2 + 6}
                  textAnchor="middle"
                  fontSize={tokenFont}
                  fontWeight={600}
                  className="figure-ink"
                  fontFamily="var(--font-mono)"
                >
                  {visibleToken(tokens[t - 1]!, L.cellWidth - 4, tokenFont)}
                </text>
                <text x={x} y={L.tokenTop + L.tokenHeight + 16} textAnchor="middle" className="chart-label">
                  x{subscript(t)}
                </text>
              </g>
            )}
          </g>
        );
      })}

      {drawGradient && (
        <BackwardArrows
          layout={L}
          centre={centre}
          norms={gradientNorms!}
          markerId={`${ids}-back`}
          reducedMotion={reducedMotion}
        />
      )}

      <g transform={`translate(${L.margin + 2},${L.legendTop})`}>
        <text className="chart-label" y={10}>
          hidden value
        </text>
        <rect x={0} y={16} width={132} height={10} fill={`url(#${ids}-legend)`} stroke="rgba(0,0,0,0.2)" />
        {[-1, 0, 1].map((tick) => (
          <text key={tick} className="chart-label" x={66 + tick * 66} y={40} textAnchor="middle">
            {tick === 0 ? '0' : formatFixed(tick, 0).replace(/^1/, '+1')}
          </text>
        ))}
      </g>
    </svg>
  );
}
