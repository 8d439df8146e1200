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
