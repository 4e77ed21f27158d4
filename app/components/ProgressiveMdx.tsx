import type { MDXComponents, MDXContent } from 'mdx/types';
import { Children, Fragment, isValidElement, type ReactNode, useMemo } from 'react';
import { useProgressiveCount } from './useProgressiveCount';

/** Blocks drawn in the first commit: the opening screens of a lesson. */
const FIRST_BLOCKS = 6;
/** Blocks added per idle slice; a block can be a figure whose mount costs tens of milliseconds on a phone. */
const SLICE_BLOCKS = 3;

/** The top-level blocks of compiled MDX: its content is one fragment of headings, paragraphs and figures. */
function blocksOf(Content: MDXContent, components: MDXComponents): ReactNode[] {
  // Compiled MDX without a provider or a wrapper calls no hooks, so its body can be read as a function.
  const tree = Content({ components });
  if (isValidElement<{ children?: ReactNode }>(tree) && tree.type === Fragment) {
    return Children.toArray(tree.props.children);
  }
  return [tree];
}

/**
 * Compiled MDX drawn a few blocks at a time: the opening screens at once, the rest in idle slices inside
 * a transition, so that a long lesson never blocks the page in one long task (a phone took over a second).
 * Everything is drawn at once before printing. `aria-busy` is set until the last block is in.
 */
export function ProgressiveMdx({
  Content,
  components,
  className,
}: {
  Content: MDXContent;
  components: MDXComponents;
  className?: string;
}) {
  // Made once: the elements of a lesson's pre-rendered formulas number in the tens of thousands, and
  // the same element objects let React skip the blocks it has already drawn.
  const blocks = useMemo(() => blocksOf(Content, components), [Content, components]);
  const shown = useProgressiveCount(blocks.length, FIRST_BLOCKS, SLICE_BLOCKS);
  return (
    <div className={className} aria-busy={shown < blocks.length ? true : undefined}>
      {blocks.slice(0, shown)}
    </div>
  );
}
