import * as v from 'valibot';
import { topologySchema } from '../flow/topology-schema';
import type { CostTable } from '../practice/capacity';
import { runDesignSteps, type RunRequest, type RunResult } from '../practice/run';
import type { Load, Requirements } from '../practice/variant';
import { method, runSteps, serveApi, type RpcResponse, type ServeOptions } from './rpc';

/**
 * The practice room's worker: one method, a whole run of a candidate's design (capacity
 * pass, requirement checks, every drill that applies), served through the RPC layer of
 * rpc.ts. It reports a step per drill, so the room can show how far a run is and a newer run
 * cancels an older one between drills. The worker keeps no state between runs.
 */

/** A count or a rate: a finite number, zero or more. */
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
/** A share: 0 to 1. */
const share = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));

// Each schema is typed as the interface it checks: a field the interface gains and the
// schema lacks fails the type check (valibot drops keys a schema does not name).
const loadSchema: v.GenericSchema<unknown, Load> = v.object({
  players: amount,
  dailyActives: amount,
  peakWritesPerSecond: amount,
  peakReadsPerSecond: amount,
  readMix: v.object({ sharedPages: share, ownRank: share, friendBoards: share }),
  boardWritesPerUpdate: amount,
  boardBytes: amount,
  updatesPerDay: amount,
});

const requirementsSchema: v.GenericSchema<unknown, Requirements> = v.object({
  freshnessSeconds: amount,
  readP99Ms: amount,
  exactRank: v.union([
    v.literal('all'),
    v.literal('approximate'),
    v.object({ top: v.pipe(amount, v.integer()) }),
  ]),
  memoryHeadroom: share,
});

const costsSchema: v.GenericSchema<unknown, CostTable> = v.object({
  redis: v.object({
    zaddMicros: amount,
    zrevrankMicros: amount,
    topPageMicros: amount,
    pointMicros: amount,
    perMemberMicros: amount,
    overheadMicros: amount,
    bytesPerMember: amount,
    rangeSkew: amount,
  }),
  kafka: v.object({
    eventBytes: amount,
    replicas: amount,
    eventsPerPartitionPerSecond: amount,
    produceMs: amount,
  }),
  consumerEventsPerSecond: amount,
  postgres: v.object({
    writesPerSecond: amount,
    cores: amount,
    rankReadMs: amount,
    topPageMs: amount,
  }),
  api: v.object({ requestsPerSecond: amount, serviceMs: amount }),
  loadBalancerRequestsPerSecond: amount,
  cdn: v.object({ hotPages: amount, edgeLocations: amount }),
  histogramReadsPerSecond: amount,
  friendsPerPlayer: amount,
  networkRttMs: amount,
});

/** What `practice:run` accepts: a `RunRequest`, checked field by field. */
export const runRequestSchema: v.GenericSchema<unknown, RunRequest> = v.object({
  topology: topologySchema,
  load: loadSchema,
  requirements: requirementsSchema,
  costs: costsSchema,
  seed: v.optional(v.pipe(v.number(), v.safeInteger())),
  drills: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100))),
});

/** A run's result and how long the worker spent on it (wall clock, ms). */
export interface PracticeRun {
  readonly result: RunResult;
  readonly ms: number;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The practice worker's API. */
export function practiceApi() {
  return {
    'practice:run': method({
      params: runRequestSchema,
      run: async (request, context): Promise<PracticeRun> => {
        const started = clock();
        const result = await runSteps(runDesignSteps(request), context);
        return { result, ms: clock() - started };
      },
    }),
  };
}

/** The practice worker's API, for typed clients. */
export type PracticeApi = ReturnType<typeof practiceApi>;

/** The message handler serving the practice API (what practice.worker.ts wires up). */
export function servePractice(
  post: (message: RpcResponse) => void,
  options: ServeOptions = {},
): { handle: (message: unknown) => Promise<void> } {
  return { handle: serveApi(practiceApi(), post, options) };
}
