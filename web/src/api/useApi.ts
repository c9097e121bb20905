import { useCallback, useEffect, useEffectEvent, useState } from 'react';

/**
 * Starts one load and returns its cancel: cancelling aborts the request (AbortController) and drops its answer,
 * so that an answer arriving late for an older key never reaches `settle`.
 */
export function startLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  settle: (outcome: { data: T } | { error: Error }) => void,
): () => void {
  const controller = new AbortController();
  load(controller.signal).then(
    (data) => controller.signal.aborted || settle({ data }),
    (error: unknown) =>
      controller.signal.aborted ||
      settle({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
  return () => controller.abort();
}

export interface Loaded<T> {
  /** The latest answer; while `loading` it may be the answer for the previous key (shown until the new one). */
  data: T | null;
  /** The current key's answer has not arrived yet. */
  loading: boolean;
  /** The current key's error. */
  error: Error | null;
  /** Loads the current key again (after a change the page made). */
  reload: () => void;
  /** Changes the answer held here (an item the page updated), without a request. */
  update: (change: (data: T) => T) => void;
}

interface Settled<T> {
  key: string | null;
  version: number;
  data: T | null;
  error: Error | null;
}

/**
 * What a page shows from the server: `load` runs whenever `key` (a string naming the request, such as its URL)
 * changes, and the request of the key before is aborted; `null` loads nothing. Every data-fetching effect of the
 * app goes through here, so none can let an old answer overwrite the current one.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ key: null, version: -1, data: null, error: null });
  const run = useEffectEvent(load);
  useEffect(() => {
    if (key === null) return;
    return startLoad(
      (signal) => run(signal),
      (outcome) =>
        setSettled((s) =>
          'data' in outcome
            ? { key, version, data: outcome.data, error: null }
            : { key, version, data: s.data, error: outcome.error },
        ),
    );
  }, [key, version]);
  // Stable, so that an effect may depend on them (a timer that reloads).
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback(
    (change: (data: T) => T) => setSettled((s) => (s.data === null ? s : { ...s, data: change(s.data) })),
    [],
  );
  const current = settled.key === key && settled.version === version;
  return {
    data: settled.data,
    loading: key !== null && !current,
    error: current ? settled.error : null,
    reload,
    update,
  };
}
