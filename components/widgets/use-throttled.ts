'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * Calls `fn` at most every `ms`, always delivering the latest value: progress messages
 * arrive by the hundred, a progress bar needs a few re-renders a second.
 */
export function useThrottled<T>(fn: (v: T) => void, ms: number): (v: T) => void {
  const last = useRef(0);
  const pending = useRef<{ v: T } | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(
    (v: T) => {
      pending.current = { v };
      if (timer.current !== null) return;
      const wait = Math.max(0, last.current + ms - performance.now());
      timer.current = window.setTimeout(() => {
        timer.current = null;
        last.current = performance.now();
        if (pending.current) fn(pending.current.v);
        pending.current = null;
      }, wait);
    },
    [fn, ms],
  );
}
