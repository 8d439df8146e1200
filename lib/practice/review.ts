/**
 * Review: a candidate's design beside the variant's reference, with the differences listed,
 * and a plain-text description of any design (for screen readers, the Markdown export and
 * the AI prompt).
 */
import {
  compileTopology,
  componentSpecs,
  paramOf,
  type ComponentKind,
  type Topology,
  type TopologyNode,
} from '@/lib/flow/topology';
import type { RunSummary } from './attempt';
import type { RunResult } from './run';

export interface DesignDifference {
  readonly kind: 'missing' | 'extra' | 'choice';
  readonly text: string;
}

const label = (kind: ComponentKind) => componentSpecs[kind].label;
const count = (t: Topology, kind: ComponentKind) => t.nodes.filter((n) => n.kind === kind).length;

/** What a design decides, in comparable words. */
function choices(t: Topology): Record<string, string> {
  const plan = compileTopology(t).plan;
  const out: Record<string, string> = {};
  if (!plan) return out;
  out['write path'] = plan.log
    ? `through Kafka to ${[plan.writes.consumersToTruth ? 'PostgreSQL' : null, plan.writes.consumersToCache ? 'Redis' : null].filter(Boolean).join(' and ')}`
    : `the API writes ${[plan.writes.apiToTruth ? 'PostgreSQL' : null, plan.writes.apiToCache ? 'Redis' : null].filter(Boolean).join(' and ')} itself`;
  out['source of truth'] = plan.truth ? 'PostgreSQL' : plan.log ? 'the Kafka log only' : 'none';
  out['Redis'] = plan.shards.length
    ? plan.shards.length === 1
      ? `one instance${plan.replicatedShards ? ' with a replica' : ''}`
      : `${plan.shards.length} ${plan.sharding} shards${plan.replicatedShards ? ', each with a replica' : ''}`
    : 'none';
  const idem = plan.log ? plan.writes.consumersIdempotent : plan.writes.apiIdempotent;
  out['duplicates'] = idem ? 'skipped by version' : 'applied again';
  out['PostgreSQL replicas'] = plan.truth ? String(plan.truthReplicas) : 'n/a';
  out['rank reads'] = plan.reads.fromCache
    ? 'Redis'
    : plan.reads.fromTruth === 'primary'
      ? 'PostgreSQL'
      : 'histogram';
  return out;
}

/**
 * The differences between a candidate's design and the reference: components the reference
 * has and theirs lacks, components only theirs has, and choices made differently.
 * @returns differences, missing first. O(nodes + edges).
 */
export function compareDesigns(theirs: Topology, reference: Topology): DesignDifference[] {
  const out: DesignDifference[] = [];
  const kinds = Object.keys(componentSpecs) as ComponentKind[];
  for (const kind of kinds) {
    const a = count(theirs, kind);
    const b = count(reference, kind);
    if (b > 0 && a === 0)
      out.push({ kind: 'missing', text: `No ${label(kind)}: the reference has one.` });
    if (a > 0 && b === 0 && kind !== 'board') {
      out.push({ kind: 'extra', text: `A ${label(kind)} the reference does without.` });
    }
  }
  const mine = choices(theirs);
  const ref = choices(reference);
  for (const [key, value] of Object.entries(ref)) {
    const yours = mine[key];
    if (yours === undefined) continue;
    if (yours !== value)
      out.push({ kind: 'choice', text: `${key}: yours ${yours}; the reference ${value}.` });
  }
  if (!compileTopology(theirs).plan) {
    out.unshift({
      kind: 'choice',
      text: 'Your design has an error and cannot run (see the messages on its nodes).',
    });
  }
  return out;
}

/** One node in words: "Kafka topic k1 (12 partitions, 168 h retention)". */
function describeNode(n: TopologyNode): string {
  const spec = componentSpecs[n.kind];
  const params = spec.params
    .filter((p) => p.type !== 'text' || paramOf(n, p.key))
    .map((p) => {
      const v = paramOf(n, p.key);
      if (p.type === 'boolean') return v ? p.label.toLowerCase() : null;
      return `${p.label.toLowerCase()} ${String(v)}${p.type === 'int' && p.unit ? ` ${p.unit}` : ''}`;
    })
    .filter(Boolean);
  return `${spec.label} "${n.id}"${params.length ? ` (${params.join(', ')})` : ''}`;
}

/**
 * A design in plain sentences: its components, then every arrow with what it carries.
 * @returns a paragraph-sized text (an empty design says so). O(nodes + edges).
 */
export function describeTopology(t: Topology): string {
  if (t.nodes.length === 0) return 'The canvas is empty.';
  const parts = [
    `${t.nodes.length} component${t.nodes.length === 1 ? '' : 's'}: ${t.nodes.map(describeNode).join('; ')}.`,
  ];
  if (t.edges.length === 0) parts.push('No arrows yet.');
  else {
    const verb: Record<string, string> = {
      write: 'writes to',
      read: 'reads from',
      'read-write': 'reads from and writes to',
      replication: 'replicates to',
      recovery: 'can rebuild',
    };
    parts.push(
      `${t.edges.length} arrow${t.edges.length === 1 ? '' : 's'}: ${t.edges.map((e) => `${e.source} ${verb[e.flow] ?? e.flow} ${e.target}`).join('; ')}.`,
    );
  }
  return parts.join(' ');
}

/** One line of the side-by-side results: a check or a drill, and each design's verdict. */
export interface RunComparisonRow {
  readonly id: string;
  readonly title: string;
  /** "pass" / "fail" for a check; "survived" / "failed" / "n/a" for a drill; "not run". */
  readonly yours: string;
  readonly reference: string;
}

const checkVerdict = (c: { readonly passed: boolean } | undefined) =>
  c ? (c.passed ? 'pass' : 'fail') : 'not run';
const drillVerdict = (
  d: { readonly passed: boolean; readonly skipped: string | null } | undefined,
) => (d ? (d.skipped ? 'n/a' : d.passed ? 'survived' : 'failed') : 'not run');

/**
 * The candidate's last run beside the reference design's, check by check then drill by
 * drill, in the reference's order.
 * @returns one row per check and drill of the reference run. O(checks + drills).
 */
export function compareRuns(yours: RunSummary | null, reference: RunResult): RunComparisonRow[] {
  return [
    ...reference.requirements.map((c) => ({
      id: c.id,
      title: c.title,
      yours: checkVerdict(yours?.requirements.find((r) => r.id === c.id)),
      reference: checkVerdict(c),
    })),
    ...reference.drills.map((d) => ({
      id: d.id,
      title: d.title,
      yours: drillVerdict(yours?.drills.find((r) => r.id === d.id)),
      reference: drillVerdict(d),
    })),
  ];
}
