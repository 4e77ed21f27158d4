import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../app/shared/whenIdle';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('asks requestIdleCallback, with the given deadline, and cancels through cancelIdleCallback', () => {
    const queued: Array<{ run: () => void; timeout?: number }> = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => {
      queued.push({ run, timeout: options?.timeout });
      return queued.length;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const callback = vi.fn();
    const cancel = whenIdle(callback, 750);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.timeout).toBe(750);
    expect(callback).not.toHaveBeenCalled();
    queued[0]?.run();
    expect(callback).toHaveBeenCalledTimes(1);
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it('falls back to a timer of the given delay where there is no requestIdleCallback, and cancels it', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const early = vi.fn();
    whenIdle(early, 5000, 200);
    vi.advanceTimersByTime(199);
    expect(early).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(early).toHaveBeenCalledTimes(1);

    const dropped = vi.fn();
    const cancel = whenIdle(dropped, 500);
    cancel();
    vi.advanceTimersByTime(1000);
    expect(dropped).not.toHaveBeenCalled();
  });
});
