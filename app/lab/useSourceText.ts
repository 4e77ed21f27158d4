import { useEffect, useState } from 'react';
import { loadSourceText, sourceTextNow, type TextSource } from './labChoice';

/**
 * The text of `source`, or null while it is being generated (the toy code, the first time): the
 * caller shows that it is coming and lets nothing train until it is here.
 */
export function useSourceText(source: TextSource): string | null {
  const now = sourceTextNow(source);
  const [, setArrived] = useState(0);
  const key = source.kind === 'own' ? null : source.id;
  useEffect(() => {
    if (now !== null || key === null) return;
    let live = true;
    void loadSourceText({ kind: 'builtin', id: key }).then(() => {
      if (live) setArrived((count) => count + 1);
    });
    return () => {
      live = false;
    };
  }, [now, key]);
  return now;
}
