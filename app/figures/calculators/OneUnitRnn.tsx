import { type ReactNode, useId, useState } from 'react';
import '../frame/basicFigures.css';
import { formatFixed } from '../frame/figureText';
import { OneUnitRnnChart } from './OneUnitRnnChart';

export { OneUnitRnnChart, type OneUnitRnnChartProps } from './OneUnitRnnChart';

export interface WeightFieldProps {
  /** Visible name, e.g. w<sub>hh</sub>. */
  readonly label: ReactNode;
  /** Plain-text name used in messages, e.g. "w_hh". */
  readonly name: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly onChange: (value: number) => void;
}

/**
 * A slider with a number box beside it. Typed values outside [min, max] are clamped, and the field
 * says so; text that is not a number yet (a lone "−" while typing) is left alone until it is.
 */
export function WeightField({ label, name, value, min, max, step, onChange }: WeightFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)));
  const typed = (text: string) => {
    setDraft(text);
    const parsed = Number(text.replace('−', '-'));
    if (text.trim() === '' || !Number.isFinite(parsed)) {
      setMessage(`Type a number from ${formatFixed(min, 0)} to ${formatFixed(max, 0)}.`);
      return;
    }
    const clamped = Math.min(max, Math.max(min, parsed));
    setMessage(
      clamped === parsed
        ? null
        : `${name} goes from ${formatFixed(min, 0)} to ${formatFixed(max, 0)}: ${text} was set to ${formatFixed(clamped, decimals)}.`,
    );
    onChange(Number(clamped.toFixed(decimals)));
  };
  return (
    <div className="figure-field">
      <label htmlFor={`${id}-range`}>{label}</label>
      <input
        id={`${id}-range`}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => {
          setDraft(null);
          setMessage(null);
          onChange(Number(event.target.value));
        }}
      />
      <input
        type="number"
        aria-label={`${name}, typed value`}
        min={min}
        max={max}
        step={step}
        value={draft ?? formatFixed(value, decimals).replace('−', '-')}
        aria-invalid={message !== null}
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(event) => typed(event.target.value)}
        onBlur={() => setDraft(null)}
      />
      {message && (
        <p className="figure-message" id={`${id}-message`} role="status">
          {message}
        </p>
      )}
    </div>
  );
}

export interface OneUnitRnnProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  readonly initialWhh?: number;
  readonly initialWxh?: number;
  /** Time steps (1-based) with a pulse x_t = 1 at the start; default a single pulse at t = 1. */
  readonly initialPulses?: readonly number[];
  readonly steps?: number;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

const range = { min: -2, max: 2, step: 0.01 };
const clampWeight = (value: number) =>
  Math.min(range.max, Math.max(range.min, Number.isFinite(value) ? value : 0));

/** (f) The one-unit RNN with its own state: drag or type w_hh and w_xh, switch pulses on and off. */
export function OneUnitRnn({
  initialWhh = 0.6,
  initialWxh = 1,
  initialPulses = [1],
  steps = 20,
  width,
  notice,
}: OneUnitRnnProps) {
  const [wHh, setWhh] = useState(() => clampWeight(initialWhh));
  const [wXh, setWxh] = useState(() => clampWeight(initialWxh));
  const [pulses, setPulses] = useState<readonly number[]>(initialPulses);
  // Remounting the fields on reset clears any half-typed value and its message.
  const [resets, setResets] = useState(0);
  const toggle = (t: number) =>
    setPulses((now) => (now.includes(t) ? now.filter((p) => p !== t) : [...now, t].sort((a, b) => a - b)));
  const controls = (
    <>
      <WeightField
        key={`hh-${resets}`}
        label={
          <>
            w<sub>hh</sub> recurrent
          </>
        }
        name="w_hh"
        value={wHh}
        onChange={setWhh}
        {...range}
      />
      <WeightField
        key={`xh-${resets}`}
        label={
          <>
            w<sub>xh</sub> input
          </>
        }
        name="w_xh"
        value={wXh}
        onChange={setWxh}
        {...range}
      />
      <button
        type="button"
        onClick={() => {
          setWhh(clampWeight(initialWhh));
          setWxh(clampWeight(initialWxh));
          setPulses(initialPulses);
          setResets((count) => count + 1);
        }}
      >
        Reset
      </button>
    </>
  );
  return (
    <OneUnitRnnChart
      wHh={wHh}
      wXh={wXh}
      pulses={pulses}
      steps={steps}
      width={width}
      controls={controls}
      onTogglePulse={toggle}
      notice={notice}
      update={{
        key: `${wHh}:${wXh}:${pulses.join(',')}`,
        label: `Updated: w_hh = ${formatFixed(wHh)}, w_xh = ${formatFixed(wXh)}`,
      }}
    />
  );
}
