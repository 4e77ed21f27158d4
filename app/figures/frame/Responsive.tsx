import { type ReactNode, useRef } from 'react';
import { useElementWidth } from './hooks';

/**
 * Measures the space a figure has and hands the width to a pure chart component, so charts take
 * their size as a prop (and can be tested at any size) while still filling a phone or a projector.
 */
export function Responsive({
  children,
  initialWidth = 640,
}: {
  children: (width: number) => ReactNode;
  initialWidth?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, initialWidth);
  return (
    <div ref={ref} className="responsive">
      {children(width)}
    </div>
  );
}
