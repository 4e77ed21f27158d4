import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ProgressPage } from '../../../app/pages/ProgressPage';
import { useStore } from '../../../app/store';
import { DAMAGED_PREFIX } from '../../../app/store/damagedCopies';
import { PROGRESS_VERSION } from '../../../app/store/progressFormat';

const KEY = 'unroll.progress';
const readable = JSON.stringify({
  version: -1,
  data: {
    lessons: {
      '01-x': {
        visited: true,
        questions: { q1: { attempts: 1, bestScore: 1, lastScore: 1, lastAnswer: null, completed: true } },
      },
    },
  },
});

function renderPage() {
  const { hook } = memoryLocation({ path: '/progress' });
  return render(
    <Router hook={hook}>
      <ProgressPage />
    </Router>,
  );
}

/** Captures what the page offers as a download. */
function downloads(): Blob[] {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:copy';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
}

beforeEach(() => {
  useStore.getState().hydrateProgress();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the progress page and damaged saved progress', () => {
  it('offers each kept copy to download, restore or delete', async () => {
    const user = userEvent.setup();
    const blobs = downloads();
    localStorage.setItem(`${DAMAGED_PREFIX}.2026-03-01T10:00:00.000Z`, readable);
    useStore.getState().hydrateProgress();
    renderPage();
    // The page also lists every quiz question; the kept copy is the item that names it.
    const copy = screen.getByText(/Damaged copy kept on 1 March 2026/).closest('li')!;
    expect(copy).toHaveTextContent(/Damaged copy kept on 1 March 2026/);
    await user.click(within(copy).getByRole('button', { name: 'Download damaged copy' }));
    expect(await blobs[0]!.text()).toBe(readable);
    await user.click(within(copy).getByRole('button', { name: 'Try to restore' }));
    expect(screen.getByText('Restored 1 answered question from the damaged copy.')).toBeInTheDocument();
    expect(useStore.getState().progress.lessons['01-x']?.questions.q1?.attempts).toBe(1);
    await user.click(within(copy).getByRole('button', { name: 'Delete copy' }));
    expect(screen.queryByText(/Damaged copy kept on/)).toBeNull();
    expect(localStorage.getItem(`${DAMAGED_PREFIX}.2026-03-01T10:00:00.000Z`)).toBeNull();
  });

  it('when no copy could be kept, leaves the original in place until the reader replaces it', async () => {
    const user = userEvent.setup();
    const blobs = downloads();
    localStorage.setItem(KEY, 'not json at all');
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
      if (key.startsWith(DAMAGED_PREFIX)) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    useStore.getState().hydrateProgress();
    renderPage();
    expect(screen.getByText(/no room to keep a copy of it/)).toBeVisible();
    expect(screen.queryByText(/This browser is not saving/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download damaged copy' }));
    expect(await blobs[0]!.text()).toBe('not json at all');
    await user.click(screen.getByRole('button', { name: 'Try to restore' }));
    expect(screen.getByText(/Nothing in this copy could be read/)).toBeInTheDocument();
    expect(localStorage.getItem(KEY)).toBe('not json at all');
    await user.click(screen.getByRole('button', { name: 'Replace it and start saving' }));
    expect(localStorage.getItem(KEY)).toMatch(new RegExp(`^\\{"version":${PROGRESS_VERSION},`));
    expect(screen.queryByText(/no room to keep a copy of it/)).toBeNull();
  });

  it('says that progress from a newer version is left alone', () => {
    localStorage.setItem(KEY, JSON.stringify({ version: 5, data: {} }));
    useStore.getState().hydrateProgress();
    renderPage();
    expect(
      screen.getByText(/saved by a newer version of Unroll; this page will not change it/),
    ).toBeVisible();
  });
});
