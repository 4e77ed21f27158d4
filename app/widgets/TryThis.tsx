import { type ReactNode, useId } from 'react';
import './widgets.css';

/**
 * A "Try this" prompt beside a live figure: what to change, and what to expect. A note rather than a
 * landmark: a lesson has many of them, and landmarks must have unique names.
 */
export function TryThis({ children }: { readonly children?: ReactNode }) {
  const titleId = useId();
  return (
    <div className="try-this" role="note" aria-labelledby={titleId}>
      <p className="try-this-title" id={titleId}>
        Try this
      </p>
      <div className="try-this-body">{children}</div>
    </div>
  );
}
