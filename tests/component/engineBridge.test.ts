import { describe, expect, it, vi } from 'vitest';
import { type BridgeEvent, EngineBridge } from '../../app/engineBridge';
import type { FromWorker, ToWorker } from '../../engine/protocol';
import { DEFAULT_TRAINER_CONFIG } from '../../engine/trainerConfig';

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
