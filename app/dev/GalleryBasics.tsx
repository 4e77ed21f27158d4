import { OneUnitRnn } from '../figures/calculators/OneUnitRnn';
import { PaddingBuckets, PaddingBucketsChart } from '../figures/calculators/PaddingBuckets';
import { ParameterCalculator } from '../figures/calculators/ParameterCalculator';
import { UnrolledStepperWithState } from '../figures/diagrams/UnrolledStepper';
import { helloStepper, knownLengths, oneUnitCases, recurrenceStepper } from './fixtures/basics';

/**
 * Dev-only gallery of the lesson 1, 4 and 5 figures (unrolled stepper, one-unit RNN, parameter
 * calculator, padding vs buckets), each with realistic fixtures, for looking at them at any width.
 */
export function GalleryBasics() {
  return (
    <div className="gallery">
      <h2>Unrolled network (e)</h2>
      <UnrolledStepperWithState {...helloStepper} initialStep={5} initialShowGradient />
      <UnrolledStepperWithState {...helloStepper} initialStep={2} />
      <UnrolledStepperWithState {...recurrenceStepper} initialStep={10} />
      <h2>One-unit RNN (f)</h2>
      {oneUnitCases.map(({ label, ...props }) => (
        <OneUnitRnn key={label} {...props} />
      ))}
      <h2>Parameter count (g)</h2>
      <ParameterCalculator initialInputSize={8} initialHiddenSize={32} />
      <ParameterCalculator initialInputSize={300} initialHiddenSize={16} initialOutputSize={10} />
      <h2>Padding vs buckets (h)</h2>
      <PaddingBuckets />
      <PaddingBucketsChart lengths={knownLengths} buckets={4} />
    </div>
  );
}
