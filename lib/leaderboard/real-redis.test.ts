import Redis, { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../engine/index';
import type { RedisLike } from './redis-like';
import { existsSync } from 'node:fs';
import {
  REDIS_CLI,
  REDIS_SERVER,
  startCluster,
  startStandalone,
  type ClusterProcess,
  type ServerProcess,
} from './test-support/redis-cluster';
import { scenarioAnswers } from './test-support/scenario-answers';

/*
 * The same scenario run on the engine, a real redis-server 7.0 and a
 * three-node Redis Cluster must give identical answers (ranks, top-K,
 * moves, estimates, friend boards, churn, commands per operation).
 */

const available = existsSync(REDIS_SERVER) && existsSync(REDIS_CLI);
if (!available) {
  console.warn(
    `SKIPPED: real-Redis scenario tests need ${REDIS_SERVER} and ${REDIS_CLI} (Debian package redis-server); not found.`,
  );
}

describe.skipIf(!available)('scenarios on engine, redis-server and Redis Cluster', () => {
  let server: ServerProcess | undefined;
  let cluster: ClusterProcess | undefined;
  let engineAnswers: Record<string, unknown>;

  beforeAll(async () => {
    [server, cluster] = await Promise.all([startStandalone(), startCluster(3)]);
    engineAnswers = await scenarioAnswers(createClient());
  });

  afterAll(async () => {
    await Promise.all([server?.stop(), cluster?.stop()]);
  });

  it('redis-server gives the engine’s answers', async () => {
    const redis = new Redis({ port: server!.port, host: '127.0.0.1', lazyConnect: true });
    await redis.connect();
    try {
      const answers = await scenarioAnswers(redis as unknown as RedisLike);
      expect(answers).toEqual(engineAnswers);
    } finally {
      redis.disconnect();
    }
  });

  it('a three-node cluster gives the engine’s answers, with shards on one slot or spread', async () => {
    const c = new Cluster(cluster!.nodes, { redisOptions: { lazyConnect: false } });
    try {
      const answers = await scenarioAnswers(c as unknown as RedisLike);
      expect(answers).toEqual(engineAnswers);
      // Cluster.flushall reaches one node only: flush every master.
      await Promise.all(c.nodes('master').map((n) => n.flushall()));
      // Spread range shards: moves become add-then-remove across nodes; answers stay the same.
      const spread = await scenarioAnswers(c as unknown as RedisLike, { rangeLayout: 'spread' });
      const engineSpread = await scenarioAnswers(createClient(), { rangeLayout: 'spread' });
      expect(spread).toEqual(engineSpread);
      expect(spread.ranks).toEqual(engineAnswers.ranks);
    } finally {
      c.disconnect();
    }
  });
});
