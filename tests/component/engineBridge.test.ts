import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BridgeEvent, EngineBridge, HALT_LONGEST_MS, HALT_MS, haltWaitMs } from '../../app/engineBridge';
import { useStore } from '../../app/store';
import { DEFAULT_TRAINER_CONFIG } from '../../engine/trainerConfig';
import type { FromWorker, LabAnswer, RunInfo, RunStatus, ToWorker } from '../../engine/worker/protocol';

/** A stand-in for a Web Worker: records what it is sent and lets the test reply or crash. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromWorker | unknown) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  crash(text: string) {
    this.onerror?.({ message: text, preventDefault: () => {} } as ErrorEvent);
  }
}

function setup() {
  FakeWorker.made = [];
  const bridge = new EngineBridge(() => new FakeWorker() as unknown as Worker);
  const events: BridgeEvent[] = [];
  bridge.subscribe((event) => events.push(event));
  return { bridge, events };
}

const options = { maxSteps: 10, speed: { kind: 'max' } as const };

const info: RunInfo = {
  cell: 'lstm',
  layers: 1,
  taskTitle: 'recall',
  metricName: 'accuracy',
  inputSize: 10,
  outputSize: 8,
  parameterCount: 100,
  baseline: { value: 0.125, description: 'guessing' },
  kernels: 'wasm',
  estimatedMsPerStep: 5,
};

/** The worker's snapshot of `steps` steps ending at `stepCount`. */
function snapshot(runId: string, status: RunStatus, stepCount: number, steps = 1, msPerStep = 2): FromWorker {
  const values = () => new Float64Array(steps).fill(0.5);
  return {
    type: 'snapshot',
    runId,
    snapshot: {
      status,
      stepCount,
      checkpoint: false,
      firstStep: stepCount - steps + 1,
      loss: values(),
      metric: values(),
      gradNorm: values(),
      learningRate: values(),
      clipped: new Uint8Array(steps),
      paddedShare: values(),
      gradNormByStep: new Float64Array(3),
      msPerStep,
      evaluation: null,
      probe: null,
    },
  };
}

describe('EngineBridge', () => {
  it('gives each slot its own worker and sends it the start message', () => {
    const { bridge } = setup();
    const a = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    bridge.start('b', DEFAULT_TRAINER_CONFIG, options);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[0]!.sent[0]).toMatchObject({ type: 'start', runId: a, maxSteps: 10 });
  });

  it('drops messages from a run that a newer start in the same slot replaced', () => {
    const { bridge, events } = setup();
    const old = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const current = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    worker.reply({ type: 'problem', runId: old, message: 'stale' });
    worker.reply({ type: 'problem', runId: current, message: 'fresh' });
    expect(events).toEqual([
      { slot: 'a', kind: 'message', message: { type: 'problem', runId: current, message: 'fresh' } },
    ]);
  });

  it('addresses pause, step and stop to the slot’s current run only', () => {
    const { bridge } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    bridge.pause('a');
    bridge.step('a', 3);
    bridge.stop('a');
    bridge.pause('nowhere');
    expect(FakeWorker.made[0]!.sent.slice(1)).toEqual([
      { type: 'pause', runId },
      { type: 'step', runId, steps: 3 },
      { type: 'stop', runId },
    ]);
  });

  it('reports a crashed worker, ends it, and starts a fresh one for the next run', async () => {
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const pending = bridge.exportWeights('a');
    FakeWorker.made[0]!.crash('boom');
    expect(events).toEqual([{ slot: 'a', kind: 'crashed', runId, message: 'boom' }]);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    await expect(pending).rejects.toThrow('stopped before sending');
    bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('resolves a weights request with the JSON the worker sends', async () => {
    const { bridge } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const pending = bridge.exportWeights('a');
    const request = FakeWorker.made[0]!.sent[1] as Extract<ToWorker, { type: 'exportWeights' }>;
    FakeWorker.made[0]!.reply({ type: 'weights', runId, requestId: request.requestId, json: '{"ok":1}' });
    await expect(pending).resolves.toBe('{"ok":1}');
  });

  it('refuses to export weights before anything has trained', async () => {
    const { bridge } = setup();
    await expect(bridge.exportWeights('a')).rejects.toThrow('press Train first');
  });

  it('ignores messages of the wrong shape, warning once, and still hears the good ones', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    expect(() => {
      worker.reply(null);
      worker.reply([]);
      worker.reply({ type: 'snapshot', runId, snapshot: null });
      worker.reply({ type: 'snapshot', runId, snapshot: { status: 'running', loss: [1] } });
      worker.reply({ type: 'started', runId, info: 'lstm' });
      worker.reply({ type: 'someday', runId });
    }).not.toThrow();
    expect(events).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    worker.reply({ type: 'problem', runId, message: 'fine' });
    expect(events).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('EngineBridge weights', () => {
  it('keeps the current run going while the worker checks weights, and gives it back if they are refused', () => {
    const { bridge, events } = setup();
    const old = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const loading = bridge.start('a', DEFAULT_TRAINER_CONFIG, { ...options, paused: true, weights: '{}' });
    const worker = FakeWorker.made[0]!;
    worker.reply(snapshot(old, 'running', 7));
    worker.reply({ type: 'problem', runId: loading, message: 'These weights cannot be loaded.' });
    expect(events.map((event) => event.kind === 'message' && event.message.runId)).toEqual([old, loading]);
    bridge.pause('a');
    expect(worker.sent.at(-1)).toEqual({ type: 'pause', runId: old });
    worker.reply(snapshot(old, 'paused', 8));
    // The worker accepts the next file: from then on only the new run is heard.
    const accepted = bridge.start('a', DEFAULT_TRAINER_CONFIG, { ...options, paused: true, weights: '{}' });
    worker.reply({ type: 'started', runId: accepted, info });
    worker.reply(snapshot(old, 'running', 9));
    expect(FakeWorker.made).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ kind: 'message', message: { type: 'started', runId: accepted } });
  });
});

describe('EngineBridge liveness', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a worker that falls silent while training as lost, ends it, and starts fresh next time', () => {
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    worker.reply({ type: 'started', runId, info });
    worker.reply(snapshot(runId, 'running', 382));
    vi.advanceTimersByTime(3000);
    worker.reply(snapshot(runId, 'running', 383));
    vi.advanceTimersByTime(4000);
    expect(events.filter((event) => event.kind === 'crashed')).toEqual([]);
    // The worker closed itself: nothing more arrives.
    vi.advanceTimersByTime(1500);
    expect(events.at(-1)).toMatchObject({ slot: 'a', kind: 'crashed', runId });
    expect(worker.terminated).toBe(true);
    bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('notices a worker that never answers a start', () => {
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    vi.advanceTimersByTime(6000);
    expect(events).toEqual([expect.objectContaining({ kind: 'crashed', runId })]);
  });

  it('leaves a paused or finished run’s quiet worker alone, and waits longer for heavy steps', () => {
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const paused = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    FakeWorker.made[0]!.reply(snapshot(paused, 'paused', 0, 0));
    const finished = bridge.start('b', DEFAULT_TRAINER_CONFIG, options);
    FakeWorker.made[1]!.reply(snapshot(finished, 'finished', 10));
    const heavy = bridge.start('c', DEFAULT_TRAINER_CONFIG, options);
    FakeWorker.made[2]!.reply({ type: 'started', runId: heavy, info: { ...info, estimatedMsPerStep: 4000 } });
    vi.advanceTimersByTime(12_000);
    expect(events.filter((event) => event.kind === 'crashed')).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(events.filter((event) => event.kind === 'crashed')).toEqual([
      expect.objectContaining({ slot: 'c', runId: heavy }),
    ]);
    // Resuming the paused run expects it to speak again.
    bridge.resume('a');
    vi.advanceTimersByTime(6000);
    expect(events.filter((event) => event.kind === 'crashed').map((event) => event.slot)).toEqual(['c', 'a']);
  });
});

describe('EngineBridge pause and stop during a long step', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a worker that acknowledges the pause in time', () => {
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    worker.reply(snapshot(runId, 'running', 5));
    bridge.pause('a');
    vi.advanceTimersByTime(50);
    worker.reply(snapshot(runId, 'paused', 6));
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(false);
    expect(events.every((event) => event.kind === 'message')).toBe(true);
  });

  it('ends a worker that does not act on Pause within the halt time, and the next Train gets a fresh one', () => {
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    worker.reply(snapshot(runId, 'running', 5, 1, 9000));
    bridge.pause('a');
    // A snapshot the worker posted before it read the pause is no acknowledgement.
    worker.reply(snapshot(runId, 'running', 6, 1, 9000));
    // Steps of 9 s: the wait is cut at its longest, far short of the step.
    vi.advanceTimersByTime(HALT_LONGEST_MS - 1);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(worker.terminated).toBe(true);
    expect(events.at(-1)).toEqual({ slot: 'a', kind: 'halted', runId, action: 'pause' });
    bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('waits longer for a pause on a slow device, in proportion to its steps, before ending the worker', () => {
    expect(haltWaitMs(2)).toBe(HALT_MS);
    expect(haltWaitMs(400)).toBe(850);
    expect(haltWaitMs(9000)).toBe(HALT_LONGEST_MS);
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    worker.reply(snapshot(runId, 'running', 5, 1, 400));
    bridge.pause('a');
    // After 300 ms the worker is still inside its 400 ms step: it is not ended, and its pause arrives.
    vi.advanceTimersByTime(500);
    expect(worker.terminated).toBe(false);
    worker.reply(snapshot(runId, 'paused', 6, 1, 400));
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(false);
    expect(events.every((event) => event.kind === 'message')).toBe(true);
  });

  it('does not blame the worker when the page itself was too busy to hear its answer', () => {
    vi.useFakeTimers();
    const { bridge, events } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    worker.reply(snapshot(runId, 'running', 5));
    bridge.pause('a');
    // The page drew figures for a second: the clock moved on, and the timer runs late.
    vi.setSystemTime(Date.now() + 1000);
    vi.advanceTimersByTime(HALT_MS);
    expect(worker.terminated).toBe(false);
    // The answer that waited behind the page's work is heard.
    worker.reply(snapshot(runId, 'paused', 6));
    vi.advanceTimersByTime(10 * HALT_MS);
    expect(worker.terminated).toBe(false);
    expect(events.every((event) => event.kind === 'message')).toBe(true);
  });

  it('Reset then Train right away does not queue the new run behind the long step', () => {
    vi.useFakeTimers();
    const { bridge } = setup();
    const runId = bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    FakeWorker.made[0]!.reply(snapshot(runId, 'running', 5));
    bridge.stop('a');
    vi.advanceTimersByTime(100);
    bridge.start('a', DEFAULT_TRAINER_CONFIG, options);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.sent[0]).toMatchObject({ type: 'start' });
  });

  it('keeps the halted run’s history in the store, stopped, with a sentence saying why', () => {
    vi.useFakeTimers();
    FakeWorker.made = [];
    const bridge = new EngineBridge(() => new FakeWorker() as unknown as Worker);
    useStore.setState({ runs: {} });
    useStore.getState().connectEngine(bridge);
    useStore.getState().startRun('a', DEFAULT_TRAINER_CONFIG, options);
    const runId = useStore.getState().runs.a!.runId;
    FakeWorker.made[0]!.reply({ type: 'started', runId, info });
    FakeWorker.made[0]!.reply(snapshot(runId, 'running', 3, 3, 9000));
    useStore.getState().pauseRun('a');
    vi.advanceTimersByTime(HALT_LONGEST_MS);
    const run = useStore.getState().runs.a!;
    expect(run.phase).toBe('stopped');
    expect(run.history.loss).toHaveLength(3);
    expect(run.problem).toMatch(/Pause ended its worker instead: the run stopped at step 3/);
  });
});

describe('EngineBridge questions about a model', () => {
  const answer = (runId: string, requestId: number, text: string): FromWorker => ({
    type: 'answer',
    runId,
    requestId,
    answer: { kind: 'sample', step: 3, text },
  });
  const distribution = (runId: string, requestId: number, prefix: string): FromWorker => ({
    type: 'answer',
    runId,
    requestId,
    answer: { kind: 'distribution', step: 3, prefix, symbols: ['a'], probabilities: Float64Array.of(1) },
  });

  it('sends a question about the current run and resolves it with the answer', async () => {
    const { bridge } = setup();
    const runId = bridge.start('lab', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    const pending = bridge.ask('lab', { type: 'sample', prime: 'a', temperature: 1, length: 5, seed: 1 });
    const sent = worker.sent.at(-1)!;
    expect(sent).toMatchObject({ type: 'sample', runId, prime: 'a' });
    worker.reply(answer(runId, sent.type === 'sample' ? sent.requestId : -1, 'hello'));
    await expect(pending).resolves.toMatchObject({ kind: 'sample', text: 'hello' });
  });

  it('keeps only the newest distribution waiting while one is answered (latest wins)', async () => {
    const { bridge } = setup();
    const runId = bridge.start('lab', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    const first = bridge.ask('lab', { type: 'distribution', prefix: 'a', top: 3 });
    const second = bridge.ask('lab', { type: 'distribution', prefix: 'ab', top: 3 });
    const third = bridge.ask('lab', { type: 'distribution', prefix: 'abc', top: 3 });
    const asked = () => worker.sent.filter((message) => message.type === 'distribution');
    expect(asked()).toHaveLength(1);
    await expect(second).resolves.toBeNull();
    const firstId = asked()[0]!.type === 'distribution' ? asked()[0]!.requestId : -1;
    worker.reply(distribution(runId, firstId, 'a'));
    await expect(first).resolves.toMatchObject({ prefix: 'a' });
    expect(asked()).toHaveLength(2);
    expect(asked()[1]).toMatchObject({ prefix: 'abc' });
    const thirdId = asked()[1]!.type === 'distribution' ? asked()[1]!.requestId : -1;
    worker.reply(distribution(runId, thirdId, 'abc'));
    await expect(third).resolves.toMatchObject({ prefix: 'abc' });
  });

  it('rejects questions when there is no model, when a new run starts and when the worker ends', async () => {
    const { bridge } = setup();
    await expect(bridge.ask('lab', { type: 'trace', passage: 'ab' })).rejects.toThrow(/no model/);
    bridge.start('lab', DEFAULT_TRAINER_CONFIG, options);
    const replaced = bridge.ask('lab', { type: 'trace', passage: 'ab' });
    bridge.start('lab', DEFAULT_TRAINER_CONFIG, options);
    await expect(replaced).rejects.toThrow(/new run/);
    const ended = bridge.ask('lab', { type: 'trace', passage: 'ab' });
    bridge.release('lab');
    await expect(ended).rejects.toThrow(/stopped/);
  });

  it('settles a question whose answer is malformed instead of waiting for ever', async () => {
    const { bridge } = setup();
    const runId = bridge.start('lab', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pending = bridge.ask('lab', { type: 'trace', passage: 'ab' });
    const sent = worker.sent.at(-1)!;
    const requestId = sent.type === 'trace' ? sent.requestId : -1;
    worker.reply({
      type: 'answer',
      runId,
      requestId,
      answer: { kind: 'trace', step: 1, passage: 'ab', trace: null },
    });
    await expect(pending).resolves.toMatchObject({ kind: 'refused' });
    warn.mockRestore();
  });

  it('takes a trace in float32, as the worker posts it, and refuses one in float64', async () => {
    const { bridge } = setup();
    const runId = bridge.start('lab', DEFAULT_TRAINER_CONFIG, options);
    const worker = FakeWorker.made[0]!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const trace = (Values: Float32ArrayConstructor | Float64ArrayConstructor) => ({
      cell: 'rnn',
      steps: 2,
      hiddenSize: 3,
      vocabularySize: 2,
      kinds: ['h'],
      layers: [{ h: new Values(6) }],
      probabilities: new Values(4).fill(0.5),
    });
    const answers: (LabAnswer | null)[] = [];
    for (const Values of [Float32Array, Float64Array]) {
      const pending = bridge.ask('lab', { type: 'trace', passage: 'ab' });
      const sent = worker.sent.at(-1)!;
      const requestId = sent.type === 'trace' ? sent.requestId : -1;
      worker.reply({
        type: 'answer',
        runId,
        requestId,
        answer: { kind: 'trace', step: 1, passage: 'ab', trace: trace(Values) },
      });
      answers.push(await pending);
    }
    expect(answers[0]).toMatchObject({ kind: 'trace', passage: 'ab' });
    expect(answers[0]?.kind === 'trace' && answers[0].trace.layers[0]!.h).toBeInstanceOf(Float32Array);
    expect(answers[1]).toMatchObject({ kind: 'refused' });
    warn.mockRestore();
  });
});
