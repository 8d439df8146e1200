/**
 * Leaderboard Lab's Redis-compatible engine: a Redis 7.0-faithful sorted set
 * (skip list with spans) inside a small keyspace, an ioredis-shaped client,
 * and redis-cli's text conventions. Pure TypeScript: no DOM, no Node APIs.
 */
export { createClient } from './client';
export type {
  Arg,
  Callback,
  DefineCommandOptions,
  EngineClient,
  EngineCommands,
  EnginePipeline,
  PipelineResult,
} from './client';
export { Engine } from './engine';
export type { EngineOptions } from './engine';
export { COMMAND_HELP, COMMAND_NAMES, commandHelp, completeCommand } from './command-help';
export type { CommandHelp } from './command-help';
export { COMMANDS } from './command-table';
export type { CommandSpec } from './command-table';
export { MAX_LINE_LENGTH, formatHelp, formatReply, parseCliLine, quoteBulk, runLine } from './cli';
export type { LineResult, ParsedLine } from './cli';
export { ErrorReply, StatusReply, fromWireReply, toIoredisValue, toWireReply } from './reply';
export type { IoredisValue, Reply, WireReply } from './reply';
export { SKIPLIST_MAX_LEVEL, SkipList, seededRandom16 } from './skip-list';
export type {
  LexRange,
  ScoreRange,
  SkipListLevelView,
  SkipListNodeView,
  SkipListOptions,
  SkipListSnapshot,
  SkipListTrace,
  TraceHop,
} from './skip-list';
export { Keyspace, ZSET_MAX_LISTPACK_ENTRIES, ZSET_MAX_LISTPACK_VALUE } from './keyspace';
export type { Clock, RedisValue, ZSetValue } from './keyspace';
export { formatScore, parseLongLong, parseStrictDouble, strtod } from './numbers';
export { compareUtf8 } from './utf8';
export { bytesToText, compareBytes, textToBytes } from './bytes';
export { globMatch } from './glob';
export { memoryUsage, jemallocSize } from './memory-usage';
export { MAX_REPLY_ELEMENTS } from './limits';
export { ZAddFlag, ZAddOutcome, zsetAdd, zsetBulkAdd, zsetCreate } from './zset';
export {
  DEFAULT_SCRIPT_MEMORY_LIMIT_BYTES,
  DEFAULT_SCRIPT_TIME_LIMIT_MS,
  loadLuaRuntime,
  setLuaWasmLocation,
} from './scripting';
export { createLeaderboardWorkload, loadLeaderboard, mulberry32, playerName } from './workload';
export type { LeaderboardChunk, LeaderboardWorkload, LeaderboardWorkloadOptions } from './workload';
export { inspectSortedSet, traceSortedSet } from './inspect';
export type { SortedSetInspection, SortedSetTrace } from './inspect';
