import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Link, Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ErrorBoundary } from '../../../app/components/ErrorBoundary';
import { documentReload, lazyPage } from '../../../app/components/lazyPage';
import { UpdatePrompt } from '../../../app/components/UpdatePrompt';
import { offerUpdate, takeOverOrReload } from '../../../app/components/updateOffer';

const offline = () => new TypeError('Failed to fetch dynamically imported module: /assets/lesson-x.js');

/** A page that fails to download `failures` times, then draws its name. */
function flakyPage(failures: number) {
  const load = vi.fn(async () => {
    if (load.mock.calls.length <= failures) throw offline();
    return ({ name }: { name: string }) => <h1>{name}</h1>;
  });
  return { Page: lazyPage(load), load };
}

function renderAt(path: string, Page: ReturnType<typeof flakyPage>['Page']) {
  const memory = memoryLocation({ path });
  render(
    <Router hook={memory.hook}>
      <Link href="/">Course</Link>
      <Link href="/lesson">Lesson</Link>
      <ErrorBoundary>
        <Suspense fallback={<p>Loading…</p>}>
          <Switch>
            <Route path="/lesson">
              <Page name="The lesson" />
            </Route>
            <Route path="/">
              <h1>The course</h1>
            </Route>
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </Router>,
  );
}

describe('a page that cannot be downloaded', () => {
  it('says "You seem to be offline" in plain words, with no technical message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { Page } = flakyPage(1);
    renderAt('/lesson', Page);
    expect(await screen.findByRole('heading', { name: 'You seem to be offline' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).not.toHaveTextContent('dynamically imported module');
  });

  it('downloads again on Try again, and shows the page once it arrives', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { Page, load } = flakyPage(1);
    renderAt('/lesson', Page);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'The lesson' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('clears the message when the reader goes to another page, and tries again on return', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { Page } = flakyPage(1);
    renderAt('/lesson', Page);
    await screen.findByRole('heading', { name: 'You seem to be offline' });
    await userEvent.click(screen.getByRole('link', { name: 'Course' }));
    expect(screen.getByRole('heading', { name: 'The course' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Lesson' }));
    expect(await screen.findByRole('heading', { name: 'The lesson' })).toBeInTheDocument();
  });

  it('reloads the page once when a page that failed fails again while online (the browser keeps the failure)', async () => {
    sessionStorage.clear();
    const reload = vi.spyOn(documentReload, 'reload').mockImplementation(() => {});
    const online = vi.spyOn(navigator, 'onLine', 'get');
    try {
      const { Page } = flakyPage(10);
      renderAt('/lesson', Page);
      online.mockReturnValue(false);
      const alert = await screen.findByRole('alert');
      // Offline, Try again downloads again and fails again: nothing to gain from a reload.
      await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('heading', { name: 'You seem to be offline' })).toBeInTheDocument();
      expect(reload).not.toHaveBeenCalled();
      // Online, the same failure means the browser kept it: a new document downloads the page.
      online.mockReturnValue(true);
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('heading', { name: 'You seem to be offline' })).toBeInTheDocument();
      expect(reload).toHaveBeenCalledOnce();
      // Within half a minute it does not reload again, so a page that cannot load never loops.
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('heading', { name: 'You seem to be offline' })).toBeInTheDocument();
      expect(reload).toHaveBeenCalledOnce();
    } finally {
      reload.mockRestore();
      online.mockRestore();
    }
  });

  it('keeps other errors in their own words', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const Broken = lazyPage<{ name: string }>(async () => {
      throw new Error('the figure had no data');
    });
    renderAt('/lesson', Broken);
    expect(
      await screen.findByRole('heading', { name: 'This part of the page could not be shown' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('the figure had no data');
  });
});

describe('the update prompt', () => {
  it('appears when a new version waits, reloads on request, and goes away on Later', async () => {
    render(<UpdatePrompt />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    const apply = vi.fn();
    act(() => offerUpdate(apply));
    const prompt = screen.getByRole('status', { name: 'Update' });
    expect(prompt).toHaveTextContent('Update available: reload');
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(apply).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('asks the waiting version to take over, and reloads the page if it still waits after a while', () => {
    vi.useFakeTimers();
    try {
      let waiting: object | null = {};
      const ask = vi.fn();
      const reload = vi.fn();
      takeOverOrReload(() => waiting as ServiceWorker | null, ask, reload, 3000);
      expect(ask).toHaveBeenCalledOnce();
      vi.advanceTimersByTime(2999);
      expect(reload).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(reload).toHaveBeenCalledOnce();

      // Taken over in time: the page reloads by itself (controllerchange), and this does nothing more.
      reload.mockClear();
      takeOverOrReload(() => waiting as ServiceWorker | null, ask, reload, 3000);
      waiting = null;
      vi.advanceTimersByTime(5000);
      expect(reload).not.toHaveBeenCalled();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
