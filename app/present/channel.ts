/**
 * The one place presenter mode touches BroadcastChannel: windows of the same site on the same machine
 * (the projector window and the speaker view) talk through it. A browser without it still presents;
 * the two windows just do not follow each other.
 */
import { readPresentMessage } from './messageShape';
import { PRESENT_CHANNEL, type PresentMessage } from './sync';

export interface PresentChannel {
  /** This window's id in every message it sends. */
  readonly sender: string;
  post(message: PresentMessage): void;
  close(): void;
}

let counter = 0;

function windowId(): string {
  counter += 1;
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${random}-${counter}`;
}

/**
 * Opens the presenter channel; `onMessage` hears the other windows (never this one's own posts), and
 * only messages of a shape this window understands.
 */
export function openPresentChannel(onMessage: (message: PresentMessage) => void): PresentChannel {
  const sender = windowId();
  if (typeof BroadcastChannel === 'undefined') {
    return { sender, post: () => {}, close: () => {} };
  }
  const channel = new BroadcastChannel(PRESENT_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    // Another version of the site, or any page of it, may post here: only what this window understands.
    const message = readPresentMessage(event.data);
    if (message && message.sender !== sender) onMessage(message);
  };
  let open = true;
  return {
    sender,
    post: (message) => {
      if (!open) return;
      try {
        channel.postMessage(message);
      } catch {
        // A message that cannot be cloned is dropped: the other window stays where it was.
      }
    },
    close: () => {
      open = false;
      channel.close();
    },
  };
}
