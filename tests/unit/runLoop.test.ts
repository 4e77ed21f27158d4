import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINER_CONFIG, type TrainerConfig } from '../../engine/trainerConfig';
import type { FromWorker, ToWorker } from '../../engine/worker/protocol';
import { checkpointEvery, RunLoop } from '../../engine/worker/runLoop';

/**
 * A host whose clock and scheduler the test drives: `runAll` plays deferred work until idle. Each reading
 * of the clock advances it by `tick` ms (a busy machine: a large tick, so slices hold fewer steps).
 */
function fakeHost(tick = 0.5) {
  const messages: FromWorker[] = [];
  let clock = 0;
  const queue: (() => void)[] = [];
  const host = {
    post: (message: FromWorker) => messages.push(message),
    now: () => {
      clock += tick;
      return clock;
    },
    defer: (callback: () => void) => queue.push(callback),
    later: (ms: number, callback: () => void) => {
      clock += ms;
      queue.push(callback);
    },
  };
  const runAll = (limit = 10_000) => {
    for (let i = 0; i < limit && queue.length > 0; i++) queue.shift()!();
  };
  return { host, messages, runAll };
}

const small: TrainerConfig = {
  ...DEFAULT_TRAINER_CONFIG,
  task: { kind: 'recall', lag: 4, symbols: 4, distractors: 1, heldOutSize: 32 },
  hiddenSize: 8,
  batchSize: 8,
};

function start(loop: RunLoop, runId: string, extra: Partial<Extract<ToWorker, { type: 'start' }>> = {}) {
  loop.handle({ type: 'start', runId, config: small, maxSteps: 40, speed: { kind: 'max' }, ...extra });
}

function snapshots(messages: FromWorker[], runId: string) {
  return messages.flatMap((message) =>
    message.type === 'snapshot' && message.runId === runId ? [message.snapshot] : [],
  );
}

describe('the worker run loop', () => {
  it('trains to maxSteps, streaming every step exactly once, then reports finished', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    start(loop, 'a');
    runAll();
    expect(messages[0]).toMatchObject({
      type: 'started',
      runId: 'a',
      info: { cell: 'lstm', metricName: 'accuracy' },
    });
    const all = snapshots(messages, 'a');
    const steps = all.flatMap((snapshot) => Array.from(snapshot.loss, (_, i) => snapshot.firstStep + i));
    expect(steps).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(all.at(-1)!.status).toBe('finished');
    expect(all.at(-1)!.evaluation?.step).toBe(40);
    expect(all.every((snapshot) => Array.from(snapshot.loss).every(Number.isFinite))).toBe(true);
  });

  it('evaluates on held-out data often enough to draw a curve, even when the run takes well under a second', () => {
    const { host, messages, runAll } = fakeHost();
    start(new RunLoop(host), 'a', { maxSteps: 300 });
    runAll();
    const all = snapshots(messages, 'a');
    const evaluated = new Set(
      all.flatMap((snapshot) => (snapshot.evaluation ? [snapshot.evaluation.step] : [])),
    );
    expect(all.at(-1)!.evaluation?.step).toBe(300);
    expect(evaluated.size).toBeGreaterThanOrEqual(15);
  });

  it('takes evaluations, probes and heatmap rows at the same steps however fast the machine is', () => {
    const moments = (tick: number) => {
      const { host, messages, runAll } = fakeHost(tick);
      start(new RunLoop(host), 'a', { maxSteps: 200 });
      runAll();
      const all = snapshots(messages, 'a');
      return {
        snapshots: all.length,
        evaluations: [...new Set(all.flatMap((one) => (one.evaluation ? [one.evaluation.step] : [])))],
        probes: all.flatMap((one) => (one.probe ? [one.probe.step] : [])),
        checkpoints: all.flatMap((one) => (one.checkpoint ? [one.stepCount] : [])),
      };
    };
    const fast = moments(0.01);
    const slow = moments(5);
    // Different timing: the slow machine posts many more snapshots...
    expect(slow.snapshots).toBeGreaterThan(fast.snapshots);
    // ...but every checkpoint is a multiple of ceil(200 / 30) = 7 steps, plus the last step.
    const expected = [...Array.from({ length: 28 }, (_, i) => 7 * (i + 1)), 200];
    expect(fast.checkpoints).toEqual(expected);
    expect(slow.checkpoints).toEqual(expected);
    expect(slow.evaluations).toEqual(fast.evaluations);
    expect(fast.evaluations).toEqual([0, ...expected]);
    expect(slow.probes).toEqual(fast.probes);
    expect(fast.probes).toEqual([0, ...expected]);
  });

  it('chooses checkpoints from the step budget: about 30 per run, at least one every 100 steps', () => {
    expect(checkpointEvery(1)).toBe(1);
    expect(checkpointEvery(30)).toBe(1);
    expect(checkpointEvery(600)).toBe(20);
    expect(checkpointEvery(100_000)).toBe(100);
  });

  it('finishes at the first checkpoint that meets the target', () => {
    const { host, messages, runAll } = fakeHost();
    start(new RunLoop(host), 'a', { maxSteps: 3000, target: 0.3 });
    runAll();
    const all = snapshots(messages, 'a');
    const last = all.at(-1)!;
    expect(last.status).toBe('finished');
    expect(last.evaluation!.metric).toBeGreaterThanOrEqual(0.3);
    expect(last.stepCount % checkpointEvery(3000)).toBe(0);
    expect(last.stepCount).toBeLessThan(3000);
    // No earlier checkpoint met it.
    const earlier = all.filter((one) => one.checkpoint && one.stepCount < last.stepCount);
    expect(earlier.every((one) => one.evaluation!.metric < 0.3)).toBe(true);
  });

  it('sends a probe with every gate of the LSTM and the Jacobian norms', () => {
    const { host, messages, runAll } = fakeHost();
    start(new RunLoop(host), 'a');
    runAll();
    const probe = snapshots(messages, 'a').find((snapshot) => snapshot.probe)!.probe!;
    expect(Object.keys(probe.gates).sort()).toEqual(['c', 'f', 'g', 'h', 'i', 'o']);
    expect(probe.gates.f!.length).toBe(probe.steps * probe.hiddenSize);
    expect(probe.jacobianNorms.length).toBe(probe.steps);
    expect(probe.inputLabels).toHaveLength(probe.steps);
  });

  it('pauses, single-steps and resumes', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    start(loop, 'a', { paused: true });
    runAll();
    expect(snapshots(messages, 'a').at(-1)).toMatchObject({ status: 'paused', stepCount: 0 });
    loop.handle({ type: 'step', runId: 'a', steps: 3 });
    runAll();
    expect(snapshots(messages, 'a').at(-1)).toMatchObject({ status: 'paused', stepCount: 3 });
    loop.handle({ type: 'resume', runId: 'a' });
    runAll();
    expect(snapshots(messages, 'a').at(-1)).toMatchObject({ status: 'finished', stepCount: 40 });
  });

  it('a new start replaces the old run, and commands naming the old run do nothing', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    start(loop, 'old', { paused: true });
    start(loop, 'new', { paused: true });
    loop.handle({ type: 'step', runId: 'old', steps: 5 });
    runAll();
    expect(snapshots(messages, 'new').at(-1)!.stepCount).toBe(0);
    expect(snapshots(messages, 'old').every((snapshot) => snapshot.stepCount === 0)).toBe(true);
  });

  it('reports a bad configuration as a problem in words instead of throwing', () => {
    const { host, messages } = fakeHost();
    const loop = new RunLoop(host);
    loop.handle({
      type: 'start',
      runId: 'bad',
      config: { ...small, hiddenSize: 1e9 },
      maxSteps: 10,
      speed: { kind: 'max' },
    });
    expect(messages).toEqual([
      { type: 'problem', runId: 'bad', message: expect.stringContaining('Hidden size') },
    ]);
  });

  it('stops a diverging run with a typed result and never posts a NaN', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    loop.handle({
      type: 'start',
      runId: 'boom',
      config: {
        ...small,
        cell: 'rnn',
        task: { kind: 'adding', steps: 10, heldOutSize: 32 },
        optimizer: { kind: 'sgd' },
        learningRate: 10,
        clip: { kind: 'none' },
      },
      maxSteps: 500,
      speed: { kind: 'max' },
    });
    runAll();
    const diverged = messages.find((message) => message.type === 'diverged');
    expect(diverged).toBeDefined();
    const all = snapshots(messages, 'boom');
    expect(all.at(-1)!.status).toBe('diverged');
    for (const snapshot of all) {
      for (const series of [snapshot.loss, snapshot.metric, snapshot.gradNorm, snapshot.gradNormByStep]) {
        expect(Array.from(series).every(Number.isFinite)).toBe(true);
      }
      if (snapshot.evaluation) expect(Number.isFinite(snapshot.evaluation.loss)).toBe(true);
      if (snapshot.probe) expect(Array.from(snapshot.probe.jacobianNorms).every(Number.isFinite)).toBe(true);
    }
  });

  it('exports the weights as PyTorch state_dict JSON', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    start(loop, 'a', { paused: true });
    runAll();
    loop.handle({ type: 'exportWeights', runId: 'a', requestId: 7 });
    const reply = messages.find((message) => message.type === 'weights');
    expect(reply).toMatchObject({ type: 'weights', runId: 'a', requestId: 7 });
    const dict = JSON.parse((reply as { json: string }).json);
    expect(Object.keys(dict).sort()).toEqual([
      '_unroll',
      'bias_hh_l0',
      'bias_ih_l0',
      'fc.bias',
      'fc.weight',
      'weight_hh_l0',
      'weight_ih_l0',
    ]);
  });

  it('exports and reloads the weights of a 2-layer run, and refuses them for a 1-layer run', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    const config = { ...small, layers: 2 };
    loop.handle({ type: 'start', runId: 'a', config, maxSteps: 5, speed: { kind: 'max' } });
    runAll();
    loop.handle({ type: 'exportWeights', runId: 'a', requestId: 1 });
    const { json } = messages.find((message) => message.type === 'weights') as { json: string };
    expect(Object.keys(JSON.parse(json))).toContain('weight_hh_l1');
    loop.handle({
      type: 'start',
      runId: 'b',
      config,
      maxSteps: 5,
      speed: { kind: 'max' },
      paused: true,
      weights: json,
    });
    loop.handle({ type: 'exportWeights', runId: 'b', requestId: 2 });
    expect(messages.filter((message) => message.type === 'weights').at(-1)).toMatchObject({ json });
    loop.handle({
      type: 'start',
      runId: 'c',
      config: small,
      maxSteps: 5,
      speed: { kind: 'max' },
      weights: json,
    });
    expect(messages.at(-1)).toMatchObject({ type: 'problem', runId: 'c' });
    expect((messages.at(-1) as { message: string }).message).toMatch(
      /2 recurrent layers .* this model has 1/,
    );
  });

  it('probes the top layer, and the layer a probeLayer message asks for', () => {
    const { host, messages, runAll } = fakeHost();
    const loop = new RunLoop(host);
    loop.handle({
      type: 'start',
      runId: 'a',
      config: { ...small, layers: 3 },
      maxSteps: 5,
      speed: { kind: 'max' },
      paused: true,
    });
    runAll();
    expect(messages.find((message) => message.type === 'started')).toMatchObject({ info: { layers: 3 } });
    expect(snapshots(messages, 'a').at(-1)!.probe).toMatchObject({ layer: 2, layers: 3 });
    loop.handle({ type: 'probeLayer', runId: 'a', layer: 0 });
    expect(snapshots(messages, 'a').at(-1)!.probe).toMatchObject({ layer: 0, layers: 3 });
  });
});
