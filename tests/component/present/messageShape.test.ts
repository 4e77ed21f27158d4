import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPresentChannel } from '../../../app/present/channel';
import { MAX_DECK_BUSY_RUNS, readPresentMessage } from '../../../app/present/messageShape';
import { applyRunCommand, type RunActions } from '../../../app/present/runRelay';
import {
  PRESENT_CHANNEL,
  type PresentMessage,
  type RunCommand,
  type SyncState,
  syncReducer,
} from '../../../app/present/sync';
import type { RunState } from '../../../app/store/runsSlice';
import { DEFAULT_TRAINER_CONFIG } from '../../../engine/trainerConfig';
import { installChannelBus } from './fakeChannel';

const envelope = { sender: 'other-window', role: 'speaker' } as const;
const position = { slug: '03-lstm', index: 2, blank: false, at: 5 };
const options = { maxSteps: 100, speed: { kind: 'max' } } as const;

function runState(slot: string, phase: RunState['phase'] = 'running'): RunState {
  return {
    slot,
    runId: `${slot}#1`,
    config: DEFAULT_TRAINER_CONFIG,
    phase,
    info: null,
    stepCount: 2,
    history: {
      steps: [1, 2],
      loss: [2, 1.9],
      metric: [0.1, 0.2],
      gradNorm: [1, 1],
      clipped: [false, true],
      learningRate: [0.01, 0.01],
    },
    evaluations: [{ step: 2, loss: 1.9, metricName: 'accuracy', metric: 0.2 }],
    probe: null,
    gradNormByStep: new Float64Array(3),
    gradRows: [{ step: 2, norms: new Float64Array(3) }],
    msPerStep: 3,
    paddedShare: 0,
    divergence: null,
    problem: null,
    version: 4,
  };
}

describe('presenter messages of unknown shape', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('leave the deck where it is, and later moves still work (two versions of the app on one channel)', () => {
    const state: SyncState = {
      role: 'audience',
      position: { ...position, index: 0 },
      count: 10,
      peers: [],
    };
    const future = { ...envelope, kind: 'laser-pointer', x: 3 } as unknown as PresentMessage;
    const after = syncReducer(state, future);
    expect(after).toBe(state);
    expect(syncReducer(after, { ...envelope, kind: 'position', position }).position.index).toBe(2);
  });

  it('are recognised by shape: only what this window understands is read', () => {
    const start = (config: unknown, more = {}) => ({
      ...envelope,
      kind: 'run-command',
      slug: '03-lstm',
      command: { action: 'start', slot: 'a', config, options: { ...options, ...more } },
    });
    for (const bad of [
      null,
      [],
      'position',
      { ...envelope, kind: 'laser-pointer' },
      { ...envelope, role: 'projector', kind: 'bye' },
      { ...envelope, kind: 'position', position: { ...position, index: -1 } },
      { ...envelope, kind: 'position', position: { ...position, at: 'now' } },
      start(null),
      start({ ...DEFAULT_TRAINER_CONFIG, hiddenSize: 100_000 }),
      start({ cell: 'lstm' }),
      start(DEFAULT_TRAINER_CONFIG, { maxSteps: 'all' }),
      start(DEFAULT_TRAINER_CONFIG, { weights: '{}' }),
      { ...envelope, kind: 'run-command', slug: '03-lstm', command: { action: 'explode', slot: 'a' } },
      {
        ...envelope,
        kind: 'run-command',
        slug: '03-lstm',
        command: { action: 'step', slot: 'a', steps: 1e9 },
      },
      { ...envelope, kind: 'runs', slug: '03-lstm', runs: [{ slot: 'a', history: null }], slots: ['a'] },
      {
        ...envelope,
        kind: 'runs',
        slug: '03-lstm',
        runs: [{ ...runState('a'), history: { ...runState('a').history, loss: [1] } }],
        slots: ['a'],
      },
    ]) {
      expect(readPresentMessage(bad), JSON.stringify(bad)).toBeNull();
    }
    for (const good of [
      { ...envelope, kind: 'hello', position },
      { ...envelope, kind: 'welcome' },
      start(DEFAULT_TRAINER_CONFIG),
      { ...envelope, kind: 'runs', slug: '03-lstm', runs: [runState('a')], slots: ['a'] },
    ]) {
      expect(readPresentMessage(good), JSON.stringify(good)).toEqual(good);
    }
  });

  it('never reach the window through the channel', async () => {
    installChannelBus();
    const heard: PresentMessage[] = [];
    const channel = openPresentChannel((message) => heard.push(message));
    const stranger = new BroadcastChannel(PRESENT_CHANNEL);
    stranger.postMessage([]);
    stranger.postMessage(null);
    stranger.postMessage({
      ...envelope,
      kind: 'run-command',
      slug: 'x',
      command: { action: 'start', slot: 'a', config: null, options },
    });
    stranger.postMessage({ ...envelope, kind: 'position', position });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(heard).toEqual([{ ...envelope, kind: 'position', position }]);
    channel.close();
    stranger.close();
  });
});

describe('relayed starts', () => {
  it('train no more runs at once than a slide uses, however many slots are invented', () => {
    const runs: Record<string, RunState> = {};
    const started: string[] = [];
    const actions = {
      startRun: (slot: string) => {
        started.push(slot);
        runs[slot] = runState(slot, 'starting');
      },
    } as unknown as RunActions;
    for (let index = 0; index < 40; index++) {
      const command: RunCommand = {
        action: 'start',
        slot: `invented-${index}`,
        config: DEFAULT_TRAINER_CONFIG,
        options,
      };
      applyRunCommand(actions, command, runs);
    }
    expect(started).toHaveLength(MAX_DECK_BUSY_RUNS);
    // Restarting a slot that already trains replaces its run, and a finished run frees its place.
    applyRunCommand(
      actions,
      { action: 'start', slot: 'invented-0', config: DEFAULT_TRAINER_CONFIG, options },
      runs,
    );
    runs['invented-1'] = runState('invented-1', 'finished');
    applyRunCommand(
      actions,
      { action: 'start', slot: 'next', config: DEFAULT_TRAINER_CONFIG, options },
      runs,
    );
    expect(started).toEqual(['invented-0', 'invented-1', 'invented-2', 'invented-0', 'next']);
  });
});
