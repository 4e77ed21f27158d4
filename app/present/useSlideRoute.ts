import { useCallback, useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { paths } from '../course';
import { presentRoute, slideNumber, speakerRoute } from '../routes';
import { clampIndex, controlsHidden, type PresenterRole, slideAddressProblem } from './deck';

export interface SlideRoute {
  /** The slide the URL names, from 0, within the deck. */
  readonly index: number;
  /** Shows another slide by replacing the URL (the back button leaves presenter mode). */
  readonly go: (index: number) => void;
  /** `?controls=0`: the audience sees the slides and nothing else. */
  readonly controlsHidden: boolean;
  /** What was wrong with the address the deck was opened at, until the first move. */
  readonly notice: string | null;
}

/**
 * The slide named by `/present/<slug>/<n>` (or `/speaker/...`), counted from 1 in the URL. A missing,
 * malformed or out-of-range number, or a query typed inside the hash, is rewritten to the canonical
 * address of the slide shown, so a reload always returns to it.
 */
export function useSlideRoute(
  role: PresenterRole,
  slug: string,
  param: string | undefined,
  count: number,
): SlideRoute {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const hidden = controlsHidden(search, location);
  const suffix = hidden ? '?controls=0' : '';
  const index = clampIndex((slideNumber(param) ?? 1) - 1, count);
  // Read once, from the address as opened: the canonical rewrite below would hide the mistake.
  const [notice, setNotice] = useState(() =>
    slideAddressProblem(param, slideNumber(param), count, search, location),
  );
  const address = role === 'audience' ? paths.present : paths.speaker;
  const pattern = role === 'audience' ? presentRoute : speakerRoute;
  useEffect(() => {
    // Only while the address is still this deck's: on the way out (a link, the back button) the new
    // location can reach this component a moment before the route that unmounts it.
    if (count === 0 || location.match(pattern)?.groups?.slug !== slug) return;
    const canonical = address(slug, index + 1);
    if (location !== canonical) navigate(canonical + suffix, { replace: true });
  }, [address, count, index, location, navigate, pattern, slug, suffix]);
  const go = useCallback(
    (next: number) => {
      setNotice(null);
      navigate(address(slug, clampIndex(next, count) + 1) + suffix, { replace: true });
    },
    [address, count, navigate, slug, suffix],
  );
  return { index, go, controlsHidden: hidden, notice };
}
