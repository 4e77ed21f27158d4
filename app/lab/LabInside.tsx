import { useId, useState } from 'react';
import type { PostedTrace } from '../../engine/lab/trace';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
import { ConnectivityCompare } from './inside/ConnectivityCompare';
import { InsidePanel } from './inside/InsidePanel';
import { defaultPassage, INSIDE_PASSAGE_LIMIT } from './inside/passage';
import { canAnswer } from './LabSamples';
import { modelLabel } from './labSaved';

/**
 * Inside the network: the student picks a passage (the end of the text by default, or their own), the
 * worker traces every unit of the current model over it, and the inside panel colours, ranks and
 * connects them. Below, how far back each cell trained on this page looks.
 */
export function LabInside({
  slot,
  run,
  text,
  offset,
  parts = 'all',
  passageLength,
}: {
  slot: string;
  run: RunState | undefined;
  text: string;
  offset: number;
  /** Which part to show: lesson 6 places the look inside and the reach by distance apart. */
  parts?: 'all' | 'inside' | 'reach';
  /** How many characters of the end of the text the default passage takes (see `defaultPassageLength`). */
  passageLength: number;
}) {
  const ask = useStore((state) => state.askRunModel);
  const profiles = useStore((state) => state.labProfiles);
  const setProfile = useStore((state) => state.setLabProfile);
  const [passage, setPassage] = useState(() => defaultPassage(text, passageLength));
  const [view, setView] = useState<{ text: string; trace: PostedTrace; label: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'trace' | 'profile' | null>(null);
  const passageId = useId();
  const ready = canAnswer(run);
  const tooLong = Array.from(passage).length > INSIDE_PASSAGE_LIMIT;
  const info = run?.info;
  const label = (step: number) =>
    info ? modelLabel(info.cell, run?.config.hiddenSize ?? 0, info.layers, step + offset) : '';

  const lookInside = () => {
    setBusy('trace');
    setProblem(null);
    ask(slot, { type: 'trace', passage }).then(
      (answer) => {
        setBusy(null);
        if (answer?.kind === 'trace')
          setView({ text: answer.passage, trace: answer.trace, label: label(answer.step) });
        else setProblem(answer?.kind === 'refused' ? answer.message : 'The model did not answer: try again.');
      },
      (error: Error) => {
        setBusy(null);
        setProblem(error.message);
      },
    );
  };
  const measureReach = () => {
    setBusy('profile');
    setProblem(null);
    ask(slot, { type: 'connectivityProfile', positions: 16 }).then(
      (answer) => {
        setBusy(null);
        if (answer?.kind === 'connectivityProfile') {
          setProfile({
            cell: answer.cell,
            label: modelLabel(answer.cell, answer.hiddenSize, answer.layers, answer.step + offset),
            profile: answer.profile,
            measuredAt: new Date().toISOString(),
          });
        } else
          setProblem(answer?.kind === 'refused' ? answer.message : 'The model did not answer: try again.');
      },
      (error: Error) => {
        setBusy(null);
        setProblem(error.message);
      },
    );
  };
  const requestConnectivity =
    ready && view
      ? (position: number) =>
          ask(slot, { type: 'connectivity', passage: view.text, position }).then((answer) => {
            if (answer?.kind === 'connectivity') return answer.connectivity;
            throw new Error(
              answer?.kind === 'refused' ? answer.message : 'The model did not answer: try again.',
            );
          })
      : undefined;

  return (
    <div className="lab-inside">
      {parts !== 'reach' && (
        <>
          <label htmlFor={passageId}>
            Passage to look at (up to {INSIDE_PASSAGE_LIMIT.toLocaleString('en-US')} characters)
          </label>
          <textarea
            id={passageId}
            className="lab-passage"
            rows={4}
            value={passage}
            onChange={(event) => setPassage(event.target.value)}
            aria-invalid={tooLong || passage.length === 0}
          />
          <div className="lab-inside-actions">
            <button
              type="button"
              onClick={lookInside}
              disabled={!ready || tooLong || passage.length === 0 || busy !== null}
            >
              {busy === 'trace' ? 'Reading the passage…' : view ? 'Look inside again' : 'Look inside'}
            </button>
            <button type="button" onClick={() => setPassage(defaultPassage(text, passageLength))}>
              Use the end of the text
            </button>
          </div>
          {!ready && <p className="inside-note">Train a model (or restore a saved one) to look inside it.</p>}
          {tooLong && (
            <p className="field-error" role="alert">
              The passage is {Array.from(passage).length.toLocaleString('en-US')} characters long: shorten it
              to {INSIDE_PASSAGE_LIMIT.toLocaleString('en-US')} or fewer.
            </p>
          )}
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          {view && (
            <InsidePanel
              text={view.text}
              trace={view.trace}
              cellLabel={view.label}
              requestConnectivity={requestConnectivity}
            />
          )}
        </>
      )}
      {parts !== 'inside' && (
        <>
          {parts === 'reach' && problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          <h3>How far back does each cell look?</h3>
          <p>
            Train an RNN, an LSTM and a GRU on the same text and measure each: the line shows how strongly a
            character a given number of places back still moves the prediction, averaged over 16 predictions
            of held-out text.
          </p>
          <button type="button" onClick={measureReach} disabled={!ready || busy !== null}>
            {busy === 'profile' ? 'Measuring…' : 'Measure this model'}
          </button>
          <ConnectivityCompare
            profiles={Object.values(profiles).flatMap((p) =>
              p ? [{ label: p.label, profile: p.profile }] : [],
            )}
          />
        </>
      )}
    </div>
  );
}
