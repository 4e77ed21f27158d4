/**
 * An in-memory BroadcastChannel for component tests: channels of one bus hear each other (never
 * themselves), a task later, through a structured clone as browsers do. A fresh bus per test keeps a
 * closing window of one test from reaching the next (Node's own BroadcastChannel is process-wide).
 */
import { vi } from 'vitest';

export function installChannelBus(): void {
  const open = new Set<FakeBroadcastChannel>();
  class FakeBroadcastChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(data: unknown): void {
      const copy = structuredClone(data);
      for (const channel of open) {
        if (channel === this || channel.name !== this.name) continue;
        setTimeout(() => {
          if (open.has(channel)) channel.onmessage?.(new MessageEvent('message', { data: copy }));
        }, 0);
      }
    }
    close(): void {
      open.delete(this);
    }
  }
  vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
}
