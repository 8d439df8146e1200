import { describe, expect, it } from 'vitest';
import { FlowController } from './controller';
import { applyFlowCommand, createFlowState, tickFlow } from './simulation';
import {
  compileTopology,
  paramOf,
  pipelineTopology,
  type Topology,
  type TopologyEdge,
  type TopologyNode,
} from './topology';
import { compareWithExpected } from './view';

const node = (id: string, kind: TopologyNode['kind'], params?: TopologyNode['params']) =>
  ({ id, kind, ...(params ? { params } : {}) }) as TopologyNode;
const edge = (source: string, target: string, flow: TopologyEdge['flow']): TopologyEdge => ({
  source,
  target,
  flow,
});

/** Clients → API → Redis: the smallest design that runs. */
const minimal: Topology = {
  nodes: [node('c', 'clients'), node('a', 'api'), node('r', 'redis')],
  edges: [edge('c', 'a', 'read-write'), edge('a', 'r', 'read-write')],
};

const errorsOn = (t: Topology) =>
  compileTopology(t)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => [i.node, i.message] as const);

/** PostgreSQL first: the API commits, the outbox relay publishes, consumers write Redis. */
const outbox: Topology = {
  nodes: [
    node('c', 'clients'),
    node('a', 'api', { idempotent: true }),
    node('pg', 'postgres'),
    node('k', 'kafka', { partitions: 4 }),
    node('g', 'consumers', { consumers: 2 }),
    node('r', 'redis'),
  ],
  edges: [
    edge('c', 'a', 'read-write'),
    edge('a', 'pg', 'write'),
    edge('pg', 'k', 'outbox'),
    edge('k', 'g', 'write'),
    edge('g', 'r', 'write'),
    edge('a', 'r', 'read'),
  ],
};

describe('the transactional outbox', () => {
  it('compiles PostgreSQL → relay → Kafka as the write path, the API never appending', () => {
    const { plan, issues } = compileTopology(outbox);
    expect(issues).toEqual([]);
    expect(plan).toMatchObject({ log: 'k', truth: 'pg', consumers: ['g', 'g'] });
    expect(plan?.writes).toMatchObject({
      apiToTruth: true,
      apiToLog: false,
      outbox: true,
      consumersToTruth: false,
      consumersToCache: true,
    });
  });

  it('refuses a second way into the topic and an outbox nobody writes', () => {
    const twice = { ...outbox, edges: [...outbox.edges, edge('a', 'k', 'write')] };
    expect(errorsOn(twice)).toEqual([
      [
        'a',
        'The API appends to the topic and PostgreSQL’s outbox relays to it too: every event would be published twice. Keep the outbox.',
      ],
    ]);
    const orphan: Topology = {
      nodes: [...outbox.nodes, node('pg2', 'postgres')],
      edges: [...outbox.edges.filter((e) => e.target !== 'k'), edge('pg2', 'k', 'outbox')],
    };
    expect(errorsOn(orphan).map(([n]) => n)).toContain('pg2');
    expect(errorsOn({ ...outbox, edges: [...outbox.edges, edge('a', 'k', 'outbox')] })).toEqual([
      ['a', 'API service → Kafka topic can carry write, not an outbox relay.'],
    ]);
  });

  it('loses nothing and counts a republished row once', () => {
    const c = new FlowController({
      config: { seed: 4, players: 200, shards: 1 },
      topology: outbox,
    });
    for (let i = 0; i < 30; i++) c.step();
    applyFlowCommand(c.state, { type: 'duplicate-next', count: 20 });
    for (let i = 0; i < 30; i++) c.step();
    expect(c.state.totals.duplicatesProduced).toBe(20);
    expect(c.state.totals.duplicatesSkipped).toBeGreaterThanOrEqual(20);
    c.setEventRate(0);
    for (let i = 0; i < 100; i++) c.step();
    expect(compareWithExpected(c.state)).toEqual({ mismatches: 0, examples: [] });
  });
});

describe('compileTopology', () => {
  it('runs the smallest design: the API writes and reads one Redis', () => {
    const { plan, issues } = compileTopology(minimal);
    expect(issues).toEqual([]);
    expect(plan).toMatchObject({
      clients: 'c',
      writeApi: 'a',
      readApi: 'a',
      log: null,
      truth: null,
      shards: ['r'],
      reads: { fromCache: true, fromTruth: 'none' },
    });
  });

  it('expands a Redis cluster and a consumer group into instances on one node', () => {
    const t: Topology = {
      nodes: [
        node('c', 'clients'),
        node('lb', 'load-balancer'),
        node('a', 'api'),
        node('k', 'kafka', { partitions: 12 }),
        node('g', 'consumers', { consumers: 4, idempotent: true }),
        node('r', 'redis', { mode: 'cluster', shards: 3, sharding: 'hash', replicated: true }),
        node('pg', 'postgres'),
      ],
      edges: [
        edge('c', 'lb', 'read-write'),
        edge('lb', 'a', 'read-write'),
        edge('a', 'k', 'write'),
        edge('k', 'g', 'write'),
        edge('g', 'pg', 'write'),
        edge('g', 'r', 'write'),
        edge('a', 'r', 'read'),
      ],
    };
    const { plan, issues } = compileTopology(t);
    expect(issues).toEqual([]);
    expect(plan).toMatchObject({
      writeFront: ['lb'],
      partitions: 12,
      consumers: ['g', 'g', 'g', 'g'],
      shards: ['r', 'r', 'r'],
      sharding: 'hash',
      replicatedShards: true,
      truthReplicas: 1,
    });
  });

  it('puts each problem on the node it is about', () => {
    expect(errorsOn({ nodes: [node('a', 'api')], edges: [] })).toContainEqual([
      null,
      'Add a Clients component: nothing sends load.',
    ]);
    // A read path with no store.
    expect(
      errorsOn({
        nodes: [node('c', 'clients'), node('a', 'api'), node('pg', 'postgres')],
        edges: [edge('c', 'a', 'read-write'), edge('a', 'pg', 'write')],
      }),
    ).toContainEqual([
      'a',
      'Reads reach no store: draw a read arrow to Redis, PostgreSQL or a cache in front of one.',
    ]);
    // A parameter out of range.
    const bad = {
      ...minimal,
      nodes: [...minimal.nodes.slice(0, 2), node('r', 'redis', { shards: 0 })],
    };
    expect(errorsOn(bad)).toContainEqual([
      'r',
      'Shards must be a whole number from 1–256 (it is 0).',
    ]);
    // A flow the components cannot carry.
    const wrong = { ...minimal, edges: [...minimal.edges, edge('r', 'c', 'write')] };
    expect(errorsOn(wrong)).toContainEqual(['r', 'Redis does not send anything to Clients.']);
    // A topic nobody consumes.
    expect(
      errorsOn({
        nodes: [node('c', 'clients'), node('a', 'api'), node('k', 'kafka'), node('r', 'redis')],
        edges: [edge('c', 'a', 'read-write'), edge('a', 'k', 'write'), edge('a', 'r', 'read')],
      }).map(([n]) => n),
    ).toContain('k');
  });

  it('refuses a cycle and names it on every node in it', () => {
    const t: Topology = {
      nodes: [
        node('c', 'clients'),
        node('lb', 'load-balancer'),
        node('a', 'api'),
        node('r', 'redis'),
      ],
      edges: [
        edge('c', 'lb', 'read-write'),
        edge('lb', 'a', 'read-write'),
        edge('a', 'r', 'read-write'),
        edge('r', 'r', 'replication'),
      ],
    };
    expect(errorsOn(t)).toContainEqual(['r', 'Redis has an arrow to itself.']);
    const loop: Topology = {
      nodes: [
        node('c', 'clients'),
        node('a', 'api'),
        node('sr', 'shard-router'),
        node('r', 'redis'),
        node('b', 'board'),
      ],
      edges: [
        edge('c', 'a', 'read-write'),
        edge('a', 'sr', 'read-write'),
        edge('sr', 'r', 'read-write'),
        edge('sr', 'b', 'write'),
        edge('b', 'sr', 'read'),
      ],
    };
    const cycle = errorsOn(loop).filter(([, m]) => m.startsWith('Requests go round'));
    expect(cycle.map(([n]) => n).sort()).toEqual(['b', 'sr']);
    expect(cycle[0]?.[1]).toMatch(/sr → b → sr|b → sr → b/);
  });

  it('refuses double application: the API and the consumers both writing Redis', () => {
    const t: Topology = {
      nodes: [
        node('c', 'clients'),
        node('a', 'api'),
        node('k', 'kafka'),
        node('g', 'consumers'),
        node('r', 'redis'),
      ],
      edges: [
        edge('c', 'a', 'read-write'),
        edge('a', 'k', 'write'),
        edge('k', 'g', 'write'),
        edge('g', 'r', 'write'),
        edge('a', 'r', 'read-write'),
      ],
    };
    expect(errorsOn(t)).toContainEqual([
      'a',
      'The API and the consumers both write Redis: every event would be applied twice.',
    ]);
  });

  it('gives defaults for parameters a node does not set', () => {
    expect(paramOf(node('k', 'kafka'), 'partitions')).toBe(6);
    expect(paramOf(node('k', 'kafka', { partitions: 9 }), 'partitions')).toBe(9);
    expect(paramOf(node('r', 'redis'), 'mode')).toBe('standalone');
  });

  it('the default pipeline compiles to the sizes it was given', () => {
    const plan = compileTopology(pipelineTopology({ partitions: 4, consumers: 2, shards: 5 })).plan;
    expect(plan?.partitions).toBe(4);
    expect(plan?.consumers).toHaveLength(2);
    expect(plan?.shards).toHaveLength(5);
  });
});

describe('drawn bands, a population and a top-K cache', () => {
  const withFloors = (floors: (number | undefined)[]): Topology => {
    const base = pipelineTopology({ partitions: 2, consumers: 1, shards: floors.length });
    let k = 0;
    return {
      ...base,
      nodes: base.nodes.map((n) => {
        if (n.kind !== 'redis') return n;
        const floor = floors[k++];
        return floor === undefined ? n : { ...n, params: { ...n.params, minScore: floor } };
      }),
    };
  };

  it('orders range shards by their floors, and refuses floors on only some shards', () => {
    const plan = compileTopology(withFloors([500, 0, 100])).plan!;
    expect(plan.shardFloors).toEqual([0, 100, 500]);
    expect(plan.shards).toEqual(['redis-shard-1', 'redis-shard-2', 'redis-shard-0']);
    expect(compileTopology(withFloors([undefined, undefined])).plan!.shardFloors).toBeNull();
    expect(errorsOn(withFloors([0, undefined]))).toEqual([
      ['shard-router', expect.stringMatching(/every shard .* or none/)],
    ]);
    expect(errorsOn(withFloors([10, 20]))[0]?.[1]).toMatch(/must start at score 0/);
    expect(errorsOn(withFloors([0, 0]))[0]?.[1]).toMatch(/same score/);
  });

  it('refuses a population whose shares do not sum to 1', () => {
    const t: Topology = {
      ...minimal,
      population: [
        { minScore: 0, share: 0.5, activity: 1 },
        { minScore: 10, share: 0.4, activity: 1 },
      ],
    };
    expect(errorsOn(t)).toEqual([[null, expect.stringMatching(/sum to 0\.900, not 1/)]]);
  });

  it('places players in the population’s bands, the most active highest', () => {
    const t: Topology = {
      ...withFloors([0, 1_000]),
      population: [
        { minScore: 0, share: 0.9, activity: 1 },
        { minScore: 1_000, share: 0.1, activity: 9 },
      ],
    };
    const s = createFlowState({ players: 100 }, {}, t);
    expect(s.settings.traffic).toBe('skewed');
    expect(s.shards.map((x) => x.size)).toEqual([90, 10]);
    // Writes follow activity: the top band's 10% of players take about half of them (more,
    // as players near 1,000 climb into it).
    for (let i = 0; i < 200; i++) tickFlow(s);
    const share = (s.shards[1]?.writes ?? 0) / s.shards.reduce((a, x) => a + x.writes, 0);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
  });

  it('answers top-K reads from a cache in front of the store, refreshed once per TTL', () => {
    const t: Topology = {
      nodes: [...minimal.nodes, node('tk', 'topk-cache', { ttlSeconds: 2 })],
      edges: [
        edge('c', 'a', 'read-write'),
        edge('a', 'r', 'read-write'),
        edge('a', 'tk', 'read'),
        edge('tk', 'r', 'read'),
      ],
    };
    const plan = compileTopology(t).plan!;
    expect(plan.reads.topKCache).toEqual({ node: 'tk', ttlSeconds: 2 });
    expect(plan.passive).not.toContain('tk');
    const s = createFlowState({}, { readRate: 100 }, t);
    for (let i = 0; i < 100; i++) tickFlow(s);
    // 10 s at a 2 s TTL: five refreshes.
    expect(s.topKCache?.refreshes).toBe(5);
    expect(s.topKCache?.hits).toBe(s.totals.topK.served - 5);
  });
});

describe('simulating other designs', () => {
  it('refuses to create a run from a design with an error, quoting it', () => {
    expect(() => createFlowState({}, {}, { nodes: [node('a', 'api')], edges: [] })).toThrow(
      /cannot run: Add a Clients component/,
    );
  });

  it('keeps the clients, PostgreSQL and Redis in step when the API writes both directly', () => {
    const t: Topology = {
      nodes: [
        node('c', 'clients'),
        node('a', 'api', { idempotent: true }),
        node('pg', 'postgres'),
        node('r', 'redis'),
      ],
      edges: [edge('c', 'a', 'read-write'), edge('a', 'pg', 'write'), edge('a', 'r', 'read-write')],
    };
    const s = createFlowState({ seed: 3, players: 200 }, {}, t);
    applyFlowCommand(s, { type: 'duplicate-next', count: 30 });
    for (let i = 0; i < 100; i++) tickFlow(s);
    expect(s.totals.duplicatesProduced).toBe(30);
    expect(compareWithExpected(s)).toEqual({ mismatches: 0, examples: [] });
  });

  it('double-counts duplicates when Redis alone takes a ZINCRBY per event', () => {
    const s = createFlowState({ seed: 3, players: 200 }, {}, minimal);
    applyFlowCommand(s, { type: 'duplicate-next', count: 30 });
    for (let i = 0; i < 100; i++) tickFlow(s);
    const cmp = compareWithExpected(s);
    expect(cmp.mismatches).toBeGreaterThan(0);
    expect(cmp.examples[0]).toMatch(/double-counted/);
  });

  it('fails a Redis primary over to its replica and loses the writes in flight', () => {
    const t: Topology = {
      nodes: [node('c', 'clients'), node('a', 'api'), node('r', 'redis', { mode: 'replicated' })],
      edges: [edge('c', 'a', 'read-write'), edge('a', 'r', 'read-write')],
    };
    const c = new FlowController({ config: { seed: 5, players: 300 }, topology: t });
    for (let i = 0; i < 20; i++) c.step();
    c.dispatch({ type: 'kill-shard', shard: 0 });
    expect(c.state.shards[0]?.status).toBe('failover');
    for (let i = 0; i < c.state.config.failoverTicks; i++) c.step();
    expect(c.state.shards[0]?.status).toBe('up');
    expect(c.state.shards[0]?.lostOnFailover).toBeGreaterThan(0);
    expect(c.state.shards[0]?.size).toBe(300);
  });
});
