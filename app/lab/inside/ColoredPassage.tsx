import {
  Fragment,
  type KeyboardEvent,
  memo,
  type RefObject,
  type SyntheticEvent,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formatFixed } from '../../figures/frame/figureText';
import { barHeights, PassageCell, type Strip } from './PassageCell';
import { passageLines, type WordGroup } from './passageLayout';
import { colorClass, quoteCharacter, type UnitScale } from './unitScale';
import { useGrowingCount } from './useGrowingCount';
import { usePassageCanvas } from './usePassageCanvas';
import './insideColors.css';

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

/** How many characters are mounted per commit (with their measuring and painting, 10-20 ms of CPU). */
export const CHARACTERS_PER_SLICE = 150;

/** The lines holding the words that start before `count` (every line, once all are mounted). */
function mountedLines(lines: readonly WordGroup[][], count: number): readonly WordGroup[][] {
  const result: WordGroup[][] = [];
  for (const line of lines) {
    if (line[0]!.start >= count) break;
    const last = line[line.length - 1]!;
    result.push(last.start < count ? line : line.filter((group) => group.start < count));
  }
  return result;
}

/**
 * The passage, each character on the colour of one unit's value after reading it, with bars under
 * the characters for a hypothesis or for connectivity. Pointer or arrow keys read a character's value.
 */
export const ColoredPassage = memo(function ColoredPassage(props: ColoredPassageProps) {
  const { characters, values, scale, seriesLabel, strips, picked, onPick, textRef } = props;
  const readoutId = useId();
  const [cursor, setCursor] = useState<number | null>(null);
  const current = cursor !== null && cursor < characters.length ? cursor : null;
  const allLines = useMemo(() => passageLines(characters), [characters]);
  // The characters are mounted a slice at a time (whole words), so a long passage never blocks the page.
  const mounted = useGrowingCount(characters, characters.length, CHARACTERS_PER_SLICE);
  const lines = useMemo(() => mountedLines(allLines, mounted), [allLines, mounted]);
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
  const tones = useMemo(() => Array.from(values, (value) => colorClass(scale, value)), [values, scale]);
  const contentRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painted = usePassageCanvas(contentRef, canvasRef, tones, characters, mounted);
  const bars = useMemo(
    () => Array.from(characters, (_, t) => barHeights(strips, t, ranges)),
    [characters, strips, ranges],
  );
  const stripClasses = strips.map((strip) => strip.className).join(' ');
  // The cells depend on neither the unit nor its scale: a new unit re-renders the canvas only.
  const cells = useMemo(
    () =>
      lines.map((line) => (
        <div key={line[0]!.start} className="inside-line">
          {line.map((group) => (
            // The <wbr> after each word is where a long line may wrap; inside a word it never does.
            <Fragment key={group.start}>
              <span className="inside-word">
                {Array.from({ length: group.end - group.start }, (_, offset) => {
                  const t = group.start + offset;
                  return (
                    <PassageCell
                      key={t}
                      index={t}
                      character={characters[t]!}
                      bars={bars[t]!}
                      stripClasses={stripClasses}
                      current={t === current}
                      picked={t === picked}
                    />
                  );
                })}
              </span>
              <wbr />
            </Fragment>
          ))}
        </div>
      )),
    [lines, characters, bars, stripClasses, current, picked],
  );
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
        className={`inside-passage${painted ? ' is-painted' : ''}`}
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
        <div ref={contentRef} className="inside-passage-content">
          <div className="inside-passage-paint" aria-hidden="true">
            <canvas ref={canvasRef} />
          </div>
          {cells}
        </div>
      </section>
      <p id={readoutId} className="inside-readout" aria-live="polite">
        {readout}
      </p>
    </div>
  );
});
