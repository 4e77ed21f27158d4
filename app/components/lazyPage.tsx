import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** How to replace each page whose download failed with one that downloads again. */
const renewals = new Set<() => void>();

/**
 * Like React's lazy(), but a download that failed (offline, say) can be tried again: lazy() keeps the
 * failure for good, so the page would fail on every visit until the site is reloaded.
 */
export function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> & { readonly preload: () => void } {
  const fresh = (): LazyExoticComponent<ComponentType<Props>> =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          // Not renewed here: React draws the page once more to find the error, and must find it.
          renewals.add(renew);
          throw error;
        },
      ),
    );
  let current = fresh();
  const renew = () => {
    current = fresh();
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, like lazy() itself, so its identity is stable.
  function LazyPage(props: Props) {
    const Current = current;
    return <Current {...props} />;
  }
  // Asks for the page's chunks now: drawing it later finds them requested (or loaded) and asks for none
  // again. A failed download is reported when the page is drawn, not here.
  const preload = () => {
    load().catch(() => undefined);
  };
  return Object.assign(LazyPage, { preload });
}

/** Lets every page whose download failed try again the next time it is drawn (after Try again, say). */
export function retryFailedPages(): void {
  for (const renew of renewals) renew();
  renewals.clear();
}
