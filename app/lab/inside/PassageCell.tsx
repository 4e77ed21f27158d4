import { memo } from 'react';
import { glyphOf } from './passageLayout';

/** A per-character series drawn as bars under the text: a hypothesis, or how much each character counted. */
export interface Strip {
  readonly label: string;
  /** One value per character; characters past its end get no bar. */
  readonly values: Float64Array;
  readonly className: string;
}

interface CellProps {
  readonly index: number;
  readonly character: string;
  /** Each strip's bar height in percent, space-separated, "-" where a strip has no value (a string, so memo compares it cheaply). */
  readonly bars: string;
  readonly stripClasses: string;
  readonly current: boolean;
  readonly picked: boolean;
}

// Memoised, so moving the cursor re-renders two cells, not the whole passage; a new unit re-renders none.
export const PassageCell = memo(function PassageCell({
  index,
  character,
  bars,
  stripClasses,
  current,
  picked,
}: CellProps) {
  const classes = stripClasses === '' ? [] : stripClasses.split(' ');
  const heights = bars === '' ? [] : bars.split(' ');
  return (
    <span
      className={`inside-cell${current ? ' is-current' : ''}${picked ? ' is-picked' : ''}`}
      data-index={index}
    >
      {/* Its colour class is written by useToneClasses, so a new unit re-renders no cell. */}
      <span className="inside-glyph">{glyphOf(character)}</span>
      {classes.map((className, strip) => (
        <span key={className} className={`inside-strip ${className}`} aria-hidden="true">
          {heights[strip] !== '-' && <span style={{ height: `${heights[strip]}%` }} />}
        </span>
      ))}
    </span>
  );
});

/** Where a strip's value sits between its lowest and highest, as a bar height in percent ("-" if none). */
export function barHeights(
  strips: readonly Strip[],
  t: number,
  ranges: readonly (readonly [number, number])[],
) {
  return strips
    .map((strip, s) => {
      const value = strip.values[t];
      if (value === undefined || !Number.isFinite(value)) return '-';
      const [low, high] = ranges[s]!;
      return String(high > low ? Math.round(((value - low) / (high - low)) * 100) : 0);
    })
    .join(' ');
}
