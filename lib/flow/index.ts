/**
 * The event-flow simulation behind the live architecture diagrams and the practice room: the
 * public surface. Pure TypeScript: no React, no DOM, no drawing library.
 *
 * A widget drives a `FlowController` over a topology (the guide's stages live in
 * `content/flow-stages.ts`; without one it runs the sharded pipeline of stage 4):
 *
 * ```ts
 * const sim = new FlowController({ config: { seed: 7 }, settings: { eventRate: 500 }, topology });
 * // each animation frame:
 * sim.advance(frameMs); // 0 while paused; `sim.step()` / `sim.stepBack()` for single steps
 * const view = sim.view(); // lag, offsets, throughput, shards, flights, log, drill
 * // a drill, one tick at a time:
 * sim.startDrill('shard-dies', { source: 'kafka', fromOffset: 0 });
 * while (!sim.view().drill?.done) sim.step(); // narration grows step by step
 * sim.view().drill?.result; // { passed, details }
 * ```
 */
export * from './types';
export {
  applyFlowCommand,
  cloneFlowState,
  consumerName,
  consumerNode,
  createFlowState,
  defaultFlowConfig,
  defaultFlowSettings,
  edgeId,
  homeShard,
  narrate,
  partitionRecords,
  readRecord,
  routeRead,
  shardFor,
  shardName,
  shardNode,
  tickFlow,
} from './simulation';
export * from './view';
export * from './drills';
export * from './controller';

export * from './topology';
export * from './diagram-geometry';
export * from './diagram-live';
export * from './topology-schema';
