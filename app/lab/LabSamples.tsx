import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../shared/format';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';

/** A new sample this often while the model trains: often enough to watch babble turn into words. */
export const SAMPLE_EVERY_MS = 4000;
/** Characters per sample. */
export const SAMPLE_LENGTH = 160;

/** Whether a run has a model that can answer (it started and its worker is there). */
export function canAnswer(run: RunState | undefined): boolean {
  return (
    run !== undefined && run.info !== null && ['running', 'paused', 'finished', 'stopped'].includes(run.phase)
  );
}

/**
 * Samples of the model as it learns, primed with the student's text, at a temperature they choose: one
 * every few seconds while it trains and one at once when the temperature changes. Earlier samples stay,
 * labelled by training step, newest first.
 */
export function LabSamples({
  slot,
  run,
  stepOffset,
  initialPrime,
}: {
  slot: string;
  run: RunState | undefined;
  stepOffset: number;
  /** Made of the text's own characters; it comes back whenever the text changes. */
  initialPrime: string;
}) {
  const { ask, samples, addSample } = useStore(
    useShallow((state) => ({
      ask: state.askRunModel,
      samples: state.labSamples,
      addSample: state.addLabSample,
    })),
  );
  const [prime, setPrime] = useState(initialPrime);
  useEffect(() => setPrime(initialPrime), [initialPrime]);
  const [temperature, setTemperature] = useState(0.5);
  const [problem, setProblem] = useState<string | null>(null);
  const seed = useRef(1);
  const primeId = useId();
  const temperatureId = useId();
  const ready = canAnswer(run);
  const running = run?.phase === 'running';
  const settings = useRef({ prime, temperature, stepOffset });
  settings.current = { prime, temperature, stepOffset };

  const takeSample = useRef(() => {});
  takeSample.current = () => {
    if (!ready) return;
    const { prime: text, temperature: t, stepOffset: offset } = settings.current;
    ask(slot, {
      type: 'sample',
      prime: text,
      temperature: t,
      length: SAMPLE_LENGTH,
      seed: seed.current++,
    }).then(
      (answer) => {
        if (answer?.kind === 'sample') {
          setProblem(null);
          addSample({ step: answer.step + offset, temperature: t, prime: text, text: answer.text });
        } else if (answer?.kind === 'refused') setProblem(answer.message);
      },
      (error: Error) => setProblem(error.message),
    );
  };

  useEffect(() => {
    if (!running) return;
    takeSample.current();
    const timer = setInterval(() => takeSample.current(), SAMPLE_EVERY_MS);
    return () => clearInterval(timer);
  }, [running]);

  // A new temperature gives a new sample at once (after the slider settles for a moment).
  const firstTemperature = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of temperature asks.
  useEffect(() => {
    if (firstTemperature.current) {
      firstTemperature.current = false;
      return;
    }
    const timer = setTimeout(() => takeSample.current(), 150);
    return () => clearTimeout(timer);
  }, [temperature]);

  return (
    <div className="lab-samples">
      <div className="lab-sample-controls">
        <div className="config-field">
          <label htmlFor={primeId}>Start each sample with</label>
          <input
            id={primeId}
            type="text"
            value={prime}
            maxLength={200}
            onChange={(event) => setPrime(event.target.value)}
          />
        </div>
        <div className="config-field">
          <label htmlFor={temperatureId}>Temperature {formatNumber(temperature, 2)}</label>
          <input
            id={temperatureId}
            type="range"
            min={0.1}
            max={2}
            step={0.1}
            value={temperature}
            onChange={(event) => setTemperature(Number(event.target.value))}
          />
        </div>
        <button type="button" onClick={() => takeSample.current()} disabled={!ready}>
          Sample now
        </button>
      </div>
      <p className="muted">
        Temperature divides the model’s scores before they become probabilities: below 1 the likeliest
        characters win more often (safe, repetitive text), above 1 the rare ones get a chance (varied, more
        mistakes).
      </p>
      {problem && (
        <p className="run-problem" role="alert">
          {problem}
        </p>
      )}
      {samples.length === 0 ? (
        <p className="muted">
          {ready
            ? 'Samples appear here every few seconds while the model trains.'
            : 'Press Train: samples appear here as the model learns.'}
        </p>
      ) : (
        <ol className="lab-sample-list" aria-label="Samples, newest first">
          {samples.map((sample) => (
            <li key={sample.id}>
              <span className="lab-sample-step">
                step {sample.step.toLocaleString('en-US')} · T {formatNumber(sample.temperature, 2)}
              </span>
              <span className="lab-sample-text">
                <span className="lab-sample-prime">{sample.prime}</span>
                {sample.text}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
