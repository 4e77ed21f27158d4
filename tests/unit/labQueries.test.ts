import { describe, expect, it } from 'vitest';
import { labTrainerConfig } from '../../engine/lab/labDefaults';
import { traceText } from '../../engine/lab/trace';
import { CORPUS } from '../../engine/tasks/corpus';
import { createTrainer } from '../../engine/trainer';
import type { TrainerConfig } from '../../engine/trainerConfig';
import { answerLabRequest, PROFILE_DISTANCE } from '../../engine/worker/labQueries';
import type { FromWorker, LabAnswer, LabRequest } from '../../engine/worker/protocol';
import { RunLoop } from '../../engine/worker/runLoop';
import { spyOnMemory } from './memorySpy.ts';

/** A host whose scheduler the test drives (see runLoop.test.ts); `transfers` records what moved. */
function fakeHost() {
  const messages: FromWorker[] = [];
  const transfers: ArrayBuffer[][] = [];
  let clock = 0;
  const queue: (() => void)[] = [];
  const host = {
    post: (message: FromWorker, transfer: ArrayBuffer[]) => {
      messages.push(message);
      transfers.push(transfer);
    },
    now: () => (clock += 0.5),
    defer: (callback: () => void) => queue.push(callback),
    later: (ms: number, callback: () => void) => {
      clock += ms;
      queue.push(callback);
    },
  };
  const runOne = () => queue.shift()?.();
  const runAll = (limit = 10_000) => {
    for (let i = 0; i < limit && queue.length > 0; i++) queue.shift()!();
  };
  return { host, messages, transfers, runOne, runAll };
}

const base = labTrainerConfig(CORPUS);
const tiny: TrainerConfig = {
  ...base,
  hiddenSize: 8,
  batchSize: 4,
  task: { kind: 'text', text: CORPUS, steps: 16, heldOutShare: 0.1, vocabularySize: 96 },
};

type Question = LabRequest extends infer R
  ? R extends LabRequest
    ? Omit<R, 'runId' | 'requestId'>
    : never
  : never;

function answers(messages: FromWorker[]): Map<number, LabAnswer> {
  const found = new Map<number, LabAnswer>();
  for (const message of messages) if (message.type === 'answer') found.set(message.requestId, message.answer);
  return found;
}

function setup(config = tiny, extra: { paused?: boolean; weights?: string } = {}) {
  const fake = fakeHost();
  const loop = new RunLoop(fake.host);
  loop.handle({ type: 'start', runId: 'r', config, maxSteps: 20, speed: { kind: 'max' }, ...extra });
  let next = 1;
  const ask = (question: Question): LabAnswer | undefined => {
    const requestId = next++;
    loop.handle({ ...question, runId: 'r', requestId } as LabRequest);
    return answers(fake.messages).get(requestId);
  };
  return { ...fake, loop, ask };
}

describe('the lab questions a worker answers', () => {
  it('reports the vocabulary and the bigram reference when a text run starts', () => {
    const { messages } = setup();
    const started = messages.find((message) => message.type === 'started');
    expect(started?.type === 'started' && started.info.vocabulary?.symbols).toContain('e');
    expect(started?.type === 'started' && started.info.references?.[0]?.description).toMatch(/bigram/);
  });

  it('samples the same text for the same seed and another for another seed', () => {
    const { ask, runAll } = setup();
    runAll();
    const question = { type: 'sample', prime: 'the ', temperature: 1, length: 40, seed: 3 } as const;
    const first = ask(question);
    const again = ask(question);
    const other = ask({ ...question, seed: 4 });
    expect(first).toMatchObject({ kind: 'sample', step: 20 });
    expect(first?.kind === 'sample' && Array.from(first.text)).toHaveLength(40);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('answers between slices of a running run, without waiting for it to end', () => {
    const { ask, runOne, messages } = setup({ ...tiny, hiddenSize: 16 }, {});
    runOne();
    const answer = ask({ type: 'distribution', prefix: 'the rive', top: 5 });
    const status = messages.filter((message) => message.type === 'snapshot').at(-1);
    expect(status?.type === 'snapshot' && status.snapshot.stepCount).toBeLessThan(20);
    expect(answer?.kind).toBe('distribution');
    if (answer?.kind !== 'distribution') return;
    expect(answer.symbols).toHaveLength(5);
    const probabilities = Array.from(answer.probabilities);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('gives a distribution equal to the one a fresh trainer computes from the same weights', () => {
    const { ask, runAll, loop, messages } = setup();
    runAll();
    loop.handle({ type: 'exportWeights', runId: 'r', requestId: 99 });
    const weights = messages.find((message) => message.type === 'weights');
    const restored = setup(tiny, { paused: true, weights: weights?.type === 'weights' ? weights.json : '' });
    const question = { type: 'distribution', prefix: 'the river ', top: 3 } as const;
    expect(restored.ask(question)).toMatchObject({ kind: 'distribution', step: 0 });
    const here = ask(question);
    const there = restored.ask(question);
    expect(here?.kind === 'distribution' && here.symbols).toEqual(
      there?.kind === 'distribution' && there.symbols,
    );
    if (here?.kind !== 'distribution' || there?.kind !== 'distribution') throw new Error('no answers');
    for (let i = 0; i < 3; i++) expect(there.probabilities[i]).toBeCloseTo(here.probabilities[i]!, 12);
  });

  it('traces a passage with one step per character, in float32, and moves its arrays', () => {
    const { ask, runAll, transfers } = setup({ ...tiny, layers: 2 });
    runAll();
    const passage = 'the river runs on, far';
    const answer = ask({ type: 'trace', passage });
    expect(answer?.kind).toBe('trace');
    if (answer?.kind !== 'trace') return;
    expect(answer.passage).toBe(passage);
    expect(answer.trace.steps).toBe(22);
    expect(answer.trace.layers).toHaveLength(2);
    expect(answer.trace.layers[1]!.c).toHaveLength(22 * 8);
    const moved = transfers.at(-1)!;
    for (const layer of answer.trace.layers) {
      for (const kind of answer.trace.kinds) {
        expect(layer[kind]).toBeInstanceOf(Float32Array);
        expect(moved).toContain(layer[kind]!.buffer);
      }
    }
    expect(answer.trace.probabilities).toBeInstanceOf(Float32Array);
    expect(moved).toContain(answer.trace.probabilities.buffer);
  });

  it('posts the engine’s float64 trace rounded to float32, value for value', () => {
    const trainer = createTrainer({ ...tiny, layers: 2 });
    for (let step = 0; step < 3; step++) trainer.trainStep();
    const passage = 'the river runs on, far';
    const answer = answerLabRequest(trainer, { type: 'trace', runId: 'r', requestId: 1, passage });
    if (answer.kind !== 'trace') throw new Error(`no trace: ${answer.kind}`);
    const exact = traceText(trainer.model, trainer.task.vocabulary!.encode(passage));
    exact.layers.forEach((layer, k) => {
      for (const kind of exact.kinds) {
        expect(Array.from(answer.trace.layers[k]![kind]!)).toEqual(Array.from(layer[kind]!, Math.fround));
      }
    });
    expect(Array.from(answer.trace.probabilities)).toEqual(Array.from(exact.probabilities, Math.fround));
  });

  it('gives connectivity for a position, and for the last character against the model’s own guess', () => {
    const { ask, runAll } = setup();
    runAll();
    const inside = ask({ type: 'connectivity', passage: 'the river bank', position: 5 });
    expect(inside?.kind === 'connectivity' && inside.connectivity.influence).toHaveLength(6);
    const last = ask({ type: 'connectivity', passage: 'the river', position: 8 });
    expect(last?.kind === 'connectivity' && last.connectivity.influence).toHaveLength(9);
  });

  it('averages influence by distance into a profile whose peak is 1', () => {
    const { ask, runAll } = setup();
    runAll();
    const answer = ask({ type: 'connectivityProfile', positions: 8 });
    expect(answer).toMatchObject({ kind: 'connectivityProfile', cell: 'lstm', hiddenSize: 8, positions: 8 });
    if (answer?.kind !== 'connectivityProfile') return;
    expect(answer.profile).toHaveLength(PROFILE_DISTANCE);
    expect(Math.max(...answer.profile)).toBeCloseTo(1, 12);
    expect(Array.from(answer.profile).every((value) => value >= 0)).toBe(true);
  });

  it('refuses malformed questions with a sentence and keeps training', () => {
    const { ask, runAll, messages } = setup();
    const bad: unknown[] = [
      { type: 'sample', prime: 5, temperature: 1, length: 10, seed: 1 },
      { type: 'sample', prime: '', temperature: 0, length: 10, seed: 1 },
      { type: 'sample', prime: '', temperature: 1, length: 1e9, seed: 1 },
      { type: 'sample', prime: 'ÿ', temperature: 1, length: 10, seed: 1.5 },
      { type: 'distribution', prefix: '', top: 3 },
      { type: 'distribution', prefix: 'the', top: 0 },
      { type: 'trace', passage: 'x'.repeat(5000) },
      { type: 'trace', passage: null },
      { type: 'connectivity', passage: 'the', position: 7 },
      { type: 'connectivityProfile', positions: 'many' },
    ];
    for (const question of bad) {
      const answer = ask(question as Question);
      expect(answer?.kind, JSON.stringify(question)).toBe('refused');
      expect(answer?.kind === 'refused' && answer.message.length).toBeGreaterThan(10);
    }
    runAll();
    const last = messages.filter((message) => message.type === 'snapshot').at(-1);
    expect(last?.type === 'snapshot' && last.snapshot.status).toBe('finished');
  });

  it('says a run that is not a language model cannot write text', () => {
    const recall = { kind: 'recall', lag: 3, symbols: 4, distractors: 1, heldOutSize: 16 } as const;
    const { ask } = setup({ ...tiny, task: recall });
    expect(ask({ type: 'sample', prime: '', temperature: 1, length: 5, seed: 1 })).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/not a language model/),
    });
  });

  it('reuses its generator and workspace: no new WebAssembly memory after the first questions, and the same answers as a run never asked', () => {
    const asked = createTrainer({ ...tiny, layers: 2 });
    const fresh = createTrainer({ ...tiny, layers: 2 });
    for (let step = 0; step < 3; step++) {
      asked.trainStep();
      fresh.trainStep();
    }
    const questions: LabRequest[] = [
      { type: 'trace', runId: 'r', requestId: 1, passage: 'the river runs on, far away' },
      { type: 'sample', runId: 'r', requestId: 2, prime: 'the ', temperature: 0.7, length: 30, seed: 4 },
      { type: 'distribution', runId: 'r', requestId: 3, prefix: 'the rive', top: 5 },
      { type: 'connectivity', runId: 'r', requestId: 4, passage: 'the river bank', position: 13 },
      { type: 'connectivityProfile', runId: 'r', requestId: 5, positions: 4 },
    ];
    // The longest question first, so that the kept workspace is already as large as any asked later.
    for (const question of questions) answerLabRequest(asked, question);
    const later = [...questions].reverse();
    const expected = later.map((question) => answerLabRequest(fresh, question));
    // Nothing below may need a new memory; one made anyway is counted (and still works).
    const memory = spyOnMemory();
    try {
      later.forEach((question, k) => {
        expect(answerLabRequest(asked, question), question.type).toEqual(expected[k]);
      });
      expect(memory).not.toHaveBeenCalled();
    } finally {
      memory.mockRestore();
    }
  });

  it('evaluates at the checkpoints the start message asks for', () => {
    const fake = fakeHost();
    const loop = new RunLoop(fake.host);
    loop.handle({
      type: 'start',
      runId: 'r',
      config: tiny,
      maxSteps: 20,
      speed: { kind: 'max' },
      checkpointEvery: 5,
    });
    fake.runAll();
    const checkpoints = fake.messages.flatMap((message) =>
      message.type === 'snapshot' && message.snapshot.checkpoint ? [message.snapshot.stepCount] : [],
    );
    expect(checkpoints).toEqual([5, 10, 15, 20]);
  });
});
