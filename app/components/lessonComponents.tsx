import type { MDXComponents } from 'mdx/types';
import { Tex } from './Tex';

/** What lesson MDX files may use without importing: formulas that change at run time and, later, figures. */
export const lessonComponents: MDXComponents = {
  Tex,
};
