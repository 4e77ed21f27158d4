import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { retryFailedPages } from './lazyPage';
import { isLoadFailure } from './loadFailure';

interface Props {
  readonly children: ReactNode;
  /** The address shown; when it changes the error is cleared, so one failed page does not hide the rest. */
  readonly location: string;
}

interface State {
  readonly error: Error | null;
  readonly location: string;
}

/**
 * Shows what went wrong, in words, instead of a blank page; the rest of the app keeps working, and going
 * to another page clears the message.
 */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return <Boundary location={location}>{children}</Boundary>;
}

class Boundary extends Component<Props, State> {
  override state: State = { error: null, location: this.props.location };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.location === state.location) return null;
    if (state.error) retryFailedPages();
    return { error: null, location: props.location };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // A page that cannot be downloaded offline is expected, not a fault of the site.
    if (!isLoadFailure(error))
      console.warn('Unroll caught an error while drawing this page:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const retry = () => {
      retryFailedPages();
      this.setState({ error: null });
    };
    if (isLoadFailure(error)) {
      return (
        <div className="page">
          <div role="alert" className="error-box">
            <h2>You seem to be offline</h2>
            <p>
              This page has not been saved on this device yet, and it could not be downloaded. Pages you have
              opened once work without a connection; this one will too after you open it online.
            </p>
            <button type="button" onClick={retry}>
              Try again
            </button>
          </div>
        </div>
      );
    }
    return (
      <div className="page">
        <div role="alert" className="error-box">
          <h2>This part of the page could not be shown</h2>
          <p>{error.message}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
