import { type MockInstance, vi } from 'vitest';

/** The WebAssembly JS API (the engine's tests are compiled without DOM or Node types, as the engine is). */
type MemoryConstructor = new (descriptor: object) => object;
const wasmApi = (globalThis as unknown as { WebAssembly: { Memory: MemoryConstructor } }).WebAssembly;

/**
 * Counts `new WebAssembly.Memory(…)` while it stands in, and still makes the memory: a plain spy would
 * hand the engine an empty object, so a regression would fail deep inside a kernel with a TypeError
 * instead of at the test's "not called". Call `mockRestore()` when done (or restore all mocks).
 */
export function spyOnMemory(): MockInstance<MemoryConstructor> {
  const Original = wasmApi.Memory;
  return vi
    .spyOn(wasmApi, 'Memory')
    .mockImplementation(((descriptor: object) => new Original(descriptor)) as unknown as MemoryConstructor);
}
