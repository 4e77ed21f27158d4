// The store's progress as each progress test starts it, and what was saved, shared by the tests of
// saved progress, review cards, the review page and the lesson move.
import { useStore } from '../../../app/store';
import { EMPTY_PROGRESS, type Progress } from '../../../app/store/progressFormat';

export const PROGRESS_KEY = 'unroll.progress';

/** No progress, saved, no lock, no held text, no damaged copies, no notice. */
export function resetProgressStore(): void {
  useStore.setState({
    progress: EMPTY_PROGRESS,
    progressSaved: true,
    progressLock: null,
    heldProgressText: null,
    damagedCopies: [],
    storageNotice: null,
  });
}

/** What localStorage holds under the progress key, parsed. */
export function savedProgress(): { version: number; data: Progress } {
  return JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? 'null') as { version: number; data: Progress };
}
