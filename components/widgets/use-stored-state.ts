'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * State mirrored to localStorage under `key`. The first render uses `initial` on the
 * server and the client alike (no hydration mismatch); the stored value is read after
 * mount through `parse`, which must turn anything malformed into a valid value.
 */
export function useStoredState<T>(
  key: string,
  initial: T,
  parse: (raw: string | null) => T,
): [T, (next: T | ((previous: T) => T)) => void, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(key);
    } catch {
      // Storage disabled: keep the in-memory value.
    }
    // Reading storage must wait for mount so server and client render the same markup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setValue(parse(raw));
    setLoaded(true);
    // `parse` is a pure function of the raw string; re-reading on its identity is not wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const update = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        try {
          localStorage.setItem(key, JSON.stringify(resolved));
        } catch {
          // Quota or privacy mode: the value still lives for this page view.
        }
        return resolved;
      });
    },
    [key],
  );

  return [value, update, loaded];
}
