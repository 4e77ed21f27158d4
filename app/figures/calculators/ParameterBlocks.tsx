import { interpolateRgb } from 'd3';
import type { CellKind } from '../../../engine/types';
import { CELL_KINDS, countRecurrentParams, GATE_NAMES } from '../../engine';
import { inkOn } from '../frame/colorScales';
import { formatCount } from '../frame/figureText';
import { cellColors, cellLabels } from '../frame/palette';

export interface ParameterBlocksProps {
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Width in CSS pixels. */
  readonly width: number;
}

export const blockCells: readonly CellKind[] = CELL_KINDS;

/** Tints of a cell's colour over white: W_ih light, W_hh mid, biases full (position tells them apart too). */
export function blockFills(cell: CellKind) {
  const tint = interpolateRgb('#ffffff', cellColors[cell]);
  return { Wih: tint(0.35), Whh: tint(0.7), bias: tint(1) };
}

const gap = 18;
const gateLabelWidth = 14;
const minStrip = 5;
const minColumn = 2;
const topLabels = 20;

/**
 * Blocks geometry: one scale (pixels per weight) for all three cells, so that areas compare. Columns too
 * thin to see are widened to `minColumn` px (and strips to `minStrip`); `enlarged` says when that happened.
 */
export function blockLayout(inputSize: number, hiddenSize: number, width: number) {
  const slot = (width - 2 * gap) / 3;
  const drawable = Math.max(20, Math.min(slot - gateLabelWidth, slot > 260 ? slot - 120 : slot));
  const maxHeight = width < 480 ? 200 : width > 1400 ? 290 : 260;
  const scale = Math.min(drawable / (inputSize + hiddenSize + 2), maxHeight / (4 * hiddenSize));
  const Whh = Math.max(minColumn, hiddenSize * scale);
  const bias = Math.max(minColumn, scale);
  const Wih = Math.max(minColumn, Math.min(inputSize * scale, drawable - Whh - 2 * bias));
  const strip = Math.max(minStrip, hiddenSize * scale);
  const enlarged =
    inputSize * scale < minColumn ||
    hiddenSize * scale < minColumn ||
    scale < minColumn ||
    hiddenSize * scale < minStrip ||
    Wih < inputSize * scale - 0.5;
  const blockWidth = Wih + Whh + 2 * bias;
  return {
    slot,
    scale,
    columns: { Wih, Whh, bias },
    blockWidth,
    strip,
    enlarged,
    blockBottom: topLabels + 4 * strip,
    /** Room beside a block for its "4·H = 128 rows" dimension. */
    sideLabels: slot - gateLabelWidth - blockWidth >= 110,
  };
}

/**
 * (g) The weight blocks of an RNN, an LSTM and a GRU drawn to one scale: per gate block (PyTorch order)
 * a strip of W_ih (I wide), W_hh (H wide) and the two bias columns b_ih, b_hh. Area = parameter count.
 */
export function ParameterBlocks({ inputSize, hiddenSize, width }: ParameterBlocksProps) {
  const layout = blockLayout(inputSize, hiddenSize, width);
  const { columns, strip, blockBottom, blockWidth } = layout;
  const height = blockBottom + 44;
  const offset = layout.sideLabels ? 0 : Math.max(0, (layout.slot - gateLabelWidth - blockWidth) / 2);
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`Weight blocks drawn to scale for input size ${inputSize} and hidden size ${hiddenSize}`}
    >
      {blockCells.map((cell, index) => {
        const gates = GATE_NAMES[cell];
        const count = countRecurrentParams(cell, inputSize, hiddenSize);
        const left = index * (layout.slot + gap) + gateLabelWidth + offset;
        const top = blockBottom - gates.length * strip;
        const fills = blockFills(cell);
        const parts = [
          { key: 'Wih', x: 0, w: columns.Wih, fill: fills.Wih, label: 'W_ih', dimension: 'I' },
          { key: 'Whh', x: columns.Wih, w: columns.Whh, fill: fills.Whh, label: 'W_hh', dimension: 'H' },
          {
            key: 'bih',
            x: columns.Wih + columns.Whh,
            w: columns.bias,
            fill: fills.bias,
            label: '',
            dimension: '',
          },
          {
            key: 'bhh',
            x: columns.Wih + columns.Whh + columns.bias,
            w: columns.bias,
            fill: fills.bias,
            label: '',
            dimension: '',
          },
        ];
        return (
          <g key={cell} data-cell-blocks={cell} transform={`translate(${left},0)`}>
            {parts.map(
              (part) =>
                part.dimension &&
                part.w >= 12 && (
                  <text
                    key={part.key}
                    x={part.x + part.w / 2}
                    y={top - 6}
                    textAnchor="middle"
                    className="chart-label"
                  >
                    {part.dimension}
                  </text>
                ),
            )}
            <text x={blockWidth + 2} y={top - 6} className="chart-label">
              2
            </text>
            {gates.map((gate, g) => {
              const y = top + g * strip;
              return (
                <g key={gate} data-gate={gate}>
                  {parts.map((part) => (
                    <rect
                      key={part.key}
                      data-block={part.key}
                      x={part.x}
                      y={y}
                      width={part.w}
                      height={strip}
                      fill={part.fill}
                      stroke="var(--bg-raised)"
                      strokeWidth={strip > 8 ? 1 : 0.5}
                    />
                  ))}
                  {g === 0 &&
                    strip >= 16 &&
                    parts.map(
                      (part) =>
                        part.label &&
                        part.w >= 34 && (
                          <text
                            key={part.key}
                            x={part.x + part.w / 2}
                            y={y + 3}
                            textAnchor="middle"
                            dominantBaseline="hanging"
                            fontSize={11}
                            fill={inkOn(part.fill)}
                          >
                            {part.label}
                          </text>
                        ),
                    )}
                  {cell !== 'rnn' && strip >= 13 && (
                    <text
                      x={-5}
                      y={y + strip / 2 + 4}
                      textAnchor="end"
                      className="chart-label"
                      fontStyle="italic"
                    >
                      {gate}
                    </text>
                  )}
                </g>
              );
            })}
            {layout.sideLabels && (
              <g transform={`translate(${blockWidth + 10},0)`}>
                <path d={`M0,${top} h4 V${blockBottom} h-4`} fill="none" className="figure-stroke" />
                <text x={10} y={(top + blockBottom) / 2 + 4} className="chart-label">
                  {gates.length}·H = {formatCount(gates.length * hiddenSize)} rows
                </text>
              </g>
            )}
            <text x={0} y={blockBottom + 18} className="axis-title">
              {cellLabels[cell]}
            </text>
            <text x={0} y={blockBottom + 35} className="chart-label" data-total={cell}>
              {formatCount(count.total)}
              {layout.slot >= 130 ? ' parameters' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
