import { useCallback, useState } from 'react';

const values = new Map<string, unknown>();

/**
 * Like `useState`, but the value outlives the component for the rest of the session,
 * keyed by `key`. A fetched job's receipt handle must survive switching tabs or
 * queues, or the user could no longer remove the job.
 */
export function useSessionState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (values.has(key) ? (values.get(key) as T) : initial));
  const [currentKey, setCurrentKey] = useState(key);
  if (currentKey !== key) {
    setCurrentKey(key);
    setValue(values.has(key) ? (values.get(key) as T) : initial);
  }
  const set = useCallback(
    (next: T) => {
      values.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
