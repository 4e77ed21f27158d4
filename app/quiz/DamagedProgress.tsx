import { type ReactNode, useState } from 'react';
import { download } from '../shared/download';
import { useStore } from '../store';
import { progressFormat } from '../store/progressFormat';

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })
    : 'by an earlier version';

/**
 * Saved progress this page could not use: a copy kept because it was unreadable (download it, try to
 * restore it, delete it), unreadable progress left in place for lack of room (the reader chooses), or
 * progress saved by a newer version (left alone). Renders nothing when there is none.
 */
export function DamagedProgress() {
  const lock = useStore((state) => state.progressLock);
  const held = useStore((state) => state.heldProgressText);
  const copies = useStore((state) => state.damagedCopies);
  const restore = useStore((state) => state.restoreDamagedCopy);
  const discard = useStore((state) => state.discardDamagedCopy);
  const replace = useStore((state) => state.replaceHeldProgress);
  const [announcement, setAnnouncement] = useState('');
  if (lock === null && copies.length === 0) {
    return (
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    );
  }

  const tryRestore = (key: string) => {
    const found = restore(key);
    setAnnouncement(
      found === null
        ? 'Nothing in this copy could be read. Download it to keep it.'
        : `Restored ${found} answered ${found === 1 ? 'question' : 'questions'} from the damaged copy.`,
    );
  };
  const fileName = (iso: string | null) => `unroll-damaged-progress-${(iso ?? 'old').slice(0, 10)}.txt`;
  const actions = (key: string, text: string, keptAt: string | null, last: ReactNode) => (
    <div className="progress-buttons">
      <button type="button" onClick={() => download(fileName(keptAt), text)}>
        Download damaged copy
      </button>
      <button type="button" onClick={() => tryRestore(key)}>
        Try to restore
      </button>
      {last}
    </div>
  );

  return (
    <section aria-labelledby="damaged-progress-heading" className="progress-damaged">
      <h2 id="damaged-progress-heading">Saved progress that could not be used</h2>
      {lock === 'newer' && (
        <p className="progress-warning">
          Your progress was saved by a newer version of Unroll; this page will not change it. Answers you give
          here last only until you close this tab.
        </p>
      )}
      {lock === 'unkept' && held !== null && (
        <div className="progress-warning">
          <p>
            Your saved progress could not be read, and the browser had no room to keep a copy of it. It is
            left as it was, and nothing you do here is saved until you choose: download it, try to restore
            what can be read, or replace it with a fresh start.
          </p>
          {actions(
            progressFormat.key,
            held,
            null,
            <button type="button" className="button-danger" onClick={replace}>
              Replace it and start saving
            </button>,
          )}
        </div>
      )}
      {copies.length > 0 && (
        <ul className="progress-damaged-copies">
          {copies.map((copy) => (
            <li key={copy.key}>
              <p>Damaged copy kept {copy.keptAt ? `on ${when(copy.keptAt)}` : when(null)}.</p>
              {actions(
                copy.key,
                copy.text,
                copy.keptAt,
                <button type="button" onClick={() => discard(copy.key)}>
                  Delete copy
                </button>,
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
