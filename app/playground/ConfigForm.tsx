import { useEffect, useId, useState } from 'react';
import type { TaskKind } from '../../engine/tasks/task';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { TASK_SPECS } from '../engine';
import { type FieldGroup, URL_FIELDS, type UrlField } from './urlFields';

const groupTitles: Record<FieldGroup, string> = {
  model: 'Model',
  task: 'Task',
  optimiser: 'Optimiser and learning rate',
  stability: 'Clipping and truncation',
  regularisation: 'Regularisation',
  batching: 'Batching',
};
const groupOrder: readonly FieldGroup[] = [
  'model',
  'task',
  'optimiser',
  'stability',
  'regularisation',
  'batching',
];

const choiceLabels: Record<string, string> = {
  rnn: 'RNN (tanh)',
  lstm: 'LSTM',
  gru: 'GRU',
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adam: 'Adam',
  constant: 'Constant',
  step: 'Step decay',
  exponential: 'Exponential decay',
  none: 'Off',
  norm: 'Global norm',
  value: 'By value',
  pytorch: 'PyTorch default U(±1/√H)',
  xavier: 'Xavier/Glorot uniform',
  orthogonal: 'Orthogonal recurrent weights',
  gaussian: 'Small Gaussian N(0, s²)',
  fixed: 'Fixed length (the task’s own)',
  padding: 'Variable length, padded',
  buckets: 'Variable length, length buckets',
  ...Object.fromEntries(
    (Object.keys(TASK_SPECS) as TaskKind[]).map((kind) => [kind, TASK_SPECS[kind].title]),
  ),
};

/**
 * Every engine option as a control, generated from the same field table as the URL, so the form and
 * the link can never disagree. A value out of range keeps what the person typed, says what is
 * allowed, and leaves the configuration unchanged.
 */
export function ConfigForm({
  config,
  onChange,
}: {
  config: TrainerConfig;
  onChange: (next: TrainerConfig) => void;
}) {
  return (
    <div className="config-form">
      {groupOrder.map((group) => {
        const fields = URL_FIELDS.filter(
          (field) => field.group === group && field.read(config) !== undefined,
        );
        if (fields.length === 0) return null;
        return (
          <fieldset key={group} className="config-group">
            <legend>{groupTitles[group]}</legend>
            {fields.map((field) => (
              <FieldControl key={field.key} field={field} config={config} onChange={onChange} />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}

function FieldControl({
  field,
  config,
  onChange,
}: {
  field: UrlField;
  config: TrainerConfig;
  onChange: (next: TrainerConfig) => void;
}) {
  const id = useId();
  const value = field.read(config) ?? '';
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // When the configuration changes from outside (a link, another field), show its value.
  useEffect(() => {
    setText(value);
    setProblem(null);
  }, [value]);

  const commit = (raw: string) => {
    const next = field.apply(config, raw.trim());
    if (next === null) {
      setProblem(`${field.label} must be ${field.allowed}.`);
      return;
    }
    setProblem(null);
    onChange(next);
  };

  if (field.choices) {
    return (
      <div className="config-field">
        <label htmlFor={id}>{field.label}</label>
        <select id={id} value={value} onChange={(event) => commit(event.target.value)}>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choiceLabels[choice] ?? choice}
            </option>
          ))}
        </select>
        {problem && (
          <p className="config-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }
  const problemId = `${id}-problem`;
  return (
    <div className="config-field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => commit(text)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
      />
      {field.min !== undefined && (
        <span className="config-range">
          {field.min} to {field.max}
        </span>
      )}
      {problem && (
        <p id={problemId} className="config-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
