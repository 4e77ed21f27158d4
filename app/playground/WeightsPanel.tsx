import { useRef, useState } from 'react';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { STATE_DICT_LIMITS } from '../engine';
import { download } from '../shared/download';
import { plural } from '../shared/format';
import { useStore } from '../store';
import type { RunState } from '../store/runsSlice';
// The confirmation dialog's styles live with the quiz's, where it was first used.
import '../styles/quiz.css';

/** What loading would replace, in words, or null when there is nothing to lose. */
function whatIsReplaced(run: RunState | undefined): string | null {
  if (!run || run.phase === 'problem' || run.phase === 'crashed') return null;
  if (run.phase === 'running' || run.phase === 'starting') return `it is training, at step ${run.stepCount}`;
  if (run.stepCount === 0) return null;
  return `it has trained ${plural(run.stepCount, 'step')}`;
}

/**
 * Export of a run's weights as PyTorch state_dict JSON, and import of such a file to train on from
 * those weights. The file is parsed and checked once, in the worker (a 20 MB file would freeze the page
 * for a second); a bad file gets the worker's sentence saying what is wrong, and the run stays as it
 * was. Replacing a run that has trained asks first.
 */
export function WeightsPanel({
  slot,
  label,
  config,
  maxSteps,
}: {
  slot: string;
  label: string;
  config: TrainerConfig;
  maxSteps: number;
}) {
  const exportWeights = useStore((state) => state.exportRunWeights);
  const loadRunWeights = useStore((state) => state.loadRunWeights);
  // A run that could not start, or whose worker crashed, has no model in the worker to save.
  const hasRun = useStore((state) => {
    const phase = state.runs[slot]?.phase;
    return phase !== undefined && phase !== 'problem' && phase !== 'crashed';
  });
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [asking, setAsking] = useState<{ file: File; replaced: string } | null>(null);
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const save = () => {
    exportWeights(slot)
      .then((json) => {
        download(`unroll-${config.cell}-weights.json`, json, 'application/json');
        setMessage({ text: `Saved ${label}'s weights as PyTorch state_dict JSON.`, problem: false });
      })
      .catch((error: unknown) =>
        setMessage({ text: error instanceof Error ? error.message : String(error), problem: true }),
      );
  };

  const load = async (file: File) => {
    setReading(true);
    setMessage({ text: `Reading ${file.name}…`, problem: false });
    try {
      const text = await file.text();
      await loadRunWeights(slot, config, { maxSteps, speed: { kind: 'max' }, paused: true }, text);
      setMessage({
        text: `Loaded ${file.name} into ${label}. Press Train to continue from these weights.`,
        problem: false,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ text: `${file.name} cannot be loaded: ${reason}`, problem: true });
    } finally {
      setReading(false);
    }
  };

  const choose = (file: File) => {
    if (file.size > STATE_DICT_LIMITS.maxTextLength) {
      setMessage({ text: `${file.name} is too large to be a weights file for this app.`, problem: true });
      return;
    }
    const replaced = whatIsReplaced(useStore.getState().runs[slot]);
    if (replaced) setAsking({ file, replaced });
    else void load(file);
  };

  return (
    <div className="weights-panel">
      <button type="button" onClick={save} disabled={!hasRun}>
        Save {label} weights (PyTorch JSON)
      </button>
      <button type="button" onClick={() => input.current?.click()} disabled={reading}>
        Load weights into {label}…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={`Weights file for ${label}`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) choose(file);
        }}
      />
      <ConfirmDialog
        open={asking !== null}
        title={`Replace ${label}'s run?`}
        confirmLabel="Replace the run"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          const file = asking!.file;
          setAsking(null);
          void load(file);
        }}
      >
        <p>
          {label}'s run would be replaced: {asking?.replaced}. Loading {asking?.file.name} starts a new run
          from its weights, paused, and this run's curves are dropped (save its weights first to keep them).
        </p>
      </ConfirmDialog>
      {message && (
        <p
          role={message.problem ? 'alert' : 'status'}
          className={message.problem ? 'run-problem' : 'weights-message'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
