/**
 * Helpers shared by the simulation's tests: an oracle that folds the Kafka log by unique
 * event id (deliberately not by version, the consumer's mechanism) and a logical copy of a
 * state for deep equality.
 */
import { partitionRecords } from './simulation';
import type { FlowState } from './types';

/**
 * Every player's total from the whole log, counting each event id once.
 * @returns totals by player id, or null when retention has deleted part of the log.
 */
export function foldLogByEventId(state: FlowState): Float64Array | null {
  const totals = new Float64Array(state.config.players);
  const seen = new Set<number>();
  for (let pi = 0; pi < state.partitions.length; pi++) {
    if (state.partitions[pi]?.logStart !== 0) return null;
    for (const rec of partitionRecords(state, pi)) {
      if (seen.has(rec.eventId)) continue;
      seen.add(rec.eventId);
      totals[rec.player] = (totals[rec.player] ?? 0) + rec.delta;
    }
  }
  return totals;
}

/** The state with each partition's records cut to what it owns, for `toEqual`. */
export function logical(state: FlowState): unknown {
  return {
    ...state,
    partitions: state.partitions.map((p, i) => ({
      ...p,
      log: partitionRecords(state, i),
    })),
  };
}
