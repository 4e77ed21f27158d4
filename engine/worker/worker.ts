/// <reference lib="webworker" />
/**
 * The Web Worker entry: the only file that touches `self.postMessage`. It hands every message to the
 * run loop and yields between training slices through a MessageChannel (setTimeout would be clamped).
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { RunLoop } from './runLoop.ts';

declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const deferred: (() => void)[] = [];
channel.port1.onmessage = () => deferred.shift()?.();

const loop = new RunLoop({
  post: (message: FromWorker, transfer: ArrayBuffer[]) => self.postMessage(message, transfer),
  now: () => performance.now(),
  defer: (callback) => {
    deferred.push(callback);
    channel.port2.postMessage(null);
  },
  later: (ms, callback) => {
    setTimeout(callback, ms);
  },
});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'crash') {
    // Thrown outside the handler's try so that it reaches the page as a worker error, as a real bug would.
    setTimeout(() => {
      throw new Error('The training worker crashed on purpose (recovery test).');
    });
    return;
  }
  loop.handle(message);
};

self.postMessage({ type: 'ready' } satisfies FromWorker);
