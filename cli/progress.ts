/**
 * A one-line progress bar for a terminal: steps, loss, the last held-out metric and the time left,
 * redrawn at most ten times a second. On anything but a TTY it draws nothing, so pipes and files only
 * receive the command's real output.
 */

/** What the bar shows. */
export interface ProgressState {
  readonly step: number;
  readonly loss: number;
  /** e.g. "held-out accuracy 0.984"; empty before the first evaluation. */
  readonly heldOut: string;
}

export interface ProgressBar {
  /** Redraws if at least 100 ms have passed since the last drawing (or `force`). */
  update(state: ProgressState, force?: boolean): void;
  /** Prints a line above the bar (on stdout), then redraws the bar. */
  log(line: string): void;
  /** Erases the bar. */
  done(): void;
}

const REDRAW_MS = 100;

/** Formats seconds as m:ss (or h:mm:ss). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A bar on `stream` for a run of at most `total` steps; a no-op bar when the stream is not a TTY. */
export function createProgressBar(stream: NodeJS.WriteStream, total: number): ProgressBar {
  const start = performance.now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let last: ProgressState | null = null;
  let drawn = false;
  const erase = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (state: ProgressState) => {
    const elapsed = (performance.now() - start) / 1000;
    const eta = state.step > 0 ? (elapsed / state.step) * (total - state.step) : 0;
    const text = ` ${state.step}/${total}  loss ${state.loss.toPrecision(4)}${state.heldOut ? `  ${state.heldOut}` : ''}  ETA ${clock(eta)}`;
    const width = Math.max(10, Math.min(40, (stream.columns || 80) - text.length - 3));
    const filled = Math.round((width * state.step) / total);
    stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${text}`);
    drawn = true;
    lastDraw = performance.now();
  };
  if (!stream.isTTY)
    return { update: () => {}, log: (line) => void process.stdout.write(`${line}\n`), done: () => {} };
  return {
    update(state, force = false) {
      last = state;
      if (force || performance.now() - lastDraw >= REDRAW_MS) draw(state);
    },
    log(line) {
      erase();
      process.stdout.write(`${line}\n`);
      if (last) draw(last);
    },
    done: erase,
  };
}
