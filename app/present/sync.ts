/**
 * The messages the audience window and the speaker view exchange over a BroadcastChannel, and what each
 * window does with them, as pure functions. Either window can move the deck; the newest move wins
 * (every position carries the time it was made, so a late echo never pulls a window back). The audience
 * window owns the training runs: the speaker view sends it commands and mirrors the runs it reports.
 */

import type { TrainerConfig } from '../../engine/trainerConfig';
import type { RunSpeed } from '../../engine/worker/protocol';
import type { StartOptions } from '../engineBridge';
import type { RunState } from '../store/runsSlice';
import { clampIndex, type PresenterRole } from './deck';

export const PRESENT_CHANNEL = 'unroll-present';

/** Where one window is: which lesson, which slide (from 0), blank or not, and when that was decided. */
export interface Position {
  readonly slug: string;
  readonly index: number;
  readonly blank: boolean;
  /** Milliseconds since the epoch when a person made this move (both windows share the clock). */
  readonly at: number;
}

/** A training command from the speaker view, carried out by the audience window's store. */
export type RunCommand =
  | {
      readonly action: 'start';
      readonly slot: string;
      readonly config: TrainerConfig;
      readonly options: StartOptions;
    }
  | { readonly action: 'pause' | 'resume' | 'stop' | 'clear'; readonly slot: string }
  | { readonly action: 'step'; readonly slot: string; readonly steps: number }
  | { readonly action: 'speed'; readonly slot: string; readonly speed: RunSpeed };

interface Envelope {
  /** A random id per window, so a window can tell its peers apart. */
  readonly sender: string;
  readonly role: PresenterRole;
}

export type PresentMessage = Envelope &
  (
    | { readonly kind: 'hello'; readonly position: Position }
    | { readonly kind: 'welcome' }
    | { readonly kind: 'position'; readonly position: Position }
    | { readonly kind: 'bye' }
    | { readonly kind: 'run-command'; readonly slug: string; readonly command: RunCommand }
    | {
        readonly kind: 'runs';
        readonly slug: string;
        /** Runs that changed since the last report (all of them after a hello). */
        readonly runs: readonly RunState[];
        /** Every slot the audience window has a run in, so the mirror drops the ones cleared. */
        readonly slots: readonly string[];
      }
  );

/** What one window knows: its own position, the slide count, and the windows of the other role. */
export interface SyncState {
  readonly role: PresenterRole;
  readonly position: Position;
  readonly count: number;
  /** Senders of the other role that said hello and not yet bye. */
  readonly peers: readonly string[];
}

/** A position from another window applies if it is about this lesson and newer than ours. */
function adopt(state: SyncState, position: Position): SyncState {
  if (position.slug !== state.position.slug || position.at < state.position.at) return state;
  const index = clampIndex(position.index, state.count);
  if (index === state.position.index && position.blank === state.position.blank) {
    return { ...state, position: { ...state.position, at: position.at } };
  }
  return { ...state, position: { slug: position.slug, index, blank: position.blank, at: position.at } };
}

function withPeer(state: SyncState, sender: string, present: boolean): SyncState {
  const has = state.peers.includes(sender);
  if (present === has) return state;
  return {
    ...state,
    peers: present ? [...state.peers, sender] : state.peers.filter((peer) => peer !== sender),
  };
}

/**
 * One window's state after a message from the channel. Positions from either role move the deck; hello,
 * welcome and bye from the other role track who is listening. Run messages do not change the deck.
 */
export function syncReducer(state: SyncState, message: PresentMessage): SyncState {
  const fromPeer = message.role !== state.role;
  switch (message.kind) {
    case 'hello':
      return adopt(fromPeer ? withPeer(state, message.sender, true) : state, message.position);
    case 'welcome':
      return fromPeer ? withPeer(state, message.sender, true) : state;
    case 'bye':
      return fromPeer ? withPeer(state, message.sender, false) : state;
    case 'position':
      return adopt(state, message.position);
    case 'run-command':
    case 'runs':
      return state;
    default:
      // A kind from another version of the app: the deck stays where it is.
      return state;
  }
}

/** The state after a move made in this window, stamped with the time it was made. */
export function moveTo(state: SyncState, index: number, blank: boolean, at: number): SyncState {
  return {
    ...state,
    position: {
      slug: state.position.slug,
      index: clampIndex(index, state.count),
      blank,
      at: Math.max(at, state.position.at),
    },
  };
}

/** A window answers another role's hello, so the newcomer knows someone is listening. */
export function replyTo(state: SyncState, message: PresentMessage, sender: string): PresentMessage | null {
  if (message.kind !== 'hello' || message.role === state.role) return null;
  return { kind: 'welcome', sender, role: state.role };
}

/**
 * The speaker view's runs after a report from the audience window: changed runs replace ours, runs in
 * slots the audience no longer has are dropped, and the rest stay as they were (same objects).
 */
export function mergeRuns(
  local: Readonly<Record<string, RunState>>,
  report: { readonly runs: readonly RunState[]; readonly slots: readonly string[] },
): Record<string, RunState> {
  const next: Record<string, RunState> = {};
  const kept = new Set(report.slots);
  for (const [slot, run] of Object.entries(local)) if (kept.has(slot)) next[slot] = run;
  for (const run of report.runs) next[run.slot] = run;
  return next;
}

/** The runs of `current` that are not the very objects of `sent` (what changed since the last report). */
export function changedRuns(
  current: Readonly<Record<string, RunState>>,
  sent: Readonly<Record<string, RunState>>,
): RunState[] {
  return Object.values(current).filter((run) => sent[run.slot] !== run);
}
