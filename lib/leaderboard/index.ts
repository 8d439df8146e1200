/**
 * Leaderboard designs written against a small ioredis-shaped client: the
 * same code runs on the in-tab engine (lib/engine), a redis-server through
 * ioredis, and a Redis Cluster through ioredis's Cluster. Pure TypeScript:
 * no React, no DOM, no Node APIs. See README.md for the API by playground.
 */
export { batch, compareBoardOrder, layoutKey, toNumber, toPairs, unwrapExec } from './redis-like';
export type {
  CommandTarget,
  KeyLayout,
  RedisBatch,
  RedisCommandName,
  RedisCommands,
  RedisLike,
  SortedSetBulkLoad,
  ScoreBound,
  ScoredMember,
} from './redis-like';
export { CostLedger, OperationMeter, addCost, emptyCost } from './cost-ledger';
export type { Cost, LedgerEntry, OperationCost, ShardOfKey } from './cost-ledger';
export {
  REGION_NAMES,
  createFriendGraph,
  createMatchStream,
  createWorld,
  drawScore,
  followersOf,
  followsOf,
} from './world';
export type {
  FriendGraph,
  FriendGraphOptions,
  MatchResult,
  ScoreDistribution,
  World,
  WorldOptions,
} from './world';
export { TWO_POW_53, createCompositeScorer } from './composite-score';
export type { CompositeScoreOptions, CompositeScorer } from './composite-score';
export { GlobalBoard, percentileOf } from './global-board';
export type {
  BoardCursor,
  BoardRow,
  CursorPage,
  GlobalBoardOptions,
  Measured,
  RankInfo,
  SubmitMode,
} from './global-board';
export { TimeWindowBoard } from './time-windows';
export type { BoardWindow, TimeWindowOptions, WindowKind } from './time-windows';
export { loadPairs, sortByScore } from './bulk-load';
export type { LoadProgress } from './bulk-load';
export { RangeShardedBoard, evenBoundaries, shardForScore } from './range-sharded';
export type {
  RangeShardOptions,
  RangeSubmitResult,
  RebalanceResult,
  ShardStats,
} from './range-sharded';
export { HashShardedBoard, fnv1a } from './hash-sharded';
export type { HashShardOptions } from './hash-sharded';
export { QUANTILE_BLEND, ScoreHistogram, bucketEdges } from './histogram';
export type { BucketKind, HistogramOptions } from './histogram';
export {
  ApproximateBoard,
  REDIS_BYTES_PER_MEMBER,
  distributionCdf,
  distributionQuantile,
  errorByPercentile,
  exactRanker,
  measureError,
  memoryComparison,
  populationProbes,
  syntheticPopulation,
} from './approximate';
export type {
  ApproximateBoardOptions,
  ApproximateRank,
  ErrorStats,
  SyntheticPopulation,
} from './approximate';
export { FriendBoards, GuildBoards, RegionalBoards } from './social';
export type { FanoutMode, FriendBoardOptions, RegionalMode } from './social';
export { churnOverview, churnPages, paginationUnderChurn } from './churn';
export type {
  ChurnOptions,
  ChurnOverview,
  ChurnPage,
  ChurnPageView,
  ChurnReaderSummary,
  ChurnResult,
} from './churn';
export {
  APPROXIMATE_PARAMS,
  DIAGRAM_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  PRACTICE_TIMER_PARAMS,
  SHARDING_PARAMS,
  SKIP_LIST_PARAMS,
  SPEED_ROUND_PARAMS,
  choiceParam,
  intParam,
  parseParams,
  textParam,
  toQueryString,
} from './playground-params';
export type {
  ChoiceParam,
  FlagParam,
  IntParam,
  ParamSchema,
  ParamSpec,
  ParamValues,
  ParsedParams,
  TextParam,
} from './playground-params';
export { FanoutModel, ShardingModel, approximateView, approximateViewSteps } from './playgrounds';
export type {
  ApproximateView,
  ComputeStep,
  CostedRank,
  FanoutCounters,
  FanoutStorm,
  FanoutView,
  LiveShardingView,
  RankPoint,
  ShardingView,
} from './playgrounds';
export { SCENARIOS, runScenario } from './lab-scenarios';
export type { LabOptions, LabReport, ScenarioName } from './lab-scenarios';
