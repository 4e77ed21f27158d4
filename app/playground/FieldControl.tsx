import { useEffect, useId, useState } from 'react';
import type { TrainerConfig } from '../../engine/trainerConfig';
import type { UrlField } from './urlFields';

/** A setting whose typed text is not in use, named so that the page can hold Train until it is fixed. */
export interface FieldProblem {
  readonly key: string;
  readonly label: string;
  /** The input's id, so a link can move focus to it. */
  readonly inputId: string;
  readonly message: string;
}

/**
 * A typed setting as a person edits it: the text is theirs while they type (nothing is rewritten
 * under the cursor), read on Enter or when focus leaves. A value that cannot be used stays on screen
 * with the reason and is reported through `onProblem`, so the run never silently uses another value.
 */
export function useDraftField(
  key: string,
  label: string,
  value: string,
  read: (text: string) => string | null,
  onProblem: (key: string, problem: FieldProblem | null) => void,
) {
  const id = useId();
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // When the value in use changes from outside (a link, another field), show it.
  useEffect(() => {
    setText(value);
    setProblem(null);
  }, [value]);
  useEffect(() => {
    onProblem(key, problem === null ? null : { key, label, inputId: id, message: problem });
  }, [key, label, id, problem, onProblem]);
  // A field that goes away (lag when the task changes) takes its problem with it.
  useEffect(() => () => onProblem(key, null), [key, onProblem]);
  const commit = () => {
    const trimmed = text.trim();
    // Leaving a field unchanged, or typed back to the value in use, is always fine.
    const message = trimmed === value ? null : read(trimmed);
    setProblem(message);
  };
  const problemId = `${id}-problem`;
  return {
    id,
    problem,
    problemId,
    inputProps: {
      id,
      type: 'text' as const,
      inputMode: 'decimal' as const,
      value: text,
      'aria-invalid': problem !== null,
      'aria-describedby': problem ? problemId : undefined,
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value),
      onBlur: commit,
      onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') commit();
      },
    },
  };
}

/** One engine option as a text field or a select, read and explained by its URL field. */
export function FieldControl({
  field,
  config,
  onChange,
  onProblem,
  label,
}: {
  field: UrlField;
  config: TrainerConfig;
  onChange: (next: TrainerConfig) => void;
  onProblem: (key: string, problem: FieldProblem | null) => void;
  label: (choice: string) => string;
}) {
  const value = field.read(config) ?? '';
  const apply = (raw: string): string | null => {
    const next = field.apply(config, raw);
    if (next === null) return field.explain(config, raw);
    onChange(next);
    return null;
  };
  const draft = useDraftField(field.key, field.label, value, apply, onProblem);
  const [choiceProblem, setChoiceProblem] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new value in use clears the message.
  useEffect(() => setChoiceProblem(null), [value]);

  if (field.choices) {
    // A select always shows the value in use, so a refused choice explains itself and blocks nothing.
    return (
      <div className="config-field">
        <label htmlFor={draft.id}>{field.label}</label>
        <select id={draft.id} value={value} onChange={(event) => setChoiceProblem(apply(event.target.value))}>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {label(choice)}
            </option>
          ))}
        </select>
        {choiceProblem && (
          <p className="config-problem" role="alert">
            {choiceProblem}
          </p>
        )}
      </div>
    );
  }
  const range = field.range?.(config);
  return (
    <div className="config-field">
      <label htmlFor={draft.id}>{field.label}</label>
      <input {...draft.inputProps} />
      {range && (
        <span className="config-range">
          {range.min} to {range.max}
        </span>
      )}
      {draft.problem && (
        <p id={draft.problemId} className="config-problem" role="alert">
          {draft.problem}
        </p>
      )}
    </div>
  );
}
