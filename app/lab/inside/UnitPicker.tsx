import { useEffect, useId, useState } from 'react';
import type { TraceKind } from '../../../engine/lab/trace';
import { KIND_NAMES } from './unitScale';

export interface UnitPickerProps {
  /** The series the trace holds, in the order to list them. */
  readonly kinds: readonly TraceKind[];
  readonly kind: TraceKind;
  readonly onKind: (kind: TraceKind) => void;
  readonly layers: number;
  /** Counted from 0 (bottom); shown counted from 1. */
  readonly layer: number;
  readonly onLayer: (layer: number) => void;
  readonly hiddenSize: number;
  /** Counted from 0; shown counted from 1. */
  readonly unit: number;
  readonly onUnit: (unit: number) => void;
}

/** Which series to colour the text by: series, layer and unit (a number field with previous and next). */
export function UnitPicker(props: UnitPickerProps) {
  const { kinds, kind, onKind, layers, layer, onLayer, hiddenSize, unit, onUnit } = props;
  const unitId = useId();
  const problemId = useId();
  // The field keeps what is typed; the unit changes once it reads as a unit of this layer.
  const [draft, setDraft] = useState(String(unit + 1));
  useEffect(() => setDraft(String(unit + 1)), [unit]);
  const typed = Number(draft);
  const valid = /^\s*\d+\s*$/.test(draft) && typed >= 1 && typed <= hiddenSize;
  const step = (delta: number) => onUnit((unit + delta + hiddenSize) % hiddenSize);
  return (
    <div className="inside-picker">
      <label>
        Series{' '}
        <select value={kind} onChange={(event) => onKind(event.target.value as TraceKind)}>
          {kinds.map((option) => (
            <option key={option} value={option}>
              {option}: {KIND_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Layer{' '}
        <select value={layer} onChange={(event) => onLayer(Number(event.target.value))}>
          {Array.from({ length: layers }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a layer is its index
            <option key={index} value={index}>
              {index + 1}
              {layers > 1 && index === 0 ? ' (bottom)' : ''}
              {layers > 1 && index === layers - 1 ? ' (top)' : ''}
            </option>
          ))}
        </select>
      </label>
      <span className="inside-unit">
        <button type="button" onClick={() => step(-1)} aria-label="Previous unit">
          ‹
        </button>
        <label htmlFor={unitId}>Unit</label>
        <input
          id={unitId}
          type="number"
          inputMode="numeric"
          min={1}
          max={hiddenSize}
          value={draft}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : problemId}
          onChange={(event) => {
            setDraft(event.target.value);
            const value = Number(event.target.value);
            if (Number.isInteger(value) && value >= 1 && value <= hiddenSize) onUnit(value - 1);
          }}
          onBlur={() => setDraft(String(unit + 1))}
        />
        <span>of {hiddenSize}</span>
        <button type="button" onClick={() => step(1)} aria-label="Next unit">
          ›
        </button>
      </span>
      {!valid && (
        <p id={problemId} className="inside-problem" role="alert">
          A unit is a whole number from 1 to {hiddenSize}; still showing unit {unit + 1}.
        </p>
      )}
    </div>
  );
}
