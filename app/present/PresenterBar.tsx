import { Link } from 'wouter';
import { paths } from '../course';
import type { DeckAction, DeckState } from './deck';
import type { ProjectorTheme } from './projectorTheme';

interface PresenterBarProps {
  readonly slug: string;
  readonly deck: DeckState;
  readonly dispatch: (action: DeckAction) => void;
  readonly theme: ProjectorTheme;
  readonly onTheme: (theme: ProjectorTheme) => void;
  readonly fullscreen: { readonly active: boolean; readonly toggle: () => void; readonly supported: boolean };
  readonly onSpeakerView: () => void;
  /** Another window (the speaker view) is following this one. */
  readonly speakerConnected: boolean;
}

/** The presenter's controls under the slide: back, "n / N", next, blank, fullscreen, speaker view, theme, exit. */
export function PresenterBar({
  slug,
  deck,
  dispatch,
  theme,
  onTheme,
  fullscreen,
  onSpeakerView,
  speakerConnected,
}: PresenterBarProps) {
  const last = deck.count - 1;
  return (
    <nav className="presenter-bar" aria-label="Presenter controls">
      <button
        type="button"
        onClick={() => dispatch({ type: 'previous' })}
        disabled={deck.index === 0 && !deck.blank}
        title="Previous slide (Left arrow, Page Up)"
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
        disabled={deck.index === last && !deck.blank}
        title="Next slide (Right arrow, Space, Page Down)"
      >
        Next<span aria-hidden="true"> →</span>
      </button>
      <span className="presenter-bar-gap" />
      <button
        type="button"
        aria-pressed={deck.blank}
        onClick={() => dispatch({ type: 'toggleBlank' })}
        title="Blank the screen (B)"
      >
        Blank <kbd>B</kbd>
      </button>
      {fullscreen.supported && (
        <button
          type="button"
          aria-pressed={fullscreen.active}
          onClick={fullscreen.toggle}
          title="Fill the screen (F)"
        >
          Full screen <kbd>F</kbd>
        </button>
      )}
      <button type="button" onClick={onSpeakerView} title="Open the speaker view in a second window (S)">
        Speaker view <kbd>S</kbd>
        {speakerConnected && <span className="presenter-connected"> · open</span>}
      </button>
      <button
        type="button"
        aria-pressed={theme === 'dark'}
        onClick={() => onTheme(theme === 'dark' ? 'light' : 'dark')}
        title="White text on black instead of black on white"
      >
        Dark slides
      </button>
      <Link href={paths.lesson(slug)} className="presenter-exit" title="Back to the lesson (Escape)">
        Exit <kbd>Esc</kbd>
      </Link>
    </nav>
  );
}
