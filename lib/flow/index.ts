/**
 * The event-flow simulation behind the live architecture diagrams: the public surface.
 * Pure TypeScript: no React, no DOM, no drawing library.
 *
 * A widget drives a `FlowController` and draws `stageGraph(n)`:
 *
 * ```ts
 * const sim = new FlowController({ config: { seed: 7 }, settings: { eventRate: 500 } });
 * // each animation frame:
 * sim.advance(frameMs); // 0 while paused; `sim.step()` / `sim.stepBack()` for single steps
 * const view = sim.view(); // lag, offsets, throughput, shards, flights, log, drill
 * // a drill, one tick at a time:
 * sim.startDrill('shard-dies', { source: 'kafka', fromOffset: 0 });
 * while (!sim.view().drill?.done) sim.step(); // narration grows step by step
 * sim.view().drill?.result; // { passed, details }
 * ```
 *
 * The simulation always runs the sharded topology (stage 4); `stageEdgeFor` maps a simulated
 * hop onto the edge a given stage draws.
 */
export * from './types';
export {
  applyFlowCommand,
  cloneFlowState,
  consumerNode,
  createFlowState,
  defaultFlowConfig,
  defaultFlowSettings,
  edgeId,
  narrate,
  partitionRecords,
  readRecord,
  routeRead,
  shardFor,
  shardNode,
  tickFlow,
} from './simulation';
export * from './view';
export * from './drills';
export * from './controller';

export * from './stages';
export * from './diagram-geometry';
export * from './diagram-live';
