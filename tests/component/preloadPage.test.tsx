import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from '../../app/components/lazyPage';

describe('a page asked for before it is drawn', () => {
  it('starts its download at once, still draws, and leaves a failed download for the drawing to report', async () => {
    const load = vi.fn(async () => () => <h1>Lesson</h1>);
    const Page = lazyPage(load);
    Page.preload();
    expect(load).toHaveBeenCalledTimes(1);
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Page />
      </Suspense>,
    );
    expect(await screen.findByRole('heading', { name: 'Lesson' })).toBeVisible();

    const failing = lazyPage(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    // Nothing is thrown or left unhandled: the page reports the failure when it is drawn.
    expect(() => failing.preload()).not.toThrow();
  });
});
