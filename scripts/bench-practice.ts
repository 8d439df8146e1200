/**
 * `npm run bench:practice`: what one "Run" of the practice room costs, on a 30-node design at
 * the guide's 100M-player load: the capacity pass with 60 simulated seconds of backlog, the
 * requirement checks, and every failure drill on the scale model. The room does this in a
 * Web Worker; the target is ≤ 1 s. Prints a table and one JSON line; medians of several
 * rounds (the machine is shared: compare figures from one run only).
 */
import { practiceCosts } from '../content/practice/costs';
import { findVariant } from '../content/practice/prompts';
import type { Topology, TopologyEdge, TopologyNode } from '../lib/flow/topology';
import { capacityPass } from '../lib/practice/capacity';
import { compileTopology } from '../lib/flow/topology';
import { runDesign } from '../lib/practice/run';

const guide = findVariant('global-game');
if (!guide) throw new Error('the guide prompt is missing');

/** The guide's design drawn wide: 16 shards behind a router, replicas, caches: 30 nodes. */
function thirtyNodes(): Topology {
  const shards = Array.from({ length: 16 }, (_, k) => `shard-${k}`);
  const nodes: TopologyNode[] = [
    { id: 'clients', kind: 'clients' },
    { id: 'cdn', kind: 'cdn', params: { ttlSeconds: 2 } },
    { id: 'lb', kind: 'load-balancer', params: { instances: 2 } },
    { id: 'api', kind: 'api', params: { instances: 40, idempotent: true } },
    { id: 'kafka', kind: 'kafka', params: { partitions: 64 } },
    { id: 'writers', kind: 'consumers', params: { consumers: 32, idempotent: true } },
    { id: 'postgres', kind: 'postgres', params: { replicas: 0 } },
    { id: 'pg-replica-1', kind: 'pg-replica' },
    { id: 'pg-replica-2', kind: 'pg-replica' },
    { id: 'router', kind: 'shard-router', params: { sharding: 'range' } },
    ...shards.map((id): TopologyNode => ({
      id,
      kind: 'redis',
      params: { mode: 'replicated', memoryGb: 16 },
    })),
    { id: 'topk', kind: 'topk-cache', params: { ttlSeconds: 1 } },
    { id: 'histogram', kind: 'histogram' },
    { id: 'board-regional', kind: 'board' },
    { id: 'board-guild', kind: 'board' },
  ];
  const edges: TopologyEdge[] = [
    { source: 'clients', target: 'cdn', flow: 'read' },
    { source: 'cdn', target: 'lb', flow: 'read' },
    { source: 'clients', target: 'lb', flow: 'write' },
    { source: 'lb', target: 'api', flow: 'read-write' },
    { source: 'api', target: 'kafka', flow: 'write' },
    { source: 'kafka', target: 'writers', flow: 'write' },
    { source: 'writers', target: 'postgres', flow: 'write' },
    { source: 'writers', target: 'router', flow: 'write' },
    { source: 'postgres', target: 'pg-replica-1', flow: 'replication' },
    { source: 'postgres', target: 'pg-replica-2', flow: 'replication' },
    ...shards.map((s): TopologyEdge => ({ source: 'router', target: s, flow: 'read-write' })),
    { source: 'api', target: 'topk', flow: 'read' },
    { source: 'topk', target: 'router', flow: 'read' },
    { source: 'api', target: 'router', flow: 'read' },
    { source: 'api', target: 'histogram', flow: 'read' },
    { source: 'api', target: 'pg-replica-1', flow: 'read' },
    { source: 'router', target: 'board-regional', flow: 'write' },
    { source: 'router', target: 'board-guild', flow: 'write' },
    { source: 'kafka', target: 'router', flow: 'recovery' },
    { source: 'postgres', target: 'router', flow: 'recovery' },
  ];
  return { nodes, edges };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const topology = thirtyNodes();
const compiled = compileTopology(topology);
if (!compiled.plan)
  throw new Error(`bench design does not compile: ${compiled.issues[0]?.message}`);
const request = {
  topology,
  load: guide.load,
  requirements: guide.requirements,
  costs: practiceCosts,
  seed: 7,
};

// Warm up the JIT once, then measure.
runDesign(request);
const runs: number[] = [];
const capacity: number[] = [];
let drills = 0;
let passed = 0;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  const result = runDesign(request);
  runs.push(performance.now() - t0);
  drills = result.drills.filter((d) => !d.skipped).length;
  passed = result.drills.filter((d) => !d.skipped && d.passed).length;
  const t1 = performance.now();
  for (let i = 0; i < 20; i++)
    capacityPass(topology, compiled.plan, guide.load, guide.requirements, practiceCosts);
  capacity.push((performance.now() - t1) / 20);
}
const rows: Record<string, number> = {
  'nodes in the design': topology.nodes.length,
  'players (load)': guide.load.players,
  'simulated seconds of backlog': 60,
  'capacity pass + 60 s timeline, ms': median(capacity),
  [`whole run (capacity, checks, ${drills} drills), ms`]: median(runs),
  'drills survived': passed,
};
for (const [name, value] of Object.entries(rows)) {
  console.log(
    `${name.padEnd(48)} ${value.toLocaleString('en-US', { maximumFractionDigits: 2 }).padStart(14)}`,
  );
}
console.log(`target: whole run ≤ 1,000 ms → ${median(runs) <= 1000 ? 'met' : 'NOT met'}`);
console.log(JSON.stringify({ bench: 'practice', medians: rows }));
