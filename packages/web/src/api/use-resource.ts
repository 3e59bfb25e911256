import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading'; data: T | undefined; reload: () => void }
  | { state: 'error'; error: unknown; data: T | undefined; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/**
 * Loads data and reloads it when `deps` change. Keeps the previous data while reloading so a
 * live update does not blank the page (no layout jumps).
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load().then(
      (value) => {
        if (!cancelled) {
          setData(value);
          setError(undefined);
          setLoading(false);
        }
      },
      (failure: unknown) => {
        if (!cancelled) {
          setError(failure);
          setLoading(false);
        }
      },
    );
    return () => {
      cancelled = true;
    };
    // `load` is a fresh closure each render; `deps` says when it really changed.
  }, [...deps, nonce]);
  if (error !== undefined) return { state: 'error', error, data, reload };
  if (loading && data === undefined) return { state: 'loading', data, reload };
  return { state: 'ready', data: data as T, reload };
}
