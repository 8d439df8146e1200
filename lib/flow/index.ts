/**
 * The event-flow simulation behind the live architecture diagrams: the public surface.
 * Pure TypeScript: no React, no DOM, no drawing library.
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
  routeRead,
  shardFor,
  shardNode,
  tickFlow,
} from './simulation';
export * from './view';
export * from './drills';
export * from './controller';

export * from './stages';
