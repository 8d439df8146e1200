import { describe, expect, it } from 'vitest';
import { pipelineTopology } from '../flow/topology';
import { runDesign, type RunRequest } from '../practice/run';
import { costs, load, requirements } from '../practice/test-support';
import { servePractice, type PracticeApi } from './practice-host';
import { createRpcClient, type Progress } from './rpc';
import { inProcessWorker, rejection, timerYield } from './test-support';

/** A practice worker served in-process. `sliceMs: 0` yields at every progress report. */
function setup(sliceMs = 30) {
  const port = inProcessWorker(
    (post) => servePractice(post, { yieldNow: timerYield, sliceMs }).handle,
  );
  return createRpcClient<PracticeApi>(port);
}

const request: RunRequest = {
  topology: pipelineTopology({ partitions: 4, consumers: 2, shards: 3 }),
  load,
  requirements,
  costs,
  seed: 7,
  drills: ['shard-dies', 'consumer-dies', 'duplicate-delivery'],
};

describe('practice worker', () => {
  it('answers a run with what runDesign computes, reporting a step per drill', async () => {
    const progress: Progress[] = [];
    const { result, ms } = await setup().call('practice:run', request, {
      onProgress: (p) => progress.push(p),
    }).done;
    expect(result).toEqual(runDesign(request));
    expect(result.drills.map((d) => d.id)).toEqual(request.drills);
    expect(ms).toBeGreaterThan(0);
    expect(progress[0]).toEqual({ phase: 'capacity', done: 0, total: 1 });
    const drillSteps = progress.filter((p) => p.phase === 'drills');
    expect(drillSteps.map((p) => p.done)).toEqual(result.drills.map((_, i) => i));
    expect(drillSteps.every((p) => p.total === result.drills.length)).toBe(true);
  });

  it('answers a design with an error with its issues, no steps', async () => {
    const progress: Progress[] = [];
    const { result } = await setup().call(
      'practice:run',
      { ...request, topology: { nodes: [{ id: 'api', kind: 'api' }], edges: [] } },
      { onProgress: (p) => progress.push(p) },
    ).done;
    expect(result.capacity).toBeNull();
    expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
    expect(progress).toEqual([]);
  });

  it('refuses a malformed request before running anything, saying where it is wrong', async () => {
    const client = setup();
    const cases: [unknown, RegExp][] = [
      [{ ...request, topology: { nodes: [{ id: 'x', kind: 'mainframe' }], edges: [] } }, /kind/],
      [{ ...request, load: { ...load, players: -1 } }, /load\.players/],
      [{ ...request, costs: { ...costs, redis: undefined } }, /costs\.redis/],
      [{ ...request, requirements: { ...requirements, exactRank: 'some' } }, /exactRank/],
      [
        {
          ...request,
          topology: {
            nodes: Array.from({ length: 201 }, (_, i) => ({ id: `n${i}`, kind: 'api' })),
            edges: [],
          },
        },
        /at most 200 components/,
      ],
    ];
    for (const [params, message] of cases) {
      const e = await rejection(client.call('practice:run', params as RunRequest).done);
      expect(e?.code).toBe('invalid');
      expect(e?.message).toMatch(message);
    }
  });

  it('a cancelled run stops between drills and settles as cancelled', async () => {
    const client = setup(0);
    const seen: Progress[] = [];
    const call = client.call('practice:run', request, {
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === 'drills' && p.done === 0) call.cancel();
      },
    });
    const e = await rejection(call.done);
    expect(e?.code).toBe('cancelled');
    expect(seen.filter((p) => p.phase === 'drills').length).toBeLessThan(
      runDesign(request).drills.length,
    );
    // The worker is free again: the next run completes.
    expect((await client.call('practice:run', request).done).result.drills.length).toBeGreaterThan(
      0,
    );
  });
});
