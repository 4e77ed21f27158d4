/**
 * What a run will cost before it starts: the memory of its largest buffers and the time of its longest
 * piece of uninterrupted work (one training step, or one held-out evaluation). A run whose buffers or
 * training step would be too large is refused with a sentence naming what to lower, because the worker
 * cannot read a pause or a stop in the middle of a step.
 */
import { stackWorkspaceBytes } from './stack.ts';
import type { Task } from './tasks/task.ts';
import type { TrainerConfig } from './trainerConfig.ts';
import type { CellKind } from './types.ts';

/**
 * The most memory one run's buffers may take: a browser tab holds up to three runs' workers, and a run
 * that asks for more would stall for minutes or crash its worker. The largest configurations the fields
 * allow (batch 256, 1,000 steps, 256 LSTM units, 3 layers) would need about 32 GB (one layer: 10 GB).
 */
export const MEMORY_BUDGET_BYTES = 1024 ** 3;

/**
 * Floating-point operations per millisecond assumed for the estimate: 1 GFLOP/s. The engine measures
 * 2.3 to 2.9 GFLOP/s on a shared two-core machine (LSTM and GRU, hidden 64 to 256), so the estimate
 * errs long, for slower laptops and three workers sharing the cores (measured under load: 0.8 to 1.7).
 */
export const ASSUMED_FLOPS_PER_MS = 1e6;

/**
 * The longest training step a run may need, by that estimate: 10 s (about 4 s measured). Beyond it the
 * figures freeze for many seconds at a time: LSTM 256 with batch 256 over 100 steps would need about
 * 42 s (17 to 20 s measured). Evaluation is not refused on time (a large held-out set is the reader's
 * choice, and runs less often), but it counts in {@link estimatedStepMs}, so a slow one is not taken
 * for a lost worker.
 */
export const STEP_TIME_BUDGET_MS = 10_000;

/** Held-out sequences evaluated per forward, so evaluation needs a small workspace whatever the set's size. */
export const EVAL_CHUNK = 64;

/** Gate blocks per cell: the rows of W_ih and W_hh are this many times the hidden size. */
const GATES: Readonly<Record<CellKind, number>> = { rnn: 1, lstm: 4, gru: 3 };

/** T of the training batches: the task's own, or the longest variable length. */
export function trainingSteps(config: TrainerConfig, task: Task): number {
  return config.batching.kind === 'fixed' ? task.steps : config.batching.maxSteps;
}

/**
 * The bytes of a run's largest buffers: the training and evaluation workspaces of every layer, dL/dh, and
 * the dropout masks (input, and output and recurrent per layer). `task` is createTask(config.task, seed).
 */
export function memoryNeeded(config: TrainerConfig, task: Task): number {
  const shape = {
    cell: config.cell,
    inputSize: task.inputSize,
    hiddenSize: config.hiddenSize,
    layers: config.layers,
  };
  const B = config.batchSize;
  const T = trainingSteps(config, task);
  const H = config.hiddenSize;
  return (
    stackWorkspaceBytes(shape, B, T) +
    stackWorkspaceBytes(shape, EVAL_CHUNK, task.steps, false) +
    8 * B * T * (H + task.inputSize + task.outputSize) +
    8 * B * (T * (task.inputSize + config.layers * H) + config.layers * H)
  );
}

/**
 * Operations of a run's two long pieces of work. Multiply-adds count two: a forward step of one
 * sequence costs 2·G·H·(I + H) in layer 0, 2·G·H·(H + H) in each later layer (its input is the layer
 * below's H-wide output) and 2·O·H in the head; backward costs about twice the forward (the weight
 * gradients and dL/dh), so a training step is about 3× its forward, and an evaluation is forward only,
 * over the held-out set.
 */
export function workFlops(
  config: TrainerConfig,
  task: Task,
  heldOutSequences: number,
): { readonly training: number; readonly evaluation: number } {
  const H = config.hiddenSize;
  const perLayer = (inputSize: number) => 2 * GATES[config.cell] * H * (inputSize + H);
  const perSequenceStep =
    perLayer(task.inputSize) + (config.layers - 1) * perLayer(H) + 2 * task.outputSize * H;
  return {
    training: 3 * perSequenceStep * config.batchSize * trainingSteps(config, task),
    evaluation: perSequenceStep * heldOutSequences * task.steps,
  };
}

/** The longer of a training step and an evaluation, in milliseconds at {@link ASSUMED_FLOPS_PER_MS}. */
export function estimatedStepMs(config: TrainerConfig, task: Task, heldOutSequences: number): number {
  const { training, evaluation } = workFlops(config, task, heldOutSequences);
  return Math.max(training, evaluation) / ASSUMED_FLOPS_PER_MS;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

/** A sentence for each budget the run exceeds (empty when it fits), naming what to lower. */
export function costProblems(config: TrainerConfig, task: Task, heldOutSequences: number): string[] {
  const problems: string[] = [];
  const layers = `${config.layers} layer${config.layers === 1 ? '' : 's'}`;
  const shape = `batch ${config.batchSize} × ${trainingSteps(config, task)} steps × ${config.hiddenSize} units × ${layers}`;
  const lower = 'Lower the batch size, the sequence length, the hidden size or the number of layers.';
  const memory = memoryNeeded(config, task);
  if (memory > MEMORY_BUDGET_BYTES) {
    problems.push(
      `This run would need about ${formatBytes(memory)} of memory for its buffers (${shape}), more than the ` +
        `${formatBytes(MEMORY_BUDGET_BYTES)} a run may use. ${lower}`,
    );
  }
  const ms = workFlops(config, task, heldOutSequences).training / ASSUMED_FLOPS_PER_MS;
  if (ms > STEP_TIME_BUDGET_MS) {
    problems.push(
      `One training step of this run (${shape}) could take about ${Math.round(ms / 1000)} s, and the page cannot ` +
        `pause it midway; at most ${STEP_TIME_BUDGET_MS / 1000} s is allowed. ${lower}`,
    );
  }
  return problems;
}
