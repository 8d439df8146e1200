'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunRequest, RunResult } from '@/lib/practice/run';
import type { RunReply } from '@/lib/practice/run.worker';

export type RunStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly result: RunResult; readonly ms: number }
  | { readonly state: 'failed'; readonly error: string };

/**
 * Runs designs in the practice worker, one at a time; an answer to an older request is
 * ignored. The worker starts on the first run, so the page pays nothing until then.
 */
export function useRun(): [
  RunStatus,
  (request: RunRequest, onDone?: (result: RunResult) => void) => void,
  () => void,
] {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const onDoneRef = useRef<((result: RunResult) => void) | undefined>(undefined);
  const [status, setStatus] = useState<RunStatus>({ state: 'idle' });

  useEffect(() => () => worker.current?.terminate(), []);

  const run = useCallback((request: RunRequest, onDone?: (result: RunResult) => void) => {
    onDoneRef.current = onDone;
    if (!worker.current) {
      worker.current = new Worker(new URL('../../lib/practice/run.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.current.addEventListener('message', (event: MessageEvent<RunReply>) => {
        const reply = event.data;
        if (reply.id !== latest.current) return;
        // User Timing marks: how long the page waited, for the browser test and DevTools.
        performance.mark('practice-run-reply');
        if ('error' in reply) {
          setStatus({ state: 'failed', error: reply.error });
          return;
        }
        setStatus({ state: 'done', result: reply.result, ms: reply.ms });
        onDoneRef.current?.(reply.result);
      });
      worker.current.addEventListener('error', (event) => {
        setStatus({
          state: 'failed',
          error: event.message || 'The simulation worker failed to start.',
        });
      });
    }
    latest.current++;
    performance.mark('practice-run-start');
    setStatus({ state: 'running' });
    worker.current.postMessage({ id: latest.current, request });
  }, []);
  const reset = useCallback(() => {
    latest.current++;
    setStatus({ state: 'idle' });
  }, []);
  return [status, run, reset];
}
