import { describe, expect, it, vi } from 'vitest';
import type { PresenterRole } from '../../../app/present/deck';
import { applyRunCommand, type RunActions, remoteRunActions } from '../../../app/present/runRelay';
import {
  changedRuns,
  mergeRuns,
  moveTo,
  type Position,
  type PresentMessage,
  type RunCommand,
  replyTo,
  type SyncState,
  syncReducer,
} from '../../../app/present/sync';
import type { RunState } from '../../../app/store/runsSlice';
import type { TrainerConfig } from '../../../engine/trainerConfig';

const COUNT = 15;

function start(role: PresenterRole, index = 0, slug = '03-lstm'): SyncState {
  return { role, position: { slug, index, blank: false, at: 0 }, count: COUNT, peers: [] };
}

/** Two windows on one channel: each local move is posted; messages are delivered when the test says. */
class Room {
  readonly windows: Record<PresenterRole, SyncState> = {
    audience: start('audience'),
    speaker: start('speaker'),
  };
  readonly inbox: Record<PresenterRole, PresentMessage[]> = { audience: [], speaker: [] };
  private clock = 100;

  move(role: PresenterRole, index: number, blank = false): void {
    this.windows[role] = moveTo(this.windows[role], index, blank, ++this.clock);
    const other: PresenterRole = role === 'audience' ? 'speaker' : 'audience';
    this.inbox[other].push({ kind: 'position', sender: role, role, position: this.windows[role].position });
  }

  deliver(role: PresenterRole): void {
    for (const message of this.inbox[role].splice(0))
      this.windows[role] = syncReducer(this.windows[role], message);
  }

  where(role: PresenterRole): [number, boolean] {
    return [this.windows[role].position.index, this.windows[role].position.blank];
  }
}

const position = (index: number, at: number, slug = '03-lstm', blank = false): Position => ({
  slug,
  index,
  blank,
  at,
});

describe('syncReducer', () => {
  it('makes the speaker view follow the slides window', () => {
    const room = new Room();
    room.move('audience', 1);
    room.move('audience', 2);
    room.deliver('speaker');
    expect(room.where('speaker')).toEqual([2, false]);
  });

  it('makes the slides window follow the speaker view', () => {
    const room = new Room();
    room.move('speaker', 6);
    room.deliver('audience');
    expect(room.where('audience')).toEqual([6, false]);
  });

  it('carries the blank screen both ways', () => {
    const room = new Room();
    room.move('speaker', 0, true);
    room.deliver('audience');
    expect(room.where('audience')).toEqual([0, true]);
    room.move('audience', 0, false);
    room.deliver('speaker');
    expect(room.where('speaker')).toEqual([0, false]);
  });

  it('lets the newest move win when both windows move at once', () => {
    const room = new Room();
    room.move('audience', 5);
    room.move('speaker', 2);
    room.deliver('audience');
    room.deliver('speaker');
    expect(room.where('audience')).toEqual([2, false]);
    expect(room.where('speaker')).toEqual([2, false]);
  });

  it('ignores a position older than its own last move (a late echo never pulls a window back)', () => {
    const state = moveTo(start('audience'), 4, false, 200);
    const stale = syncReducer(state, {
      kind: 'position',
      sender: 's',
      role: 'speaker',
      position: position(3, 150),
    });
    expect(stale.position.index).toBe(4);
  });

  it('ignores positions of another lesson, and clamps one past the end', () => {
    const state = start('audience', 2);
    const other = syncReducer(state, {
      kind: 'position',
      sender: 's',
      role: 'speaker',
      position: position(7, 500, '04-gru'),
    });
    expect(other).toBe(state);
    const far = syncReducer(state, {
      kind: 'position',
      sender: 's',
      role: 'speaker',
      position: position(99, 500),
    });
    expect(far.position.index).toBe(COUNT - 1);
  });

  it('counts the windows of the other role that said hello, until they say bye', () => {
    let audience = start('audience', 3);
    const hello: PresentMessage = {
      kind: 'hello',
      sender: 'speaker-1',
      role: 'speaker',
      position: position(3, 50),
    };
    audience = syncReducer(audience, hello);
    expect(audience.peers).toEqual(['speaker-1']);
    expect(replyTo(audience, hello, 'audience-1')).toEqual({
      kind: 'welcome',
      sender: 'audience-1',
      role: 'audience',
    });
    // A hello from a window of the same role is not a peer and gets no answer.
    const twin: PresentMessage = {
      kind: 'hello',
      sender: 'audience-2',
      role: 'audience',
      position: position(3, 60),
    };
    expect(syncReducer(audience, twin).peers).toEqual(['speaker-1']);
    expect(replyTo(audience, twin, 'audience-1')).toBeNull();
    audience = syncReducer(audience, { kind: 'bye', sender: 'speaker-1', role: 'speaker' });
    expect(audience.peers).toEqual([]);
  });

  it('follows the slide a newly opened window says hello from', () => {
    const speaker = syncReducer(start('speaker', 0), {
      kind: 'hello',
      sender: 'a',
      role: 'audience',
      position: position(8, 900),
    });
    expect(speaker.position.index).toBe(8);
    expect(speaker.peers).toEqual(['a']);
  });

  it('does not move the deck on run messages', () => {
    const state = start('speaker', 4);
    expect(
      syncReducer(state, {
        kind: 'runs',
        sender: 'a',
        role: 'audience',
        slug: '03-lstm',
        runs: [],
        slots: [],
      }),
    ).toBe(state);
    expect(
      syncReducer(state, {
        kind: 'run-command',
        sender: 's',
        role: 'speaker',
        slug: '03-lstm',
        command: { action: 'pause', slot: 'x' },
      }),
    ).toBe(state);
  });
});

function run(slot: string, stepCount: number): RunState {
  return { slot, stepCount } as unknown as RunState;
}

describe('the run mirror', () => {
  it('takes changed runs, keeps unchanged ones and drops runs the audience window cleared', () => {
    const kept = run('a', 10);
    const local = { a: kept, b: run('b', 5), c: run('c', 1) };
    const fresh = run('b', 6);
    const merged = mergeRuns(local, { runs: [fresh], slots: ['a', 'b'] });
    expect(merged).toEqual({ a: kept, b: fresh });
    expect(merged.a).toBe(kept);
  });

  it('reports only the runs that are new objects since the last report', () => {
    const a = run('a', 1);
    const b = run('b', 1);
    const b2 = run('b', 2);
    expect(changedRuns({ a, b: b2 }, { a, b })).toEqual([b2]);
    expect(changedRuns({ a }, {})).toEqual([a]);
  });

  it('turns every run action of the speaker view into a command the slides window carries out unchanged', () => {
    const sent: RunCommand[] = [];
    const remote = remoteRunActions((command) => sent.push(command));
    const config = { cell: 'lstm', seed: 1 } as unknown as TrainerConfig;
    const options = { maxSteps: 500, speed: { kind: 'max' as const }, paused: true };
    remote.startRun('slot', config, options);
    remote.pauseRun('slot');
    remote.resumeRun('slot');
    remote.stepRun('slot');
    remote.stepRun('slot', 3);
    remote.setRunSpeed('slot', { kind: 'paced', stepsPerSecond: 10 });
    remote.clearRun('slot');
    remote.stopRun('slot');
    // Through a structured clone, as BroadcastChannel delivers them.
    const delivered = structuredClone(sent);
    const own: RunActions = {
      startRun: vi.fn(),
      pauseRun: vi.fn(),
      resumeRun: vi.fn(),
      stepRun: vi.fn(),
      stopRun: vi.fn(),
      setRunSpeed: vi.fn(),
      clearRun: vi.fn(),
    };
    for (const command of delivered) applyRunCommand(own, command);
    expect(own.startRun).toHaveBeenCalledWith('slot', config, options);
    expect(own.pauseRun).toHaveBeenCalledWith('slot');
    expect(own.resumeRun).toHaveBeenCalledWith('slot');
    expect(own.stepRun).toHaveBeenNthCalledWith(1, 'slot', 1);
    expect(own.stepRun).toHaveBeenNthCalledWith(2, 'slot', 3);
    expect(own.setRunSpeed).toHaveBeenCalledWith('slot', { kind: 'paced', stepsPerSecond: 10 });
    expect(own.clearRun).toHaveBeenCalledWith('slot');
    expect(own.stopRun).toHaveBeenCalledWith('slot');
  });
});
