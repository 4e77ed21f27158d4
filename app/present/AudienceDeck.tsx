import { useCallback, useRef } from 'react';
import { useLocation } from 'wouter';
import { usePageTitle } from '../components/usePageTitle';
import { type LessonEntry, paths } from '../course';
import { FigureScaleContext } from '../figures/frame/figureScale';
import { isDeckAction } from './deck';
import { PresenterBar } from './PresenterBar';
import { projectorScaleStyle, useProjectorScale } from './projectorScale';
import { useProjectorTheme } from './projectorTheme';
import { useAudienceRunRelay } from './runRelay';
import { SlideFrame } from './SlideFrame';
import type { SlideData } from './slides';
import { useFullscreen } from './useFullscreen';
import { usePresenterDeck } from './usePresenterDeck';
import { usePresenterKeys } from './usePresenterKeys';
import { useSlideFocus } from './useSlideFocus';
import { useSlideRoute } from './useSlideRoute';
import './present.css';

/** The name of the speaker view's window: pressing S again brings the same window back. */
const SPEAKER_WINDOW = 'unroll-speaker';

/**
 * What the class sees: one slide at a time, full screen, with its live figures (their runs train in
 * this window's workers). Keyboard driven; the speaker view in a second window follows and leads.
 */
export function AudienceDeck({
  lesson,
  slides,
  slideParam,
}: {
  readonly lesson: LessonEntry;
  readonly slides: readonly SlideData[];
  readonly slideParam: string | undefined;
}) {
  const slug = lesson.slug;
  const route = useSlideRoute('audience', slug, slideParam, slides.length);
  const presenter = usePresenterDeck({
    role: 'audience',
    slug,
    index: route.index,
    count: slides.length,
    go: route.go,
  });
  useAudienceRunRelay(presenter, slug);
  const { deck, dispatch } = presenter;
  const [theme, setTheme] = useProjectorTheme();
  const fullscreen = useFullscreen();
  const figureScale = useProjectorScale();
  const [, navigate] = useLocation();
  const region = useRef<HTMLElement>(null);
  useSlideFocus(region, deck.index);
  const slide = slides[deck.index]!;
  usePageTitle(`${slide.title} (${deck.index + 1}/${deck.count}) · ${lesson.title}`);

  const openSpeakerView = useCallback(() => {
    const address = `${window.location.pathname}#${paths.speaker(slug, deck.index + 1)}`;
    window.open(address, SPEAKER_WINDOW, 'popup,width=1280,height=800')?.focus();
  }, [slug, deck.index]);

  usePresenterKeys('audience', (command) => {
    if (isDeckAction(command)) dispatch(command);
    else if (command.type === 'fullscreen') fullscreen.toggle();
    else if (command.type === 'speaker') openSpeakerView();
    else navigate(paths.lesson(slug));
  });

  const progress = deck.count > 1 ? (deck.index / (deck.count - 1)) * 100 : 100;
  return (
    <div
      className="presenter"
      data-projector={theme}
      data-controls={route.controlsHidden ? 'hidden' : 'shown'}
      style={projectorScaleStyle(figureScale)}
    >
      {!route.controlsHidden && (
        <div className="presenter-progress" aria-hidden="true">
          <span style={{ width: `${progress}%` }} />
        </div>
      )}
      <h1 className="visually-hidden">{lesson.title}: slides</h1>
      {route.notice && (
        <p className="presenter-notice" role="status">
          {route.notice}
        </p>
      )}
      <FigureScaleContext value={figureScale}>
        <SlideFrame
          key={deck.index}
          ref={region}
          slide={slide}
          index={deck.index}
          count={deck.count}
          blank={deck.blank}
          level={2}
        />
      </FigureScaleContext>
      {deck.blank && (
        <button
          type="button"
          className="presenter-blank"
          aria-label="Blank screen: show the slide again"
          onClick={() => dispatch({ type: 'toggleBlank' })}
        />
      )}
      {!route.controlsHidden && (
        <PresenterBar
          slug={slug}
          deck={deck}
          dispatch={dispatch}
          theme={theme}
          onTheme={setTheme}
          fullscreen={fullscreen}
          onSpeakerView={openSpeakerView}
          speakerConnected={presenter.peers > 0}
        />
      )}
      <p className="visually-hidden" aria-live="polite">
        {deck.blank
          ? 'Screen blanked. Press B to show the slide again.'
          : `Slide ${deck.index + 1} of ${deck.count}: ${slide.title}`}
      </p>
    </div>
  );
}
