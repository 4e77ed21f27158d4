/**
 * One presenter window's deck, kept in step with the other window. The URL names the slide; the blank
 * screen is state. A move made here navigates and is broadcast; a move heard from the other window
 * navigates without being broadcast again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { openPresentChannel, type PresentChannel } from './channel';
import { type DeckAction, type DeckState, deckReducer, type PresenterRole } from './deck';
import { moveTo, type PresentMessage, replyTo, type SyncState, syncReducer } from './sync';

export interface PresenterDeck {
  readonly deck: DeckState;
  readonly dispatch: (action: DeckAction) => void;
  /** How many windows of the other role are listening (the speaker view, or the audience window). */
  readonly peers: number;
  /** The open channel, for the run relay; null until the window has said hello. */
  readonly channel: PresentChannel | null;
  /** Registers a listener for every message from the other windows; returns its removal. */
  readonly listen: (listener: (message: PresentMessage) => void) => () => void;
}

export interface PresenterDeckOptions {
  readonly role: PresenterRole;
  readonly slug: string;
  /** The slide the URL names, from 0 (already within the deck). */
  readonly index: number;
  readonly count: number;
  /** Shows another slide: navigates to its URL (replacing the history entry). */
  readonly go: (index: number) => void;
}

export function usePresenterDeck({ role, slug, index, count, go }: PresenterDeckOptions): PresenterDeck {
  const [blank, setBlank] = useState(false);
  const [peers, setPeers] = useState<readonly string[]>([]);
  const [channel, setChannel] = useState<PresentChannel | null>(null);
  const listeners = useRef(new Set<(message: PresentMessage) => void>());
  const sync = useRef<SyncState>({ role, position: { slug, index, blank: false, at: 0 }, count, peers: [] });
  const latest = useRef({ index, blank, go });
  latest.current = { index, blank, go };
  sync.current = { ...sync.current, count };

  // A message from another window: follow its move, note who is there, answer a hello.
  const receive = useCallback((message: PresentMessage, open: PresentChannel) => {
    const before = sync.current;
    const after = syncReducer(before, message);
    sync.current = after;
    const reply = replyTo(after, message, open.sender);
    if (reply) open.post(reply);
    if (after.peers !== before.peers) setPeers(after.peers);
    if (after.position.blank !== latest.current.blank) setBlank(after.position.blank);
    if (after.position.index !== latest.current.index) latest.current.go(after.position.index);
    for (const listener of listeners.current) listener(message);
  }, []);

  useEffect(() => {
    sync.current = {
      role,
      position: { slug, index: latest.current.index, blank: false, at: Date.now() },
      count: sync.current.count,
      peers: [],
    };
    const open = openPresentChannel((message) => receive(message, open));
    setChannel(open);
    setPeers([]);
    open.post({ kind: 'hello', sender: open.sender, role, position: sync.current.position });
    const bye = () => open.post({ kind: 'bye', sender: open.sender, role });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      bye();
      open.close();
      setChannel(null);
    };
  }, [role, slug, receive]);

  // The URL changed without a message (a move made here, the back button, a typed address): tell the
  // other window. A move heard from it has already updated `sync`, so it is not sent back.
  useEffect(() => {
    if (!channel || sync.current.position.index === index) return;
    sync.current = moveTo(sync.current, index, latest.current.blank, Date.now());
    channel.post({ kind: 'position', sender: channel.sender, role, position: sync.current.position });
  }, [index, channel, role]);

  const dispatch = useCallback(
    (action: DeckAction) => {
      const { index: shown, blank: blanked, go: show } = latest.current;
      const next = deckReducer({ index: shown, count: sync.current.count, blank: blanked }, action);
      if (next.index === shown && next.blank === blanked) return;
      sync.current = moveTo(sync.current, next.index, next.blank, Date.now());
      latest.current = { ...latest.current, blank: next.blank };
      setBlank(next.blank);
      if (next.index !== shown) show(next.index);
      channel?.post({ kind: 'position', sender: channel.sender, role, position: sync.current.position });
    },
    [channel, role],
  );

  const listen = useCallback((listener: (message: PresentMessage) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const deck = useMemo(() => ({ index, count, blank }), [index, count, blank]);
  return { deck, dispatch, peers: peers.length, channel, listen };
}
