import { usePageTitle } from '../components/usePageTitle';
import type { LessonEntry } from '../course';
import { isDeckAction } from './deck';
import { useProjectorTheme } from './projectorTheme';
import { useSpeakerRunRemote } from './runRelay';
import { SlideFrame } from './SlideFrame';
import { SpeakerClock } from './SpeakerClock';
import type { SlideData } from './slides';
import { usePresenterDeck } from './usePresenterDeck';
import { usePresenterKeys } from './usePresenterKeys';
import { useSlideRoute } from './useSlideRoute';
import './present.css';

/**
 * The teacher's second window: this slide (its live figures drive the audience window's runs), the
 * next one, the notes in large type, a clock, and the same keys and buttons, in step with the slides.
 */
export function SpeakerDeck({
  lesson,
  slides,
  previews,
  slideParam,
}: {
  readonly lesson: LessonEntry;
  readonly slides: readonly SlideData[];
  readonly previews: readonly SlideData[];
  readonly slideParam: string | undefined;
}) {
  const slug = lesson.slug;
  const route = useSlideRoute('speaker', slug, slideParam, slides.length);
  const presenter = usePresenterDeck({
    role: 'speaker',
    slug,
    index: route.index,
    count: slides.length,
    go: route.go,
  });
  useSpeakerRunRemote(presenter, slug);
  const { deck, dispatch } = presenter;
  const [theme] = useProjectorTheme();
  usePresenterKeys('speaker', (command) => {
    if (isDeckAction(command)) dispatch(command);
  });
  const slide = slides[deck.index]!;
  const next = previews[deck.index + 1];
  usePageTitle(`Speaker view: ${slide.title} (${deck.index + 1}/${deck.count})`);

  return (
    <div className="speaker" data-projector={theme}>
      <header className="speaker-bar">
        <h1 className="speaker-heading">
          Speaker view <span className="speaker-lesson">· {lesson.title}</span>
        </h1>
        <SpeakerClock />
        <nav className="speaker-nav" aria-label="Slides">
          <button
            type="button"
            onClick={() => dispatch({ type: 'previous' })}
            disabled={deck.index === 0 && !deck.blank}
          >
            <span aria-hidden="true">← </span>Previous
          </button>
          <span className="presenter-count">
            <span className="visually-hidden">Slide </span>
            {deck.index + 1} / {deck.count}
          </span>
          <button
            type="button"
            onClick={() => dispatch({ type: 'next' })}
            disabled={deck.index === deck.count - 1 && !deck.blank}
          >
            Next<span aria-hidden="true"> →</span>
          </button>
          <button type="button" aria-pressed={deck.blank} onClick={() => dispatch({ type: 'toggleBlank' })}>
            Blank <kbd>B</kbd>
          </button>
        </nav>
        <p className="speaker-link" data-state={presenter.peers > 0 ? 'connected' : 'alone'}>
          {presenter.peers > 0
            ? 'The slides window follows this one.'
            : 'No slides window is open: press S in the slides to pair them.'}
        </p>
      </header>
      {route.notice && (
        <p className="speaker-blank-notice" role="status">
          {route.notice}
        </p>
      )}
      {deck.blank && (
        <p className="speaker-blank-notice" role="status">
          The audience sees a blank screen. Press B or any move key to show the slide.
        </p>
      )}
      <div className="speaker-grid">
        <SlideFrame
          key={deck.index}
          slide={slide}
          index={deck.index}
          count={deck.count}
          label="Current slide"
          level={2}
        />
        <div className="speaker-side">
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: long notes scroll, and a scrollable region must be reachable by keyboard */}
          <section className="speaker-notes" aria-labelledby="speaker-notes-heading" tabIndex={0}>
            <h2 id="speaker-notes-heading">Notes</h2>
            {slide.notes ? <p>{slide.notes}</p> : <p className="muted">No notes for this slide.</p>}
          </section>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a long next slide scrolls, like the notes */}
          <section className="speaker-next" aria-labelledby="speaker-next-heading" tabIndex={0}>
            <h2 id="speaker-next-heading">Next</h2>
            {next ? (
              <div className="speaker-next-slide">
                <h3 className="slide-title">{next.title}</h3>
                <div className="slide-body">{next.content}</div>
              </div>
            ) : (
              <p className="muted">This is the last slide.</p>
            )}
          </section>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {deck.blank
          ? 'The audience screen is blank.'
          : `Slide ${deck.index + 1} of ${deck.count}: ${slide.title}`}
      </p>
    </div>
  );
}
