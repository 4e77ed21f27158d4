import { useId } from 'react';

export interface NumericFieldProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onEnter: () => void;
  readonly unit?: string;
  /** The id of a message about the typed text (e.g. not a number), read with the field. */
  readonly errorId?: string;
  readonly invalid: boolean;
}

/**
 * A text field rather than type="number", so that "5 376", "0,25" and "1.5e3" can be typed and read
 * (app/shared/parseNumber.ts); the numeric keyboard still opens on phones.
 */
export function NumericField({ value, onChange, onEnter, unit, errorId, invalid }: NumericFieldProps) {
  const id = useId();
  const unitId = `${id}-unit`;
  const describedBy = [unit ? unitId : null, invalid && errorId ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="numeric-field">
      <label htmlFor={id} className="numeric-label">
        Your answer
      </label>
      <span className="numeric-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onEnter();
            }
          }}
        />
        {unit && (
          <span id={unitId} className="numeric-unit">
            {unit}
          </span>
        )}
      </span>
    </div>
  );
}
