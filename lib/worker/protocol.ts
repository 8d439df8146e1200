import type { SortedSetInspection, SortedSetTrace } from '../engine/inspect';
import type { WireReply } from '../engine/reply';

/**
 * The typed messages between the page and the engine worker. Every request
 * carries an `id`; every response echoes it (a load sends several progress
 * messages before its final one). All payloads are plain data, safe for
 * postMessage.
 */

/** Runs one redis-cli line (HELP included) and returns text plus the raw reply. */
export interface LineRequest {
  id: number;
  type: 'line';
  line: string;
}

/** Runs one command given as an argument array. */
export interface CommandRequest {
  id: number;
  type: 'command';
  argv: string[];
}

/**
 * Loads `count` seeded players (12-character names, integer scores
 * 0..maxScore with ties) into the sorted set `key`, `chunkSize` at a time,
 * yielding between chunks so cancel and other requests are handled.
 */
export interface LoadRequest {
  id: number;
  type: 'load';
  key: string;
  count: number;
  seed: number;
  /** Default 1,000,000. */
  maxScore?: number;
  /** Default 10,000 (about 10 ms of work per chunk on a laptop). */
  chunkSize?: number;
}

/** Stops the load whose request id is `target`; what was loaded stays. */
export interface CancelRequest {
  id: number;
  type: 'cancel';
  target: number;
}

/** Drops every key (a fresh keyspace), cancelling any load in progress. */
export interface ResetRequest {
  id: number;
  type: 'reset';
}

/** Asks for the skip list of `key`: nodes, levels and spans (first `limit` nodes). */
export interface SnapshotRequest {
  id: number;
  type: 'snapshot';
  key: string;
  /** Default 64. */
  limit?: number;
}

/** Asks for the search path of ZRANK / ZREVRANK of a member, or of ZADD's insertion point. */
export interface TraceRequest {
  id: number;
  type: 'trace';
  key: string;
  op: 'zrank' | 'zrevrank' | 'zadd';
  member: string;
  /** Required for op 'zadd'. */
  score?: number;
}

export type EngineRequest =
  | LineRequest
  | CommandRequest
  | LoadRequest
  | CancelRequest
  | ResetRequest
  | SnapshotRequest
  | TraceRequest;

/** Reply to a line: what redis-cli prints, the raw reply, and the parsed arguments. */
export interface LineResponse {
  id: number;
  type: 'line';
  text: string;
  reply: WireReply;
  argv: string[];
  /** Elements of an array reply left out (the reply and text keep the first 1,000). */
  omitted?: number;
}

/** Reply to a structured command. */
export interface CommandResponse {
  id: number;
  type: 'reply';
  reply: WireReply;
}

/** Progress of a load, after each chunk. */
export interface ProgressResponse {
  id: number;
  type: 'progress';
  loaded: number;
  total: number;
}

/** The end of a load (finished, cancelled, or failed with `error`). */
export interface LoadedResponse {
  id: number;
  type: 'loaded';
  key: string;
  /** Members produced and offered to the set. */
  loaded: number;
  /** Members that were new (ZADD's count). */
  added: number;
  total: number;
  cancelled: boolean;
  /** Wall time from request to end, in milliseconds. */
  ms: number;
  /** Redis-style error text when the load failed (e.g. WRONGTYPE). */
  error?: string;
}

/** Acknowledges a reset or a cancel. */
export interface OkResponse {
  id: number;
  type: 'ok';
}

/** The skip list of a key. */
export interface SnapshotResponse {
  id: number;
  type: 'snapshot';
  inspection: SortedSetInspection;
}

/** A search path. */
export interface TraceResponse {
  id: number;
  type: 'trace';
  trace: SortedSetTrace;
}

/** A request that could not be served: malformed, missing key, wrong type… */
export interface ErrorResponse {
  id: number;
  type: 'error';
  /** Redis-style text, e.g. "ERR no such key". */
  message: string;
}

export type EngineResponse =
  | LineResponse
  | CommandResponse
  | ProgressResponse
  | LoadedResponse
  | OkResponse
  | SnapshotResponse
  | TraceResponse
  | ErrorResponse;
