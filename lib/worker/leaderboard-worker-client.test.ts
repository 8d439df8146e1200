import { describe, expect, it } from 'vitest';
import { createClient } from '../engine/client';
import {
  LeaderboardPlaygroundHost,
  type PlaygroundRequest,
  type PlaygroundResponse,
} from '../leaderboard/playground-host';
import { parseParams, SHARDING_PARAMS } from '../leaderboard/playground-params';
import {
  createLeaderboardWorkerClient,
  LeaderboardWorkerError,
  type LeaderboardWorkerLike,
} from './leaderboard-worker-client';

/** An in-process "worker": messages cross as timer tasks, like a real one. */
function fakeWorker(): LeaderboardWorkerLike {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const host = new LeaderboardPlaygroundHost({
    createClient: () => createClient(),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    sliceMs: 0,
  });
  const post = (m: PlaygroundResponse) =>
    setTimeout(() => listeners.forEach((l) => l({ data: structuredClone(m) })), 0);
  return {
    postMessage: (m: PlaygroundRequest) => {
      const copy = structuredClone(m);
      setTimeout(() => void host.handle(copy, post), 0);
    },
    addEventListener: (_t, l) => listeners.push(l),
  };
}

describe('leaderboard worker client', () => {
  it('loads a sharding world with progress and answers the same ranks three ways', async () => {
    const client = createLeaderboardWorkerClient(fakeWorker());
    const params = parseParams(SHARDING_PARAMS, { players: '2000', shards: '4' }).values;
    const phases = new Set<string>();
    const view = await client.call({ type: 'lb:sharding:load', params }, (p) => phases.add(p.phase))
      .done;
    expect(phases.size).toBeGreaterThan(0);
    expect(view.players).toBe(2000);
    expect(view.rangeRank.rank?.rank).toBe(view.exactRank.rank?.rank);
    expect(view.hashRank.rank?.rank).toBe(view.exactRank.rank?.rank);
    const again = await client.call({ type: 'lb:sharding:view', mode: 'hash', player: 5 }).done;
    expect(again.mode).toBe('hash');
  });

  it('rejects a cancelled load with cancelled: true', async () => {
    const client = createLeaderboardWorkerClient(fakeWorker());
    const params = parseParams(SHARDING_PARAMS, { players: '200000' }).values;
    const call = client.call({ type: 'lb:sharding:load', params }, () => call.cancel());
    const error = await call.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeaderboardWorkerError);
    expect((error as LeaderboardWorkerError).cancelled).toBe(true);
  });

  it('rejects a view before any load with the host message', async () => {
    const client = createLeaderboardWorkerClient(fakeWorker());
    await expect(
      client.call({ type: 'lb:sharding:view', mode: 'range', player: 0 }).done,
    ).rejects.toThrow(/no sharding world loaded/);
  });
});
