import { useCallback } from 'react';
import type { CellKind } from '../../engine/types';
import { CELL_KINDS, TRAINER_LIMITS } from '../engine';
import { cellLabels } from '../figures/frame/palette';
import { type FieldProblem, useDraftField } from '../playground/FieldControl';
import { parseNumber } from '../shared/parseNumber';
import type { LabChoice } from './labChoice';

/** A whole number from min to max as typed, or the sentence saying why not. */
function readWhole(text: string, min: number, max: number): number | string {
  const parsed = parseNumber(text);
  if (!parsed.ok) return parsed.message;
  const value = parsed.value;
  if (!Number.isInteger(value) || value < min || value > max)
    return `Use a whole number from ${min} to ${max}.`;
  return value;
}

function WholeField({
  name,
  label,
  value,
  min,
  max,
  onValue,
  onProblem,
}: {
  name: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onValue: (value: number) => void;
  onProblem: (key: string, problem: FieldProblem | null) => void;
}) {
  const read = (text: string): string | null => {
    const result = readWhole(text, min, max);
    if (typeof result === 'string') return result;
    onValue(result);
    return null;
  };
  const draft = useDraftField(name, label, String(value), read, onProblem);
  return (
    <div className="config-field">
      <label htmlFor={draft.id}>{label}</label>
      <input {...draft.inputProps} inputMode="numeric" />
      <span className="config-range">
        {min} to {max}
      </span>
      {draft.problem && (
        <p id={draft.problemId} className="config-problem" role="alert">
          {draft.problem}
        </p>
      )}
    </div>
  );
}

/**
 * The model the lab trains: cell, stacked layers, hidden size and seed. Typed values are read on Enter
 * or blur; one that cannot be used stays on screen with the reason and is reported to the page, which
 * holds Train until it is fixed.
 */
export function LabModelForm({
  choice,
  onChange,
  onProblem,
}: {
  choice: LabChoice;
  onChange: (choice: LabChoice) => void;
  onProblem: (key: string, problem: FieldProblem | null) => void;
}) {
  const set = useCallback(
    (change: Partial<LabChoice>) => onChange({ ...choice, ...change }),
    [choice, onChange],
  );
  return (
    <div className="lab-model">
      <div className="config-field">
        <label htmlFor="lab-cell">Cell</label>
        <select
          id="lab-cell"
          value={choice.cell}
          onChange={(event) => set({ cell: event.target.value as CellKind })}
        >
          {CELL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {cellLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="config-field">
        <label htmlFor="lab-layers">Layers</label>
        <select
          id="lab-layers"
          value={choice.layers}
          onChange={(event) => set({ layers: Number(event.target.value) })}
        >
          {[1, 2, 3].map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
      </div>
      <WholeField
        name="hidden"
        label="Hidden units per layer"
        value={choice.hiddenSize}
        min={TRAINER_LIMITS.hiddenSize.min}
        max={TRAINER_LIMITS.hiddenSize.max}
        onValue={(hiddenSize) => set({ hiddenSize })}
        onProblem={onProblem}
      />
      <WholeField
        name="seed"
        label="Seed"
        value={choice.seed}
        min={TRAINER_LIMITS.seed.min}
        max={TRAINER_LIMITS.seed.max}
        onValue={(seed) => set({ seed })}
        onProblem={onProblem}
      />
    </div>
  );
}
