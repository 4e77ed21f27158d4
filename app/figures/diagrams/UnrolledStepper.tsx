import { useEffect, useRef, useState } from 'react';
import '../frame/basicFigures.css';
import { FigureFrame } from '../frame/FigureFrame';
import { usePrefersReducedMotion } from '../frame/hooks';
import { Responsive } from '../frame/Responsive';
import { ScrollRegion } from '../frame/ScrollRegion';
import { UnrolledStepperGraphic } from './UnrolledStepperGraphic';
import { unrolledLayout } from './unrolledLayout';
import { dataProblem, describeStep, gradientState, stepperTable } from './unrolledStepperText';

export interface UnrolledStepperProps {
  /** The characters (or tokens) x₁..x_T, read left to right. */
  readonly tokens: readonly string[];
  /** [T][H] hidden states h₁..h_T, values in [-1, 1] (tanh). h₀ = 0 is drawn in front. */
  readonly hidden: readonly (readonly number[])[];
  /** [T] ||dL/dh_t|| from the backward pass; without it there is no gradient toggle. */
  readonly gradientNorms?: readonly number[];
  /** How many steps are computed, 0..T (0 = only h₀). */
  readonly step: number;
  readonly onStepChange: (step: number) => void;
  readonly showGradient: boolean;
  readonly onShowGradientChange: (show: boolean) => void;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
  /** Milliseconds between steps while playing. */
  readonly playInterval?: number;
  /** What to notice, when a lesson places the stepper; its update cue follows the step (see FigureNotice). */
  readonly notice?: string;
}

/**
 * (e) The unrolled network, one step at a time: characters along the bottom, a column of hidden units
 * above each, shared weights on every arrow; optionally the gradient's norm flowing back. Controlled:
 * the step and the gradient toggle come from props.
 */
export function UnrolledStepper(props: UnrolledStepperProps) {
  const { tokens, hidden, gradientNorms, onStepChange, showGradient, onShowGradientChange } = props;
  const reducedMotion = usePrefersReducedMotion();
  const [playing, setPlaying] = useState(false);
  const T = tokens.length;
  const step = Math.max(0, Math.min(T, Math.round(props.step) || 0));
  const latest = useRef({ step, onStepChange });
  useEffect(() => {
    latest.current = { step, onStepChange };
  });
  const interval = props.playInterval ?? 900;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { step: now, onStepChange: change } = latest.current;
      if (now >= T) return setPlaying(false);
      // Count the step at once, so that a tick before the next render does not repeat it.
      latest.current = { step: now + 1, onStepChange: change };
      change(now + 1);
    }, interval);
    return () => clearInterval(timer);
  }, [playing, T, interval]);
  useEffect(() => {
    if (step >= T) setPlaying(false);
  }, [step, T]);

  const problem = dataProblem(tokens, hidden);
  const hasGradient = gradientNorms !== undefined && gradientNorms.length === T;
  const drawGradient = gradientState(props, step) === 'draw';
  if (problem) {
    return (
      <FigureFrame title="Unrolled network" description="Nothing is drawn yet." exportName="unrolled-network">
        <p className="figure-empty">{problem}</p>
      </FigureFrame>
    );
  }

  const play = () => {
    if (playing) return setPlaying(false);
    if (step >= T) onStepChange(0);
    setPlaying(true);
  };
  const controls = (
    <>
      <fieldset className="figure-button-row" style={{ border: 0, margin: 0, padding: 0 }}>
        <legend className="visually-hidden">Step through the sequence</legend>
        <button type="button" onClick={() => onStepChange(step - 1)} disabled={step <= 0}>
          ◀ Back
        </button>
        <button type="button" onClick={() => onStepChange(step + 1)} disabled={step >= T}>
          Forward ▶
        </button>
        <button type="button" onClick={play} aria-pressed={playing} className="figure-toggle">
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          onClick={() => {
            setPlaying(false);
            onStepChange(0);
          }}
          disabled={step === 0 && !playing}
        >
          Reset
        </button>
      </fieldset>
      <output className="figure-status" aria-live="polite">
        t = {step} of {T}
      </output>
      {hasGradient && (
        <label className="figure-checkbox">
          <input
            type="checkbox"
            checked={showGradient}
            onChange={(event) => {
              onShowGradientChange(event.target.checked);
              // The backward pass runs after the forward pass: finish the word first.
              if (event.target.checked && step < T) onStepChange(T);
            }}
          />
          Show gradient flowing back
        </label>
      )}
    </>
  );

  const graphic = (width: number) => {
    const layout = unrolledLayout(T, hidden[0]!.length, width, showGradient && hasGradient);
    const svg = (
      <UnrolledStepperGraphic
        tokens={tokens}
        hidden={hidden}
        gradientNorms={gradientNorms}
        step={step}
        showGradient={showGradient && hasGradient}
        width={width}
        reducedMotion={reducedMotion}
      />
    );
    if (layout.width <= width + 1) return svg;
    const focus = layout.margin + (step + 0.5) * layout.column;
    return (
      <ScrollRegion label="Unrolled network, scrolls sideways" focusX={focus}>
        {svg}
      </ScrollRegion>
    );
  };

  return (
    <FigureFrame
      title="Unrolled network"
      description={describeStep(props, step, drawGradient)}
      table={stepperTable(props, drawGradient)}
      exportName="unrolled-network"
      controls={controls}
      notice={props.notice}
      update={{
        key: `${step}:${drawGradient}`,
        label: `Updated: step ${step} of ${T}${drawGradient ? ', gradient shown' : ''}`,
      }}
    >
      {props.width !== undefined ? graphic(props.width) : <Responsive>{graphic}</Responsive>}
      <p className="figure-note">
        Every arrow → between columns multiplies by the same W_hh; every arrow ↑ from a character by the same
        W_xh: one set of weights, reused at each step. Colour: blue negative, white 0, red positive.
      </p>
    </FigureFrame>
  );
}

export type UnrolledStepperWithStateProps = Omit<
  UnrolledStepperProps,
  'step' | 'onStepChange' | 'showGradient' | 'onShowGradientChange'
> & { readonly initialStep?: number; readonly initialShowGradient?: boolean };

/** The stepper holding its own step and toggle, for a lesson that just places it. */
export function UnrolledStepperWithState({
  initialStep = 0,
  initialShowGradient = false,
  ...rest
}: UnrolledStepperWithStateProps) {
  const [step, setStep] = useState(initialStep);
  const [showGradient, setShowGradient] = useState(initialShowGradient);
  return (
    <UnrolledStepper
      {...rest}
      step={step}
      onStepChange={(next) => setStep(Math.max(0, Math.min(rest.tokens.length, next)))}
      showGradient={showGradient}
      onShowGradientChange={setShowGradient}
    />
  );
}
