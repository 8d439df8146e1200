'use client';

import { useCallback } from 'react';
import type { RunRequest, RunResult } from '@/lib/practice/run';
import type { PracticeRun } from '@/lib/worker/practice-host';
import {
  useWorkerRequest,
  type PracticeClient,
  type WorkerRequest,
} from '@/components/widgets/use-worker';

export type { PracticeRun } from '@/lib/worker/practice-host';

/** A request slot for runs of one design, and the way to start one. */
export interface DesignRun extends Omit<WorkerRequest<PracticeRun>, 'run'> {
  /** Runs `request` in the practice worker, superseding a run in flight. */
  run(request: RunRequest, onDone?: (result: RunResult) => void): void;
}

/**
 * Runs designs in the practice worker through the one request slot of use-worker.ts: a new
 * run cancels the one in flight (between drills), and only the latest one's answer reaches
 * the screen. Marks `practice-run-start` and `practice-run-reply` (User Timing) so the
 * browser test and DevTools see how long the page waited.
 */
export function useDesignRun(client: PracticeClient | null): DesignRun {
  const slot = useWorkerRequest<PracticeRun>();
  const { run: start } = slot;
  const run = useCallback(
    (request: RunRequest, onDone?: (result: RunResult) => void) => {
      if (!client) return;
      performance.mark('practice-run-start');
      start((onProgress) => client.call('practice:run', request, { onProgress }), {
        onResult: (answer) => {
          performance.mark('practice-run-reply');
          onDone?.(answer.result);
        },
      });
    },
    [client, start],
  );
  return { ...slot, run };
}
