import { describe, expect, it } from 'vitest';
import { FlowController } from './controller';
import { designDrills, findDrill } from './drills';
import { compileTopology, type Topology, type TopologyNode } from './topology';

const n = (id: string, kind: TopologyNode['kind'], params?: TopologyNode['params']): TopologyNode =>
  ({ id, kind, ...(params ? { params } : {}) }) as TopologyNode;

/** Designs a candidate might draw, from naive to the guide's. */
const designs = {
  redisOnly: {
    nodes: [n('c', 'clients'), n('a', 'api'), n('r', 'redis')],
    edges: [
      { source: 'c', target: 'a', flow: 'read-write' },
      { source: 'a', target: 'r', flow: 'read-write' },
    ],
  },
  redisReplicaOnly: {
    nodes: [n('c', 'clients'), n('a', 'api'), n('r', 'redis', { mode: 'replicated' })],
    edges: [
      { source: 'c', target: 'a', flow: 'read-write' },
      { source: 'a', target: 'r', flow: 'read-write' },
    ],
  },
  pgThenReplicatedRedis: {
    nodes: [
      n('c', 'clients'),
      n('a', 'api', { idempotent: true }),
      n('pg', 'postgres', { replicas: 1 }),
      n('r', 'redis', { mode: 'replicated' }),
    ],
    edges: [
      { source: 'c', target: 'a', flow: 'read-write' },
      { source: 'a', target: 'pg', flow: 'write' },
      { source: 'a', target: 'r', flow: 'read-write' },
    ],
  },
  logToRedisOnly: {
    nodes: [
      n('c', 'clients'),
      n('a', 'api'),
      n('k', 'kafka', { partitions: 4 }),
      n('g', 'consumers', { consumers: 2, idempotent: true }),
      n('r', 'redis', { mode: 'cluster', shards: 3, sharding: 'hash' }),
    ],
    edges: [
      { source: 'c', target: 'a', flow: 'read-write' },
      { source: 'a', target: 'k', flow: 'write' },
      { source: 'k', target: 'g', flow: 'write' },
      { source: 'g', target: 'r', flow: 'write' },
      { source: 'a', target: 'r', flow: 'read' },
    ],
  },
  guideWithReplicas: {
    nodes: [
      n('c', 'clients'),
      n('a', 'api', { idempotent: true }),
      n('k', 'kafka'),
      n('g', 'consumers', { consumers: 3, idempotent: true }),
      n('pg', 'postgres', { replicas: 1 }),
      n('r', 'redis', { mode: 'cluster', shards: 4, replicated: true }),
    ],
    edges: [
      { source: 'c', target: 'a', flow: 'read-write' },
      { source: 'a', target: 'k', flow: 'write' },
      { source: 'k', target: 'g', flow: 'write' },
      { source: 'g', target: 'pg', flow: 'write' },
      { source: 'g', target: 'r', flow: 'write' },
      { source: 'a', target: 'r', flow: 'read' },
      { source: 'a', target: 'pg', flow: 'read' },
    ],
  },
  sloppyConsumers: {
    nodes: [
      n('c', 'clients'),
      n('a', 'api'),
      n('k', 'kafka'),
      n('g', 'consumers', { consumers: 3, idempotent: false }),
      n('pg', 'postgres'),
      n('r', 'redis'),
    ],
    edges: [
      { source: 'c', target: 'a', flow: 'read-write' },
      { source: 'a', target: 'k', flow: 'write' },
      { source: 'k', target: 'g', flow: 'write' },
      { source: 'g', target: 'pg', flow: 'write' },
      { source: 'g', target: 'r', flow: 'write' },
      { source: 'a', target: 'r', flow: 'read' },
    ],
  },
} satisfies Record<string, Topology>;

function drill(topology: Topology, id: string) {
  const c = new FlowController({ config: { seed: 11, players: 400 }, topology });
  expect(c.startDrill(id)).toBe(true);
  const result = c.runDrillToEnd(20_000);
  return { result, narration: c.state.drill?.narration ?? [], state: c.state };
}

describe('drills on designs the guide does not draw', () => {
  it('a design with Redis alone visibly loses a dead shard and double-counts duplicates', () => {
    const lost = drill(designs.redisOnly, 'shard-dies');
    expect(lost.result?.passed).toBe(false);
    expect(lost.result?.details).toMatch(/lost for good/);
    expect(lost.narration.join(' ')).toMatch(/Nothing to rebuild .* from/);
    const dup = drill(designs.redisOnly, 'duplicate-delivery');
    expect(dup.result?.passed).toBe(false);
    expect(dup.result?.details).toMatch(/double-counted/);
  });

  it('a replica alone loses the writes in flight at failover', () => {
    const { result, narration } = drill(designs.redisReplicaOnly, 'shard-dies');
    expect(narration.join(' ')).toMatch(/had not reached it/);
    expect(result?.passed).toBe(false);
    expect(result?.details).toMatch(/lost for good/);
  });

  it('a replica with PostgreSQL behind it is reconciled and passes', () => {
    const { result } = drill(designs.pgThenReplicatedRedis, 'shard-dies');
    expect(result?.passed, result?.details).toBe(true);
    expect(result?.details).toMatch(/failed over to its replica, then reconciled from PostgreSQL/);
  });

  it('Kafka without PostgreSQL rebuilds a shard by replay, until retention is too short', () => {
    const ok = drill(designs.logToRedisOnly, 'shard-dies');
    expect(ok.result?.passed, ok.result?.details).toBe(true);
    const short = drill(designs.logToRedisOnly, 'retention-too-short');
    expect(short.result?.passed).toBe(false);
    expect(short.narration.join(' ')).toMatch(/no PostgreSQL to reload from/);
  });

  it('PostgreSQL failover: Kafka replays what the promoted replica lost; direct writes lose it', () => {
    const replayed = drill(designs.guideWithReplicas, 'postgres-failover');
    expect(replayed.result?.passed, replayed.result?.details).toBe(true);
    expect(replayed.narration.join(' ')).toMatch(/rewound by timestamp/);
    const direct = drill(designs.pgThenReplicatedRedis, 'postgres-failover');
    expect(direct.result?.passed).toBe(false);
    expect(direct.result?.details).toMatch(/lost in the failover/);
  });

  it('PostgreSQL first with an outbox: a failover loses acknowledged rows unless a standby is synchronous', () => {
    const outbox = (synchronous: boolean): Topology => ({
      nodes: [
        n('c', 'clients'),
        n('a', 'api', { idempotent: true }),
        n('pg', 'postgres', { replicas: 1, synchronous }),
        n('k', 'kafka', { partitions: 4 }),
        n('g', 'consumers', { consumers: 2 }),
        n('r', 'redis', { mode: 'replicated' }),
      ],
      edges: [
        { source: 'c', target: 'a', flow: 'read-write' },
        { source: 'a', target: 'pg', flow: 'write' },
        { source: 'pg', target: 'k', flow: 'outbox' },
        { source: 'k', target: 'g', flow: 'write' },
        { source: 'g', target: 'r', flow: 'write' },
        { source: 'a', target: 'r', flow: 'read' },
      ],
    });
    const asyncStandby = drill(outbox(false), 'postgres-failover');
    expect(asyncStandby.result?.passed).toBe(false);
    expect(asyncStandby.narration.join(' ')).toMatch(/needs a synchronous standby/);
    const syncStandby = drill(outbox(true), 'postgres-failover');
    expect(syncStandby.result?.passed, syncStandby.result?.details).toBe(true);
    expect(syncStandby.narration.join(' ')).toMatch(/nothing was lost/);
  });

  it('consumers that skip no version double-count a redelivery', () => {
    const { result } = drill(designs.sloppyConsumers, 'consumer-dies');
    expect(result?.passed).toBe(false);
    expect(result?.details).toMatch(/double-counted/);
  });

  it('every design drill passes on the guide design with replicas everywhere', () => {
    const plan = compileTopology(designs.guideWithReplicas).plan!;
    for (const d of designDrills) {
      expect(d.appliesTo(plan)).toBeNull();
      const { result } = drill(designs.guideWithReplicas, d.id);
      expect(result?.passed, `${d.id}: ${result?.details}`).toBe(true);
    }
  });

  it('says why a drill does not apply', () => {
    const plan = compileTopology(designs.redisOnly).plan!;
    expect(findDrill('consumer-dies')?.appliesTo(plan)).toBe('the design has no consumers');
    expect(findDrill('postgres-failover')?.appliesTo(plan)).toBe('the design has no PostgreSQL');
  });
});
