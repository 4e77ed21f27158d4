import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** How far beyond the window something starts to draw: a screen, so it is ready when it shows. */
const NEAR_MARGIN = '100% 0px';

/**
 * Draws its children only once they come within a screen of view (or the page prints), showing the
 * placeholder until then; once drawn they stay. Opening a long page then costs the main thread only what
 * is near the reader. Where there is no IntersectionObserver, the children are drawn at once.
 */
export function WhenNear({
  placeholder,
  className,
  atOnce = false,
  children,
}: {
  placeholder: ReactNode;
  className?: string;
  /** Drawn when first mounted, wherever it is (what a deep link points at); later changes do nothing. */
  atOnce?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => atOnce || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) startTransition(() => setNear(true));
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    // Printing lays the page out as soon as the event returns: draw before that, not in a later task.
    const print = () => flushSync(() => setNear(true));
    window.addEventListener('beforeprint', print);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    };
  }, [near]);
  return (
    <div ref={ref} className={className}>
      {near ? children : placeholder}
    </div>
  );
}
