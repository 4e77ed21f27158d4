import type { MDXComponents, MDXContent } from 'mdx/types';
import { Children, Fragment, isValidElement, type ReactNode, useEffect, useMemo, useRef } from 'react';
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

/** The class a block carries while the browser skips its rendering (see {@link useClipWhileSkipped}). */
export const SKIPPED_CLASS = 'skipped';

/**
 * Marks each block of the container with {@link SKIPPED_CLASS} while the browser skips it
 * (`content-visibility: auto` off screen), so that the style sheet can clip it to its box then. A skipped
 * block is as tall as its last drawing, or a guess if it was never drawn, while a script that measures
 * what is inside lays that out at its real size: unclipped, a block's contents spill over the next ones
 * for anything that reads the boxes, and axe (here and in Lighthouse) took a muted line of lesson 4 to
 * lie on a button 960 px further down. The event is not bubbling, so it is caught on its way down.
 */
function useClipWhileSkipped(ref: { readonly current: HTMLElement | null }) {
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const mark = (event: Event) => {
      const block = event.target;
      if (!(block instanceof HTMLElement) || block.parentElement !== container) return;
      block.classList.toggle(SKIPPED_CLASS, (event as Event & { skipped?: boolean }).skipped === true);
    };
    container.addEventListener('contentvisibilityautostatechange', mark, { capture: true });
    return () => container.removeEventListener('contentvisibilityautostatechange', mark, { capture: true });
  }, [ref]);
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
  const ref = useRef<HTMLDivElement>(null);
  useClipWhileSkipped(ref);
  return (
    <div ref={ref} className={className} aria-busy={shown < blocks.length ? true : undefined}>
      {blocks.slice(0, shown)}
    </div>
  );
}
