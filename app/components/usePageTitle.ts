import { useEffect } from 'react';

/** Sets the browser tab's title for the current page (null: the site's own title). */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Unroll` : 'Unroll: recurrent neural networks, live';
  }, [title]);
}
