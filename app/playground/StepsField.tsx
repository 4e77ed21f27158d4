import { parseNumber } from '../shared/parseNumber';
import { type FieldProblem, useDraftField } from './FieldControl';

/**
 * "Steps to train" as a text field like the others: typing is never rewritten (clearing it and
 * typing 500 gives 500), and the number is read when the person presses Enter or leaves the field.
 */
export function StepsField({
  value,
  limit,
  onChange,
  onProblem,
}: {
  value: number;
  limit: number;
  onChange: (next: number) => void;
  onProblem: (key: string, problem: FieldProblem | null) => void;
}) {
  const read = (text: string): string | null => {
    const parsed = parseNumber(text);
    if (!parsed.ok && parsed.readings) return parsed.message;
    if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 1 || parsed.value > limit) {
      return `Steps to train must be a whole number from 1 to ${limit}.`;
    }
    onChange(parsed.value);
    return null;
  };
  const draft = useDraftField('until', 'Steps to train', String(value), read, onProblem);
  return (
    <div className="config-field">
      <label htmlFor={draft.id}>Steps to train</label>
      <input {...draft.inputProps} inputMode="numeric" />
      <span className="config-range">1 to {limit}</span>
      {draft.problem && (
        <p id={draft.problemId} className="config-problem" role="alert">
          {draft.problem}
        </p>
      )}
    </div>
  );
}

/**
 * What holds Train: "Fix 4 settings first", each setting a link that moves focus to its field, so the
 * run never starts on values other than the ones on screen.
 */
export function FixFirst({ problems }: { problems: readonly FieldProblem[] }) {
  const count = problems.length;
  return (
    <div className="fix-first">
      <p>Fix {count === 1 ? '1 setting' : `${count} settings`} first:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>
            <button
              type="button"
              className="link-button"
              onClick={() => document.getElementById(problem.inputId)?.focus()}
            >
              {problem.label}
            </button>
            : {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
