/**
 * A Web Worker that makes a built-in text of the language lab off the page's thread: generating the
 * toy code takes 60-110 ms cold, too long for one task on the page. Asked an id, it answers
 * `{ id, text }` (text null for an id it does not know) and has nothing else to do.
 */
import { builtinText } from '../text/builtins.ts';

self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage({ id: event.data, text: builtinText(event.data)?.text() ?? null });
};
