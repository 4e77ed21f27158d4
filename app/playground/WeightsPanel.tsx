import { useRef, useState } from 'react';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { createTask, parseStateDict, STATE_DICT_LIMITS } from '../engine';
import { download } from '../shared/download';
import { useStore } from '../store';

/**
 * Export of a run's weights as PyTorch state_dict JSON, and import of such a file to train on from
 * those weights. The file is checked here (and again in the worker); a bad file gets a sentence that
 * says what is wrong, and nothing changes.
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
  const startRun = useStore((state) => state.startRun);
  // A run that could not start, or whose worker crashed, has no model in the worker to save.
  const hasRun = useStore((state) => {
    const phase = state.runs[slot]?.phase;
    return phase !== undefined && phase !== 'problem' && phase !== 'crashed';
  });
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
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
    if (file.size > STATE_DICT_LIMITS.maxTextLength) {
      setMessage({ text: `${file.name} is too large to be a weights file for this app.`, problem: true });
      return;
    }
    const text = await file.text();
    const result = parseStateDict(text, config.cell, config.layers);
    if (!result.ok) {
      setMessage({ text: `${file.name} cannot be loaded: ${result.errors.join(' ')}`, problem: true });
      return;
    }
    const { layers, head } = result.value;
    const model = {
      inputSize: layers[0]!.inputSize,
      hiddenSize: layers[0]!.hiddenSize,
      outputSize: head.outputSize,
    };
    const task = createTask(config.task, config.seed);
    const needed = { input: task.inputSize, hidden: config.hiddenSize, output: task.outputSize };
    if (
      model.inputSize !== needed.input ||
      model.hiddenSize !== needed.hidden ||
      model.outputSize !== needed.output
    ) {
      setMessage({
        text:
          `${file.name} holds a model with input ${model.inputSize}, hidden ${model.hiddenSize} and output ${model.outputSize}; ` +
          `this configuration needs input ${needed.input}, hidden ${needed.hidden} and output ${needed.output}. ` +
          'Change the task or hidden size to match, then load it again.',
        problem: true,
      });
      return;
    }
    startRun(slot, config, { maxSteps, speed: { kind: 'max' }, paused: true, weights: text });
    setMessage({
      text: `Loaded ${file.name} into ${label}. Press Train to continue from these weights.`,
      problem: false,
    });
  };

  return (
    <div className="weights-panel">
      <button type="button" onClick={save} disabled={!hasRun}>
        Save {label} weights (PyTorch JSON)
      </button>
      <button type="button" onClick={() => input.current?.click()}>
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
          if (file) void load(file);
        }}
      />
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
