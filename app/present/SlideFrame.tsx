import type { Ref } from 'react';
import type { SlideData } from './slides';

interface SlideFrameProps {
  readonly slide: SlideData;
  readonly index: number;
  readonly count: number;
  /** Out of sight (and out of the accessibility tree) while the screen is blanked, but still mounted. */
  readonly blank?: boolean;
  /** Names the region before its number, e.g. "Current slide" in the speaker view. */
  readonly label?: string;
  /** The title's heading level: 1 on the audience's screen, lower inside the speaker view. */
  readonly level?: 1 | 2 | 3;
  readonly ref?: Ref<HTMLElement>;
}

/** One slide: its title and its content (live figures included), as a labelled region. */
export function SlideFrame({
  slide,
  index,
  count,
  blank = false,
  label = 'Slide',
  level = 1,
  ref,
}: SlideFrameProps) {
  const Heading = level === 1 ? 'h1' : level === 2 ? 'h2' : 'h3';
  return (
    <section
      ref={ref}
      className="slide"
      aria-roledescription="slide"
      aria-label={`${label} ${index + 1} of ${count}: ${slide.title}`}
      tabIndex={-1}
      data-blank={blank || undefined}
    >
      <Heading className="slide-title">{slide.title}</Heading>
      <div className="slide-body">{slide.content}</div>
    </section>
  );
}
