import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useState,
} from 'react';
import { afterNextPaint } from '../shared/afterNextPaint';

/** How to replace each page whose download failed with one that downloads again. */
const renewals = new Set<() => void>();

/** When this tab last reloaded to download a page again (sessionStorage), so that it does so only once. */
const RELOADED_AT_KEY = 'unroll.reloadedForDownload';
const RELOAD_GUARD_MS = 30_000;

/**
 * Chromium keeps a failed module download for the life of the document: once a page's chunk failed
 * offline, importing it again fails at once even after the connection is back. So when a page that
 * already failed fails again while the browser says it is online, a new document is the only way to
 * download it: reload, once per half minute at most (a page that fails for another reason then shows
 * its message instead of reloading in a loop). Saved progress lives in storage and survives the reload.
 */
function reloadForFreshDownload(): void {
  if (typeof navigator === 'undefined' || !navigator.onLine) return;
  try {
    const last = Number(sessionStorage.getItem(RELOADED_AT_KEY));
    if (last > 0 && Date.now() - last < RELOAD_GUARD_MS) return;
    sessionStorage.setItem(RELOADED_AT_KEY, String(Date.now()));
  } catch {
    return;
  }
  documentReload.reload();
}

/** How the page reloads for a fresh download; tests replace it, since jsdom cannot reload. */
export const documentReload = { reload: () => window.location.reload() };

/**
 * Like React's lazy(), but a download that failed (offline, say) can be tried again: lazy() keeps the
 * failure for good, so the page would fail on every visit until the site is reloaded. With a `fallback`
 * (or a function of the page's props giving one), that is what the page shows while its code downloads
 * (its own title and lead, say), and the code is asked for only once that has been drawn; without one,
 * the nearest Suspense boundary's.
 */
export function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback?: ReactNode | ((props: Props) => ReactNode),
): ComponentType<Props> & { readonly preload: () => void } {
  let failures = 0;
  // Whether the page's code was ever asked for: drawn again (the reader comes back), it is not held back.
  let requested = false;
  const fresh = (): LazyExoticComponent<ComponentType<Props>> =>
    lazy(() => {
      requested = true;
      return load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          // Not renewed here: React draws the page once more to find the error, and must find it.
          renewals.add(renew);
          failures += 1;
          if (failures > 1) reloadForFreshDownload();
          throw error;
        },
      );
    });
  let current = fresh();
  const renew = () => {
    current = fresh();
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, like lazy() itself, so its identity is stable.
  function LazyPage(props: Props) {
    const Current = current;
    // With an opening to show, the first paint comes before the page's code is asked for: requests and
    // the preload links Vite adds for them would otherwise run before it, and a phone's first paint (and
    // what Lighthouse counts as the page's largest) would wait on them.
    const [asked, setAsked] = useState(requested || fallback === undefined);
    useEffect(() => {
      if (asked) return;
      return afterNextPaint(() => setAsked(true));
    }, [asked]);
    if (fallback === undefined) return <Current {...props} />;
    const shown = typeof fallback === 'function' ? fallback(props) : fallback;
    if (!asked) return shown;
    return (
      <Suspense fallback={shown}>
        <Current {...props} />
      </Suspense>
    );
  }
  // Asks for the page's chunks now: drawing it later finds them requested (or loaded) and asks for none
  // again. A failed download is reported when the page is drawn, not here.
  const preload = () => {
    requested = true;
    load().catch(() => undefined);
  };
  return Object.assign(LazyPage, { preload });
}

/** Lets every page whose download failed try again the next time it is drawn (after Try again, say). */
export function retryFailedPages(): void {
  for (const renew of renewals) renew();
  renewals.clear();
}
