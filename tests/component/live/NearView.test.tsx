import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WhileNearView } from '../../../app/live/NearView';

/** A stand-in for the browser's IntersectionObserver that the test moves in and out of view. */
class FakeObserver {
  static latest: FakeObserver | null = null;
  constructor(private readonly report: IntersectionObserverCallback) {
    FakeObserver.latest = this;
  }
  observe() {}
  disconnect() {}
  scroll(isIntersecting: boolean) {
    act(() => this.report([{ isIntersecting } as IntersectionObserverEntry], this as never));
  }
}

function Step({ step }: { step: number }) {
  return <p>Step {step}</p>;
}

describe('WhileNearView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the last drawing while scrolled far away and catches up when near again', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { rerender } = render(
      <WhileNearView>
        <Step step={1} />
      </WhileNearView>,
    );
    expect(screen.getByText('Step 1')).toBeVisible();
    FakeObserver.latest!.scroll(false);
    rerender(
      <WhileNearView>
        <Step step={2} />
      </WhileNearView>,
    );
    expect(screen.getByText('Step 1')).toBeVisible();
    FakeObserver.latest!.scroll(true);
    expect(screen.getByText('Step 2')).toBeVisible();
  });

  it('always shows the newest data where the browser cannot say what is on screen', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { rerender } = render(
      <WhileNearView>
        <Step step={1} />
      </WhileNearView>,
    );
    rerender(
      <WhileNearView>
        <Step step={2} />
      </WhileNearView>,
    );
    expect(screen.getByText('Step 2')).toBeVisible();
  });
});
