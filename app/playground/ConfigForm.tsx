import { useCallback, useEffect, useState } from 'react';
import type { TaskKind } from '../../engine/tasks/task';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { TASK_SPECS } from '../engine';
import { FieldControl, type FieldProblem } from './FieldControl';
import { type FieldGroup, URL_FIELDS } from './urlFields';

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

const choiceLabel = (choice: string) => choiceLabels[choice] ?? choice;

/**
 * Every engine option as a control, generated from the same field table as the URL, so the form and
 * the link can never disagree. A value that cannot be used keeps what the person typed, says why, and
 * is reported through `onProblemsChange`, so the page can hold Train until every field is in use.
 */
export function ConfigForm({
  config,
  onChange,
  onProblemsChange,
}: {
  config: TrainerConfig;
  onChange: (next: TrainerConfig) => void;
  onProblemsChange?: (problems: readonly FieldProblem[]) => void;
}) {
  const [problems, setProblems] = useState<Readonly<Record<string, FieldProblem>>>({});
  const onProblem = useCallback((key: string, problem: FieldProblem | null) => {
    setProblems((current) => {
      if (problem === null) {
        if (!(key in current)) return current;
        const { [key]: _gone, ...rest } = current;
        return rest;
      }
      const known = current[key];
      if (known && known.message === problem.message && known.inputId === problem.inputId) return current;
      return { ...current, [key]: problem };
    });
  }, []);
  useEffect(() => {
    // In the form's order, so "Fix these first" lists them as they appear.
    const order = URL_FIELDS.map((field) => field.key);
    onProblemsChange?.(Object.values(problems).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)));
  }, [problems, onProblemsChange]);
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
              <FieldControl
                key={field.key}
                field={field}
                config={config}
                onChange={onChange}
                onProblem={onProblem}
                label={choiceLabel}
              />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
