/**
 * How the inside panel turns a unit's values into colours and words: which scale a series uses
 * (sequential for sigmoid gates, diverging for tanh series and states), one unit's column of a
 * [T][H] series, and how a character reads when it stands alone.
 */
import type { AnyTrace, TraceKind, TraceValues } from '../../../engine/lab/trace';
import { SIGMOID_KINDS } from '../../engine';
import { type ColorMap, colorLookup, divergingMap, sequentialMap } from '../../figures/frame/colorScales';

/** What each series is, in words a menu and a caption can use. */
export const KIND_NAMES: Readonly<Record<TraceKind, string>> = {
  h: 'hidden state',
  c: 'cell state',
  i: 'input gate',
  f: 'forget gate',
  g: 'candidate',
  o: 'output gate',
  r: 'reset gate',
  z: 'update gate',
  n: 'candidate',
};

/** A colour scale for one series: its map, the values at its two ends, and sampled colours. */
export interface UnitScale {
  readonly kind: 'gate' | 'signed';
  readonly map: ColorMap;
  readonly domain: readonly [number, number];
  readonly lookup: Uint8Array;
}

const sequentialLookup = colorLookup(sequentialMap);
const divergingLookup = colorLookup(divergingMap);

/**
 * The scale for `kind`: a sigmoid gate is drawn on [0, 1] (closed … open); anything signed on a
 * symmetric range that holds every value (at least tanh's [−1, 1]), white at 0.
 */
export function scaleFor(kind: TraceKind, values: TraceValues): UnitScale {
  let largest = 0;
  for (let index = 0; index < values.length; index++) {
    const size = Math.abs(values[index]!);
    if (size > largest && size !== Number.POSITIVE_INFINITY) largest = size;
  }
  return scaleForBound(kind, largest);
}

/**
 * The scale of {@link scaleFor} for a series whose largest finite |value| is `largest` (known
 * already, e.g. from each unit's extremes): the symmetric range is rounded up to a half.
 */
export function scaleForBound(kind: TraceKind, largest: number): UnitScale {
  if (SIGMOID_KINDS.includes(kind)) {
    return { kind: 'gate', map: sequentialMap, domain: [0, 1], lookup: sequentialLookup };
  }
  const bound = Math.ceil(Math.max(1, largest) * 2) / 2;
  return { kind: 'signed', map: divergingMap, domain: [-bound, bound], lookup: divergingLookup };
}

/** Where `value` sits along the scale, 0 at its low end and 1 at its high end (clamped). */
export function scaleFraction(scale: UnitScale, value: number): number {
  const [low, high] = scale.domain;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}

/** How many steps of each map the passage's colour classes have (insideColors.css); odd, so 0 has its own. */
export const COLOR_LEVELS = 33;

/**
 * The class that colours a character of the passage: "dv-16" (diverging map, step 16 of 0..32, white
 * at 0) or "sq-32" (sequential, a gate wide open); "no-value" for a value that is not finite.
 */
export function colorClass(scale: UnitScale, value: number): string {
  if (!Number.isFinite(value)) return 'no-value';
  const level = Math.round(scaleFraction(scale, value) * (COLOR_LEVELS - 1));
  return `${scale.kind === 'gate' ? 'sq' : 'dv'}-${level}`;
}

/** Column `unit` of a [T][H] series: that unit's value after each character. */
export function unitColumn(
  series: TraceValues,
  steps: number,
  hiddenSize: number,
  unit: number,
): Float64Array {
  const column = new Float64Array(steps);
  for (let t = 0; t < steps; t++) column[t] = series[t * hiddenSize + unit]!;
  return column;
}

/** The [T][H] series of `kind` in `layer`, or null when the trace has none. */
export function seriesOf(trace: AnyTrace, layer: number, kind: TraceKind): TraceValues | null {
  const series = trace.layers[layer]?.[kind];
  return series !== undefined && series.length >= trace.steps * trace.hiddenSize ? series : null;
}

/** A character as a readout quotes it: visible stand-ins for space, line break and tab. */
export function quoteCharacter(character: string | undefined): string {
  if (character === undefined) return '';
  if (character === ' ') return '“␣” (space)';
  if (character === '\n') return '“↵” (line break)';
  if (character === '\t') return '“⇥” (tab)';
  return `“${character}”`;
}

/** "Layer 2 of 3, hidden state h, unit 17": one series named for people (all counted from 1). */
export function seriesName(layer: number, layers: number, kind: TraceKind, unit: number): string {
  return `layer ${layer + 1} of ${layers}, ${KIND_NAMES[kind]} ${kind}, unit ${unit + 1}`;
}
