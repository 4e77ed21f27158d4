import { useCallback, useEffect, useRef, useState } from 'react';
import type { Connectivity } from '../../../engine/lab/connectivity';
import type { AnyTrace } from '../../../engine/lab/trace';
import { type ConnectivityState, connectivityProblem } from './connectivityText';

const idle: ConnectivityState = { status: 'idle' };

/**
 * The connectivity view's state and how to ask for it: only the latest question's answer is kept,
 * and an answer about an older trace (the student looked inside again meanwhile) is never shown.
 */
export function useConnectivity(
  trace: AnyTrace,
  requestConnectivity?: (position: number) => Promise<Connectivity>,
): { state: ConnectivityState; ask: (position: number) => void } {
  const [stored, setStored] = useState<{ trace: AnyTrace; value: ConnectivityState }>({
    trace,
    value: idle,
  });
  const latest = useRef(0);
  // The page may pass a new function each render; asking always uses the latest, and stays one function.
  const requestRef = useRef(requestConnectivity);
  useEffect(() => {
    requestRef.current = requestConnectivity;
  });
  const ask = useCallback(
    (position: number) => {
      const request = requestRef.current;
      if (!request) return;
      const id = ++latest.current;
      const set = (value: ConnectivityState) => {
        if (id === latest.current) setStored({ trace, value });
      };
      if (position >= trace.steps - 1) {
        set({
          status: 'error',
          position,
          message: 'the last character has no next character to predict; click an earlier one.',
        });
        return;
      }
      set({ status: 'loading', position });
      request(position).then(
        (result) => {
          const problem = connectivityProblem(result, position);
          set(
            problem ? { status: 'error', position, message: problem } : { status: 'ready', position, result },
          );
        },
        (error: unknown) => {
          set({ status: 'error', position, message: error instanceof Error ? error.message : String(error) });
        },
      );
    },
    [trace],
  );
  return { state: stored.trace === trace ? stored.value : idle, ask };
}
