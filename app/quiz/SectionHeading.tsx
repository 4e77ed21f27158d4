import { Children, type ComponentPropsWithoutRef, isValidElement, type ReactNode } from 'react';

/** The text of React children, for a heading's id. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/** 'The same weights at every step' → 'the-same-weights-at-every-step'. */
export function headingId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * A lesson's `##` heading with an id made from its text, so that a learner's place in the lesson can be
 * remembered and linked (`/#/lessons/<slug>/<id>`).
 */
export function SectionHeading({ children, id, ...rest }: ComponentPropsWithoutRef<'h2'>) {
  const made = headingId(Children.toArray(children).map(textOf).join(''));
  return (
    <h2 id={id ?? (made || undefined)} tabIndex={-1} {...rest}>
      {children}
    </h2>
  );
}
