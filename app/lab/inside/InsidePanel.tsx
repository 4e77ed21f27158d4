import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Connectivity } from '../../../engine/lab/connectivity';
import type { Span } from '../../../engine/lab/hypotheses';
import type { RankedUnit } from '../../../engine/lab/rankUnits';
import type { AnyTrace, TraceKind } from '../../../engine/lab/trace';
import { ColoredPassage } from './ColoredPassage';
import { ConnectivityNote } from './ConnectivityNote';
import { FindUnit } from './FindUnit';
import type { Strip } from './PassageCell';
import { ScaleLegend } from './ScaleLegend';
import { prepareSeries, seriesStats } from './seriesStats';
import { UnitHeatmap } from './UnitHeatmap';
import { UnitPicker } from './UnitPicker';
import { KIND_NAMES, quoteCharacter, seriesName, seriesOf, unitColumn } from './unitScale';
import { useConnectivity } from './useConnectivity';
import './inside.css';

export interface InsidePanelProps {
  /** Exactly the passage the trace was made of: one character (code point) per trace step. */
  readonly text: string;
  readonly trace: AnyTrace;
  /** Asks the worker how each earlier character influenced the prediction after `position`; absent without a model. */
  readonly requestConnectivity?: (position: number) => Promise<Connectivity>;
  /** "LSTM, 128 units, step 3,000": which model is inside. */
  readonly cellLabel?: string;
}

/** Why a trace cannot be shown for this text, or null when it can. */
function traceProblem(characters: readonly string[], trace: AnyTrace): string | null {
  if (characters.length === 0 || trace.steps === 0) {
    return 'There is no passage to look inside: give the model some text to read first.';
  }
  if (characters.length !== trace.steps) {
    return `The passage has ${characters.length} characters but the trace has ${trace.steps} steps, so they cannot be lined up: look inside again.`;
  }
  if (trace.layers.length === 0 || trace.hiddenSize === 0 || trace.kinds.length === 0) {
    return 'The trace holds no units to show.';
  }
  return null;
}

/** Inside the network: the passage coloured by one unit, all units as a heatmap, finding a unit, connectivity. */
export function InsidePanel(props: InsidePanelProps) {
  const input = useMemo(() => ({ text: props.text, trace: props.trace }), [props.text, props.trace]);
  // Thousands of characters and units are rendered in the background, in slices of a few
  // milliseconds, so a fresh trace never blocks the page; the old view stays until the new one is ready.
  const shown = useDeferredValue(input, null);
  const characters = useMemo(() => (shown === null ? [] : Array.from(shown.text)), [shown]);
  if (shown === null) {
    return (
      <section className="inside-panel" aria-label="Inside the network">
        <p className="inside-note" role="status">
          Preparing the view inside the network…
        </p>
      </section>
    );
  }
  const problem = traceProblem(characters, shown.trace);
  if (problem !== null) {
    return (
      <section className="inside-panel" aria-label="Inside the network">
        <p className="inside-problem" role="alert">
          {problem}
        </p>
      </section>
    );
  }
  return <InsideView {...props} text={shown.text} trace={shown.trace} characters={characters} />;
}

const noSpans: readonly Span[] = [];

function InsideView({
  text,
  trace,
  requestConnectivity,
  cellLabel,
  characters,
}: InsidePanelProps & { characters: readonly string[] }) {
  const headingId = useId();
  const textRef = useRef<HTMLElement>(null);
  const [kindChoice, setKind] = useState<TraceKind>(trace.kinds[0]!);
  const [layerChoice, setLayer] = useState(trace.layers.length - 1);
  const [unitChoice, setUnit] = useState(0);
  // Both belong to the passage they were made on: a fresh passage starts without them.
  const [compared, setComparison] = useState<{ text: string; signal: Float64Array; label: string } | null>(
    null,
  );
  const [marked, setMarked] = useState<{ text: string; spans: readonly Span[] }>({ text, spans: [] });
  const comparison = compared?.text === text ? compared : null;
  const { state: connectivity, ask } = useConnectivity(trace, requestConnectivity);
  const T = trace.steps;
  const H = trace.hiddenSize;
  const pickedKind = trace.kinds.includes(kindChoice) ? kindChoice : trace.kinds[0]!;
  const pickedLayer = Math.min(layerChoice, trace.layers.length - 1);
  const pickedUnit = Math.min(unitChoice, H - 1);
  // The picker answers at once; the passage, heatmap and ranking follow in a background render.
  const kind = useDeferredValue(pickedKind);
  const layer = useDeferredValue(pickedLayer);
  const unit = useDeferredValue(pickedUnit);
  const pending = kind !== pickedKind || layer !== pickedLayer || unit !== pickedUnit;
  const series = useMemo(
    () => seriesOf(trace, layer, kind) ?? new Float64Array(T * H).fill(Number.NaN),
    [trace, layer, kind, T, H],
  );
  const { scale, summaries, beyond } = useMemo(() => seriesStats(kind, series, T, H), [kind, series, T, H]);
  // The other layers and series are summarised while the page is idle, so picking one costs no pass
  // over its half a million values.
  useEffect(() => prepareSeries(trace), [trace]);
  const values = useMemo(() => unitColumn(series, T, H, unit), [series, T, H, unit]);
  const label = seriesName(layer, trace.layers.length, kind, unit);
  const spans = marked.text === text ? marked.spans : noSpans;
  const setSpans = useCallback((next: readonly Span[]) => setMarked({ text, spans: next }), [text]);
  const show = useCallback(
    (ranked: RankedUnit, signal: Float64Array, hypothesis: string) => {
      setKind(ranked.kind);
      setLayer(ranked.layer);
      setUnit(ranked.unit);
      setComparison({ text, signal, label: hypothesis });
      textRef.current?.scrollIntoView?.({ block: 'nearest' });
    },
    [text],
  );

  const strips = useMemo(() => {
    const list: Strip[] = [];
    if (comparison && comparison.signal.length === T) {
      list.push({ label: comparison.label, values: comparison.signal, className: 'is-signal' });
    }
    if (connectivity.status === 'ready') {
      const next = quoteCharacter(characters[connectivity.position + 1]);
      list.push({
        label: `influence on predicting ${next}`,
        values: connectivity.result.influence,
        className: 'is-influence',
      });
    }
    return list;
  }, [comparison, connectivity, characters, T]);

  return (
    <section className="inside-panel" aria-labelledby={headingId} aria-busy={pending}>
      <h2 id={headingId}>Inside the network{cellLabel ? `: ${cellLabel}` : ''}</h2>
      <p className="inside-note">
        Each character sits on the colour of one unit’s value just after the model read it. Pick a series, a
        layer and a unit, or click a row of the heatmap below.
      </p>
      <UnitPicker
        kinds={trace.kinds}
        kind={pickedKind}
        onKind={setKind}
        layers={trace.layers.length}
        layer={pickedLayer}
        onLayer={setLayer}
        hiddenSize={H}
        unit={pickedUnit}
        onUnit={setUnit}
      />
      <p className="inside-pending" aria-live="polite">
        {pending ? 'Drawing the new colours…' : ''}
      </p>
      <ScaleLegend kind={kind} scale={scale} beyond={beyond} />
      {comparison && comparison.signal.length === T && (
        <p className="inside-note">
          <span className="inside-key is-signal" aria-hidden="true" /> Orange bars under the text: “
          {comparison.label}”, to compare with the colours.{' '}
          <button type="button" onClick={() => setComparison(null)}>
            Hide
          </button>
        </p>
      )}
      <ColoredPassage
        characters={characters}
        values={values}
        scale={scale}
        seriesLabel={label}
        strips={strips}
        picked={connectivity.status === 'idle' ? null : connectivity.position}
        onPick={requestConnectivity ? ask : undefined}
        textRef={textRef}
      />
      <ConnectivityNote
        state={connectivity}
        characters={characters}
        available={requestConnectivity !== undefined}
      />
      <UnitHeatmap
        series={series}
        summaries={summaries}
        characters={characters}
        hiddenSize={H}
        scale={scale}
        seriesLabel={`${KIND_NAMES[kind]} ${kind} of layer ${layer + 1} of ${trace.layers.length}`}
        unit={unit}
        onUnit={setUnit}
      />
      <FindUnit
        trace={trace}
        text={text}
        characters={characters}
        spans={spans}
        onSpansChange={setSpans}
        textRef={textRef}
        onShow={show}
      />
    </section>
  );
}
