import { useEffect, useState } from 'react';

/** "4:07", "1:02:30": minutes and seconds since the talk started (hours once past the hour). */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** The time since the speaker view opened (or since Reset), ticking every second. */
export function SpeakerClock() {
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const reset = () => {
    const time = Date.now();
    setStartedAt(time);
    setNow(time);
  };
  return (
    <div className="speaker-clock">
      <span className="speaker-clock-label">Elapsed</span>
      <span
        role="timer"
        aria-label={`Elapsed time ${formatElapsed(now - startedAt)}`}
        className="speaker-clock-time"
      >
        {formatElapsed(now - startedAt)}
      </span>
      <button type="button" onClick={reset}>
        Reset clock
      </button>
    </div>
  );
}
