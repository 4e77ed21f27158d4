import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../app/shared/afterNextPaint';

describe('afterNextPaint', () => {
  let frames: FrameRequestCallback[] = [];
  const drawFrame = () => {
    for (const frame of frames.splice(0)) frame(0);
  };
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (frame: FrameRequestCallback) => frames.push(frame));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames.splice(id - 1, 1);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs once, in a task after the next animation frame', () => {
    const callback = vi.fn();
    afterNextPaint(callback);
    vi.advanceTimersByTime(0);
    expect(callback).not.toHaveBeenCalled();
    drawFrame();
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    drawFrame();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs anyway when no frame comes (a hidden tab)', () => {
    const late = vi.fn();
    afterNextPaint(late, 250);
    vi.advanceTimersByTime(249);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late).toHaveBeenCalledTimes(1);
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled', () => {
    const never = vi.fn();
    const cancel = afterNextPaint(never);
    cancel();
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(never).not.toHaveBeenCalled();
  });
});
