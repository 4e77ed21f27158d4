/**
 * Runs `callback` once the browser has drawn the next frame: a task queued from an animation-frame
 * callback runs after that frame's paint. A hidden tab draws no frames, so after `hiddenDelay` ms it runs
 * anyway. Returns a cancel.
 */
export function afterNextPaint(callback: () => void, hiddenDelay = 250): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    callback();
  };
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (task = setTimeout(run, 0)))
      : 0;
  const fallback = setTimeout(run, hiddenDelay);
  function cancel() {
    if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (task !== undefined) clearTimeout(task);
    clearTimeout(fallback);
  }
  return () => {
    done = true;
    cancel();
  };
}
