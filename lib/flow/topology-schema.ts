import * as v from 'valibot';
import {
  componentSpecs,
  flowKinds,
  type ComponentKind,
  type ParamKey,
  type Topology,
} from './topology';

/**
 * The shape of a topology that crossed a boundary (a worker message, an imported file):
 * known kinds and flows, parameters of the right types, and a size a tab can simulate.
 * Ranges and wiring are not checked here: `compileTopology` reports those on the node or
 * edge they belong to, which is what a reader drawing a design needs to see.
 */

/** The largest design the room opens or runs. */
export const MAX_TOPOLOGY = { nodes: 200, edges: 1000 } as const;

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const finite = v.pipe(v.number(), v.finite());

/** Every parameter a component takes (`satisfies` fails the build when one is missing). */
const paramEntries = {
  instances: v.optional(finite),
  partitions: v.optional(finite),
  retentionHours: v.optional(finite),
  consumers: v.optional(finite),
  group: v.optional(v.pipe(v.string(), v.maxLength(100))),
  idempotent: v.optional(v.boolean()),
  replicas: v.optional(finite),
  synchronous: v.optional(v.boolean()),
  mode: v.optional(v.picklist(['standalone', 'replicated', 'cluster'])),
  shards: v.optional(finite),
  sharding: v.optional(v.picklist(['range', 'hash'])),
  replicated: v.optional(v.boolean()),
  memoryGb: v.optional(finite),
  ttlSeconds: v.optional(finite),
  topK: v.optional(finite),
  buckets: v.optional(finite),
  minScore: v.optional(finite),
} satisfies Record<ParamKey, v.GenericSchema>;

/** A topology, as `Topology` types it. */
export const topologySchema: v.GenericSchema<unknown, Topology> = v.object({
  nodes: v.pipe(
    v.array(
      v.object({
        id: name,
        kind: v.picklist(Object.keys(componentSpecs) as ComponentKind[]),
        params: v.optional(v.object(paramEntries)),
      }),
    ),
    v.maxLength(MAX_TOPOLOGY.nodes, `a design may have at most ${MAX_TOPOLOGY.nodes} components`),
  ),
  edges: v.pipe(
    v.array(v.object({ source: name, target: name, flow: v.picklist(flowKinds) })),
    v.maxLength(MAX_TOPOLOGY.edges, `a design may have at most ${MAX_TOPOLOGY.edges} arrows`),
  ),
  population: v.optional(
    v.pipe(
      v.array(v.object({ minScore: finite, share: finite, activity: finite })),
      v.maxLength(64, 'a population may have at most 64 bands'),
    ),
  ),
});
