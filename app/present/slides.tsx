/**
 * A lesson's slides.mdx is a sequence of `<Slide title notes>` elements. Calling the compiled MDX with a
 * components map where `Slide` is the marker below gives the tree of slide elements without mounting
 * any of them; presenter mode then mounts one slide at a time.
 */
import type { MDXComponents, MDXContent } from 'mdx/types';
import { Children, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';

export interface SlideProps {
  readonly title: string;
  readonly notes?: string;
  readonly children?: ReactNode;
}

/** One slide, with its content already built by MDX (widgets as elements, not yet mounted). */
export interface SlideData {
  readonly title: string;
  readonly notes: string;
  readonly content: ReactNode;
}

/** Stands for a slide in the MDX tree; presenter mode never mounts it, it reads its props. */
export function Slide({ children }: SlideProps) {
  return <>{children}</>;
}

function collect(node: ReactNode, into: SlideData[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, into);
    return;
  }
  if (!isValidElement(node)) return;
  const element = node as ReactElement<SlideProps & { children?: ReactNode }>;
  if (element.type === Slide) {
    const { title, notes, children } = element.props;
    into.push({ title: String(title ?? ''), notes: String(notes ?? ''), content: children });
  } else if (element.type === Fragment) {
    for (const child of Children.toArray(element.props.children)) collect(child, into);
  }
}

/**
 * The slides of compiled MDX, in order. `components` supplies what the slides may use (figures, widgets);
 * `Slide` is added here. Text outside any `<Slide>` is not shown.
 */
export function extractSlides(Content: MDXContent, components: MDXComponents): SlideData[] {
  // Compiled MDX without a provider is a plain function of its props (no hooks), so calling it builds
  // the element tree; a `wrapper` would hide it, so none is passed.
  const { wrapper: _wrapper, ...rest } = components;
  const tree = Content({ components: { ...rest, Slide } });
  const slides: SlideData[] = [];
  collect(tree as ReactNode, slides);
  return slides;
}

/** Names of lesson components that are words, not figures: the slide preview keeps them. */
const inlineComponents = new Set(['Tex', 'Claim', 'TryThis']);

/**
 * The same components with every figure and widget replaced by a small labelled box: the speaker view's
 * preview of the next slide shows what is coming without starting a second copy of a live figure.
 */
export function previewComponents(components: MDXComponents): MDXComponents {
  const preview: Record<string, unknown> = { ...components };
  for (const name of Object.keys(components)) {
    if (/^[A-Z]/.test(name) && !inlineComponents.has(name)) {
      preview[name] = (props: { title?: unknown }) => (
        <FigurePlaceholder name={name} title={typeof props.title === 'string' ? props.title : null} />
      );
    }
  }
  return preview as MDXComponents;
}

/** "LiveTraining" -> "Live training". */
function words(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function FigurePlaceholder({ name, title }: { name: string; title: string | null }) {
  return (
    <p className="slide-figure-placeholder">
      <span aria-hidden="true">▦ </span>
      Live figure: {words(name)}
      {title ? ` (${title})` : ''}
    </p>
  );
}
