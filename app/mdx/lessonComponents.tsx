import type { MDXComponents } from 'mdx/types';
import { Tex } from '../components/Tex';
import { OneUnitRnn } from '../figures/calculators/OneUnitRnn';
import { PaddingBuckets } from '../figures/calculators/PaddingBuckets';
import { ParameterCalculator } from '../figures/calculators/ParameterCalculator';
import { BaselinePerplexity } from '../widgets/BaselinePerplexity';
import { Claim } from '../widgets/Claim';
import { ClippingDemo } from '../widgets/ClippingDemo';
import { GateExplorer } from '../widgets/GateExplorer';
import { LiveTraining } from '../widgets/LiveTraining';
import { MemoryHorizon } from '../widgets/MemoryHorizon';
import { StepTimer } from '../widgets/StepTimer';
import { TemperatureSampler } from '../widgets/TemperatureSampler';
import { TryThis } from '../widgets/TryThis';
import { UnrolledDemo } from '../widgets/UnrolledDemo';
import { VanishingExplorer } from '../widgets/VanishingExplorer';
import { LabAutocompleter, LabInsideView, LabReach, LabSampler, LabTrainer } from './labEmbeds';

/**
 * What lesson MDX files (and their slides) may use without importing: formulas built at run time, the
 * figures, and the live widgets. Widgets that train start nothing until the reader presses a button.
 */
export const lessonComponents: MDXComponents = {
  Tex,
  TryThis,
  Claim,
  OneUnitRnn,
  UnrolledDemo,
  ParameterCalculator,
  PaddingBuckets,
  VanishingExplorer,
  MemoryHorizon,
  StepTimer,
  ClippingDemo,
  GateExplorer,
  LiveTraining,
  TemperatureSampler,
  BaselinePerplexity,
  LabTrainer,
  LabSampler,
  LabAutocompleter,
  LabInsideView,
  LabReach,
};
