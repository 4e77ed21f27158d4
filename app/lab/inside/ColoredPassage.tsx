import {
  type KeyboardEvent,
  memo,
  type RefObject,
  type SyntheticEvent,
  useId,
  useMemo,
  useState,
} from 'react';
import { inkOn } from '../../figures/frame/colorScales';
import { formatFixed } from '../../figures/frame/figureText';
import { glyphOf, wordGroups } from './passageLayout';
import { colorOf, quoteCharacter, type UnitScale } from './unitScale';

/** A per-character series drawn as bars under the text: a hypothesis, or how much each character counted. */
export interface Strip {
  readonly label: string;
  /** One value per character; characters past its end get no bar. */
  readonly values: Float64Array;
  readonly className: string;
}

export interface ColoredPassageProps {
  readonly characters: readonly string[];
  /** The unit's value after each character. */
  readonly values: Float64Array;
  readonly scale: UnitScale;
  /** The series in words, for the readout: "layer 1 of 2, hidden state h, unit 3". */
  readonly seriesLabel: string;
  /** Bars under the text, top first. */
  readonly strips: readonly Strip[];
  /** The character outlined as chosen (the prediction connectivity explains). */
  readonly picked: number | null;
  /** Called on a click (without a text selection) or Enter on a character. */
  readonly onPick?: (position: number) => void;
  /** The element holding the character cells, for reading a text selection. */
  readonly textRef: RefObject<HTMLElement | null>;
}

interface CellProps {
  readonly index: number;
  readonly character: string;
  readonly background: string;
  /** Bar heights in [0, 1] per strip, null where a strip has no value. */
  readonly bars: string;
  readonly stripClasses: string;
  readonly current: boolean;
  readonly picked: boolean;
}

// Memoised, so moving the cursor re-renders two cells, not the whole passage.
const Cell = memo(function Cell({
  index,
  character,
  background,
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
      <span className="inside-glyph" style={{ background, color: inkOn(background) }}>
        {glyphOf(character)}
      </span>
      {classes.map((className, strip) => (
        <span key={className} className={`inside-strip ${className}`} aria-hidden="true">
          {heights[strip] !== '-' && <span style={{ height: `${heights[strip]}%` }} />}
        </span>
      ))}
    </span>
  );
});

/** Where a strip's value sits between its lowest and highest, as a bar height in percent ("-" if none). */
function barHeights(strips: readonly Strip[], t: number, ranges: readonly (readonly [number, number])[]) {
  return strips
    .map((strip, s) => {
      const value = strip.values[t];
      if (value === undefined || !Number.isFinite(value)) return '-';
      const [low, high] = ranges[s]!;
      return String(high > low ? Math.round(((value - low) / (high - low)) * 100) : 0);
    })
    .join(' ');
}

/**
 * The passage, each character on the colour of one unit's value after reading it, with bars under
 * the characters for a hypothesis or for connectivity. Pointer or arrow keys read a character's value.
 */
export function ColoredPassage(props: ColoredPassageProps) {
  const { characters, values, scale, seriesLabel, strips, picked, onPick, textRef } = props;
  const readoutId = useId();
  const [cursor, setCursor] = useState<number | null>(null);
  const current = cursor !== null && cursor < characters.length ? cursor : null;
  const groups = useMemo(() => wordGroups(characters), [characters]);
  const ranges = useMemo(
    () =>
      strips.map((strip): [number, number] => {
        let low = Math.min(0, ...strip.values.filter(Number.isFinite));
        const high = Math.max(low, ...strip.values.filter(Number.isFinite));
        if (high === low) low = high - 1;
        return [low, high];
      }),
    [strips],
  );
  const colors = useMemo(() => Array.from(values, (value) => colorOf(scale, value)), [values, scale]);
  const stripClasses = strips.map((strip) => strip.className).join(' ');
  const indexOf = (event: SyntheticEvent): number | null => {
    const cell = event.target instanceof Element ? event.target.closest('[data-index]') : null;
    return cell ? Number(cell.getAttribute('data-index')) : null;
  };
  const pick = (position: number) => {
    setCursor(position);
    onPick?.(position);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = characters.length - 1;
    const from = current ?? -1;
    const moves: Record<string, number> = {
      ArrowLeft: Math.max(0, from - 1),
      ArrowRight: Math.min(last, from + 1),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setCursor(moves[event.key]!);
    } else if ((event.key === 'Enter' || event.key === ' ') && current !== null) {
      event.preventDefault();
      pick(current);
    }
  };
  const readout =
    current === null
      ? `Point at a character, or focus the passage and use the arrow keys, to read its value.${
          onPick
            ? ' Click a character (or press Enter) to see which earlier characters its prediction used.'
            : ''
        }`
      : [
          `Character ${current + 1} ${quoteCharacter(characters[current])}: ${seriesLabel} = ${formatFixed(values[current]!)}`,
          ...strips.map((strip) => {
            const value = strip.values[current];
            return value === undefined ? null : `${strip.label} ${formatFixed(value, 3)}`;
          }),
        ]
          .filter((part) => part !== null)
          .join('; ');

  return (
    <div className="inside-passage-wrap">
      <section
        ref={textRef}
        className="inside-passage"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the passage is read character by character with the arrow keys
        tabIndex={0}
        aria-label={`The passage coloured by ${seriesLabel}`}
        aria-describedby={readoutId}
        onKeyDown={onKeyDown}
        onFocus={() => setCursor((last) => last ?? 0)}
        onMouseOver={(event) => {
          const index = indexOf(event);
          if (index !== null) setCursor(index);
        }}
        onClick={(event) => {
          const index = indexOf(event);
          // A drag that selected text is marking a span, not asking for a prediction.
          if (index !== null && (window.getSelection()?.isCollapsed ?? true)) pick(index);
        }}
      >
        {groups.map((group) => (
          <span key={group.start} className="inside-word">
            {Array.from({ length: group.end - group.start }, (_, offset) => {
              const t = group.start + offset;
              return (
                <Cell
                  key={t}
                  index={t}
                  character={characters[t]!}
                  background={colors[t]!}
                  bars={barHeights(strips, t, ranges)}
                  stripClasses={stripClasses}
                  current={t === current}
                  picked={t === picked}
                />
              );
            })}
            {group.breakAfter && <br />}
          </span>
        ))}
      </section>
      <p id={readoutId} className="inside-readout" aria-live="polite">
        {readout}
      </p>
    </div>
  );
}
