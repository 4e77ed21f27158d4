import { useId } from 'react';
import '../frame/basicFigures.css';

export const sizeLimit = 4096;

/** A size typed by a person: a whole number 1..4096, or null. */
export function parseSize(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= sizeLimit ? value : null;
}

export interface SizeFieldProps {
  label: string;
  symbol: string;
  text: string;
  shown: number | null;
  optional?: boolean;
  onText: (text: string) => void;
}

/** A labelled size box that explains, next to itself, what it accepts when the typed text is not that. */
export function SizeField({ label, symbol, text, shown, optional, onText }: SizeFieldProps) {
  const id = useId();
  const empty = text.trim() === '';
  const bad = !(optional && empty) && parseSize(text) === null;
  const still = shown === null ? ' No head is drawn meanwhile.' : ` Still showing ${symbol} = ${shown}.`;
  return (
    <div className="figure-field">
      <label htmlFor={id}>
        {label} <i>{symbol}</i>
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={sizeLimit}
        step={1}
        value={text}
        placeholder={optional ? 'none' : undefined}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-message` : undefined}
        onChange={(event) => onText(event.target.value)}
      />
      {bad && (
        <p className="figure-message" id={`${id}-message`} role="status">
          {label} must be a whole number from 1 to {sizeLimit}
          {optional ? ', or empty for no output layer' : ''}.{still}
        </p>
      )}
    </div>
  );
}
