import { useEffect, useState } from 'react';
import { type CurveRequest, cachedCurve, curveOf } from './vanishingCurves';

/**
 * The curves of `requests` that are ready. Missing ones are computed one per task, in the order given,
 * so that the page stays responsive (an LSTM's curve takes tens of milliseconds on a slow machine); each
 * finished curve re-renders the caller. `now` is computed at once, in the render, when given.
 */
export function useProgressiveCurves(
  requests: readonly CurveRequest[],
  now?: CurveRequest,
): ReadonlyMap<string, readonly number[]> {
  const [, setFinished] = useState(0);
  if (now) curveOf(now);
  const missing = requests.find((request) => cachedCurve(request) === undefined);
  const missingKey = missing?.key;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `missing` is identified by its key.
  useEffect(() => {
    if (!missing) return;
    const timer = setTimeout(() => {
      curveOf(missing);
      setFinished((count) => count + 1);
    }, 0);
    return () => clearTimeout(timer);
  }, [missingKey]);
  const ready = new Map<string, readonly number[]>();
  for (const request of requests) {
    const values = cachedCurve(request);
    if (values) ready.set(request.key, values);
  }
  return ready;
}
