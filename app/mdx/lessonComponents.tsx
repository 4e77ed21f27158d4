import type { MDXComponents } from 'mdx/types';
import { Tex } from '../components/Tex';
import { Claim } from '../widgets/Claim';
import { TryThis } from '../widgets/TryThis';
import { figureComponents } from './figureComponents';
import { LabAutocompleter, LabInsideView, LabReach, LabSampler, LabTrainer } from './labEmbeds';

/**
 * What lesson MDX files (and their slides) may use without importing: formulas built at run time, the
 * figures, and the live widgets. Widgets that train start nothing until the reader presses a button.
 */
export const lessonComponents: MDXComponents = {
  Tex,
  TryThis,
  Claim,
  ...figureComponents,
  LabTrainer,
  LabSampler,
  LabAutocompleter,
  LabInsideView,
  LabReach,
};
