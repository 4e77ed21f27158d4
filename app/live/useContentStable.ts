import { useRef } from 'react';

/**
 * The same object for as long as its content (as JSON) is unchanged. MDX writes props inline
 * (`config={{ cell: 'gru' }}`), so every re-render of a lesson hands a widget a new object of the same
 * content; a hook keyed on that object would restart or stop the widget's runs each time.
 */
export function useContentStable<T>(value: T): T {
  const kept = useRef<{ value: T; json: string } | null>(null);
  const json = JSON.stringify(value) ?? 'undefined';
  // Idempotent during render: the same content always keeps the same object.
  if (kept.current === null || kept.current.json !== json) kept.current = { value, json };
  return kept.current.value;
}
