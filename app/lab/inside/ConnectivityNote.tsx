import { type ConnectivityState, connectivityNotice, predictionSentence } from './connectivityText';

export interface ConnectivityNoteProps {
  readonly state: ConnectivityState;
  readonly characters: readonly string[];
  /** False when the page has no model to ask: the view is then hidden with a line saying so. */
  readonly available: boolean;
}

/** What the bars under the text mean for the chosen prediction, or why there are none. */
export function ConnectivityNote({ state, characters, available }: ConnectivityNoteProps) {
  if (!available) {
    return (
      <p className="inside-note">
        Connectivity (which earlier characters a prediction used) needs a trained model to ask: train one,
        then look inside again.
      </p>
    );
  }
  switch (state.status) {
    case 'idle':
      return (
        <p className="inside-note">
          Connectivity: click a character (or focus the passage and press Enter) to see how strongly each
          earlier character influenced the prediction of the next one.
        </p>
      );
    case 'loading':
      return (
        <p className="inside-note" role="status">
          Measuring how each earlier character influenced the prediction after character {state.position + 1}…
        </p>
      );
    case 'error':
      return (
        <p className="inside-problem" role="alert">
          Connectivity after character {state.position + 1} could not be measured: {state.message}
        </p>
      );
    case 'ready':
      return (
        <div className="inside-connectivity" role="status">
          <p>
            {predictionSentence(state.result, characters)} The blue bars under the characters show how
            strongly each one influenced that (‖∂ log p / ∂x‖, tallest = strongest).
          </p>
          <p className="inside-notice">{connectivityNotice(state.result.influence, characters)}</p>
        </div>
      );
  }
}
