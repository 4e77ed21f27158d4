import { useMemo } from 'react';
import { UnrolledStepperWithState } from '../figures/diagrams/UnrolledStepper';
import { formatNumber } from '../shared/format';
import { runUnrolledDemo } from './tinyRnn';
import './widgets.css';
import '../figures/frame/basicFigures.css';

export interface UnrolledDemoProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  /** The word read character by character (at most 24 characters). */
  readonly word?: string;
  /** Hidden units, 1..16. */
  readonly hiddenSize?: number;
  /** Seed of the untrained weights; the same seed always draws the same network. */
  readonly seed?: number;
  /** Steps already taken when the figure appears (0 = nothing read yet). */
  readonly initialStep?: number;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

const shown = (token: string) => (token === ' ' ? 'space' : token);

function describeModel(
  units: number,
  seed: number,
  alphabet: readonly string[],
  loss: number,
  target: string,
): string {
  return (
    `A real, untrained RNN with ${units} hidden units (weights drawn from seed ${seed}). Each character ` +
    `is a one-hot vector over the word’s ${alphabet.length} distinct characters (${alphabet.map(shown).join(', ')}). ` +
    `The gradient belongs to one loss at the last step: the cross-entropy L = ${formatNumber(loss)} of an output ` +
    `layer asked which character came first (“${shown(target)}”), sent back through time by backpropagation.`
  );
}

/**
 * The unrolled stepper driven by a real small RNN: its hidden states come from the engine's forward
 * pass over the word, and the gradient toggle shows ||dL/dh_t|| from the engine's backward pass.
 */
export function UnrolledDemo({
  word = 'hello',
  hiddenSize = 6,
  seed = 1,
  initialStep = 0,
  width,
  notice,
}: UnrolledDemoProps) {
  const data = useMemo(() => runUnrolledDemo(word, hiddenSize, seed), [word, hiddenSize, seed]);
  if (!data) {
    return <UnrolledStepperWithState tokens={[]} hidden={[]} width={width} notice={notice} />;
  }
  const { tokens, alphabet, hidden, gradientNorms, loss, target } = data;
  return (
    <div className="unrolled-demo">
      <UnrolledStepperWithState
        tokens={tokens}
        hidden={hidden}
        gradientNorms={gradientNorms}
        initialStep={Math.max(0, Math.min(tokens.length, initialStep))}
        width={width}
        notice={notice}
      />
      <p className="widget-figure-note">{describeModel(hidden[0]!.length, seed, alphabet, loss, target)}</p>
    </div>
  );
}
