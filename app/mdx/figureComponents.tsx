import type { MDXComponents } from 'mdx/types';
import { OneUnitRnn } from '../figures/calculators/OneUnitRnn';
import { PaddingBuckets } from '../figures/calculators/PaddingBuckets';
import { ParameterCalculator } from '../figures/calculators/ParameterCalculator';
import { BaselinePerplexity } from '../widgets/BaselinePerplexity';
import { ClippingDemo } from '../widgets/ClippingDemo';
import { GateExplorer } from '../widgets/GateExplorer';
import { LiveTraining } from '../widgets/LiveTraining';
import { MemoryHorizon } from '../widgets/MemoryHorizon';
import { StepTimer } from '../widgets/StepTimer';
import { TemperatureSampler } from '../widgets/TemperatureSampler';
import { UnrolledDemo } from '../widgets/UnrolledDemo';
import { VanishingExplorer } from '../widgets/VanishingExplorer';

/**
 * The figures and live widgets lesson MDX may place, without the text-like pieces and the lab embeds:
 * the lesson page downloads this as one chunk when the first figure nears view (see
 * `lessonPageComponents.tsx`), so it must not pull in KaTeX, which the figures do not use.
 */
export const figureComponents: MDXComponents = {
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
};
