import { formatPercent } from '../shared/format';
import type { NextCharacters } from './nextCharacters';

const ROW = 26;
const LABEL = 48;
const VALUE = 64;

/**
 * Horizontal bars of the next-character probabilities at the chosen temperature, with a thin mark at each
 * bar's value at temperature 1 for comparison. A pure SVG figure: data and width in, nothing read.
 */
export function NextCharacterBars({
  data,
  width,
}: {
  readonly data: NextCharacters;
  readonly width: number;
}) {
  const rows = [...data.bars.map((bar) => ({ ...bar, key: bar.character })), null];
  const height = rows.length * ROW + 8;
  const plot = Math.max(80, width - LABEL - VALUE);
  const x = (share: number) => LABEL + share * plot;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-hidden="true">
      {rows.map((bar, index) => {
        const y = index * ROW + 4;
        const tempered = bar ? bar.tempered : data.restTempered;
        const base = bar ? bar.base : data.restBase;
        return (
          <g key={bar ? bar.key : 'rest'} transform={`translate(0 ${y})`}>
            <text x={LABEL - 8} y={ROW / 2 + 5} textAnchor="end" className="next-char-label">
              {bar ? bar.shown : 'rest'}
            </text>
            <rect
              x={LABEL}
              y={3}
              width={Math.max(0, x(tempered) - LABEL)}
              height={ROW - 8}
              className={bar ? 'next-char-bar' : 'next-char-bar next-char-rest'}
            />
            <line x1={x(base)} x2={x(base)} y1={0} y2={ROW - 2} className="next-char-base" />
            <text x={x(Math.max(tempered, base)) + 6} y={ROW / 2 + 5} className="next-char-value">
              {formatPercent(tempered, 1)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
