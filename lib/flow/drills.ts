/**
 * Failure drills: scripted, narrated sequences of commands run inside the simulation, each
 * ending with a check the reader sees ({passed, details}).
 *
 * A drill's progress (step index, marks) lives in the state, and its scripts are pure
 * functions of the state, so a drill replays exactly after a step back.
 */
import { applyFlowCommand, consumerName, narrate, readRecord, shardName } from './simulation';
import type { SimPlan } from './topology';
import type { DrillOptions, DrillResult, DrillState, FlowState } from './types';
import { compareShardWithTruth, compareWithExpected } from './view';

export type DrillId =
  | 'shard-dies'
  | 'consumer-dies'
  | 'duplicate-delivery'
  | 'retention-too-short'
  | 'hot-shard'
  | 'postgres-failover';

/** One step of a drill script. */
export interface DrillStep {
  /** Commands issued when the step begins (before its narration is written). */
  readonly enter?: (state: FlowState, drill: DrillState) => void;
  /** What the reader is told when the step begins; may quote numbers from the state. */
  readonly narrate: (state: FlowState, drill: DrillState) => string;
  /** The step ends once this holds, checked after every tick (at least one tick per step). */
  readonly until: (state: FlowState, drill: DrillState) => boolean;
  /** Safety limit in ticks; hitting it is recorded and makes the check say so. */
  readonly maxTicks: number;
}

export interface DrillDefinition {
  readonly id: DrillId;
  readonly title: string;
  /** One sentence for the button's description. */
  readonly summary: string;
  readonly steps: readonly DrillStep[];
  /** The ending check, run right after the last step. */
  readonly check: (state: FlowState, drill: DrillState) => DrillResult;
  /** Puts settings the drill changed back, after the check. */
  readonly cleanup?: (state: FlowState, drill: DrillState) => void;
  /** Why the drill cannot run on a design, or null when it can. */
  readonly appliesTo: (plan: SimPlan) => string | null;
}

/**
 * The guide's own designs: PostgreSQL and Kafka both behind Redis, shards without replicas.
 * Narration for them is the guide's text; other designs get text that says what they have.
 */
const guideLike = (state: FlowState): boolean => {
  const plan = state.world.plan;
  return plan.truth !== null && plan.log !== null && !plan.replicatedShards;
};
/** What the guide's design answers while a shard is lost, in words. */
const lostReadsWords = (state: FlowState, shard: number): string => {
  const plan = state.world.plan;
  if (state.settings.readFallback === 'fail') return 'Reads that need it fail.';
  if (plan.reads.histogramNode !== null) {
    const top =
      shard !== state.shards.length - 1 || plan.sharding !== 'range'
        ? ''
        : plan.reads.topKCache
          ? ' Top-K reads get the cache’s last list, marked stale, until it is back.'
          : ' Top-K reads, which start at this shard, fail.';
    return `Players in its band get an approximate rank from the histogram; everyone else’s rank stays exact, from the cached shard counts.${top}`;
  }
  return plan.reads.fromTruth === 'fallback'
    ? 'Reads that need it fall back to PostgreSQL.'
    : 'Reads that need it fail.';
};
/** What the design can rebuild a lost shard from, in words. */
const sourceWords = (state: FlowState): string => {
  const plan = state.world.plan;
  return plan.truth ? "PostgreSQL's rows" : "the clients' own totals";
};

/** The top band's share of the players, as a percentage. */
const topShare = (state: FlowState): string => {
  const bands = state.world.plan.population ?? [];
  const top = bands[bands.length - 1];
  return `${Math.round((top?.share ?? 0) * 100)}%`;
};
const secs = (state: FlowState, ticks: number): string =>
  `${((ticks * state.config.tickMs) / 1000).toFixed(1)} s`;
const elapsed = (state: FlowState, drill: DrillState): number => state.tick - drill.stepStartedTick;
const totalLag = (state: FlowState): number =>
  state.partitions.reduce((s, p) => s + p.end - p.committed, 0);
const queueDepth = (state: FlowState): number =>
  state.partitions.reduce((s, part, pi) => {
    const owner = part.owner >= 0 ? state.consumers[part.owner] : undefined;
    const pos = owner?.alive ? (owner.positions[pi] ?? part.committed) : part.committed;
    return s + part.end - pos;
  }, 0);
const range = (state: FlowState, k: number): string => {
  const shard = state.shards[k];
  if (!shard) return '?';
  return `[${shard.lo}, ${shard.hi === Infinity ? '∞' : shard.hi})`;
};
/** Why a replay from `offset` is refused, quoting the first partition that lost it. */
const expiredAt = (state: FlowState, offset: number): string => {
  const pi = state.partitions.findIndex((p) => offset < p.logStart);
  const part = state.partitions[pi];
  return part
    ? `retention already deleted partition ${pi} below offset ${part.logStart}`
    : 'offset out of range';
};
const option = (drill: DrillState, key: string, fallback: number): number => {
  const v = drill.options[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};
const topShard = (state: FlowState, drill: DrillState): number =>
  Math.min(state.shards.length - 1, Math.max(0, option(drill, 'shard', state.shards.length - 1)));
const mark = (drill: DrillState, key: string): number => drill.marks[key] ?? 0;

function shardCheck(state: FlowState, drill: DrillState): DrillResult {
  const k = topShard(state, drill);
  const shard = state.shards[k];
  const cmp = compareShardWithTruth(state, k);
  const recovered = shard && shard.status === 'up';
  const passed = !!recovered && cmp.mismatches === 0 && !drill.marks.timedOut;
  const how = drill.marks.reloaded ? 'reloaded from PostgreSQL' : 'replayed from Kafka';
  if (passed) {
    return {
      passed,
      details: `${shardName(state, k)} holds ${shard?.size ?? 0} members, each equal to ${state.world.plan.truth ? "PostgreSQL's row" : "the clients' own total"} for ${state.world.plan.sharding === 'hash' && state.shards.length > 1 ? 'its hash slot' : `scores in ${range(state, k)}`}. It was ${drill.marks.failedOver ? `failed over to its replica${drill.marks.reconciled ? `, then reconciled from ${drill.marks.reloaded ? 'PostgreSQL' : 'Kafka'}` : ''}` : how}; the rebuild took ${secs(state, shard?.lastRecoveryTicks ?? 0)} and the whole outage ${secs(state, mark(drill, 'upTick') - mark(drill, 'diedTick'))}.`,
    };
  }
  const from = option(drill, 'fromOffset', 0);
  const why =
    !drill.marks.reloaded && from > 0
      ? ` Replaying from offset ${from} skips the points earned before it: a replay needs the log from the beginning, or a snapshot taken at the offset it starts from.`
      : '';
  return {
    passed,
    details: recovered
      ? `${cmp.mismatches} member(s) differ from ${state.world.plan.truth ? 'PostgreSQL' : "the clients' own totals"}: ${cmp.examples.join('; ')}.${why}${drill.marks.noSource ? ' Nothing in the design held those scores: no replayable log, no source of truth. They are lost for good.' : ''}`
      : `${shardName(state, k)} is not serving (status ${shard?.status ?? 'missing'}${drill.marks.timedOut ? ', the rebuild ran out of time' : ''}).`,
  };
}

/** The stores a check compares, in words: "PostgreSQL and Redis equal". */
const stores = (state: FlowState): string => {
  const plan = state.world.plan;
  if (plan.truth && plan.shards.length) return 'PostgreSQL and Redis equal';
  return plan.truth ? 'PostgreSQL equals' : 'Redis equals';
};

function noLossCheck(state: FlowState, drill: DrillState, what: string): DrillResult {
  const lag = totalLag(state);
  const cmp = compareWithExpected(state);
  const passed = lag === 0 && cmp.mismatches === 0 && !drill.marks.timedOut;
  const redelivered = state.totals.redelivered - mark(drill, 'redelivered0');
  const skipped = state.totals.duplicatesSkipped - mark(drill, 'skipped0');
  const lost = state.totals.expiredUnread;
  return {
    passed,
    details: passed
      ? `Lag is back to 0 (peak ${mark(drill, 'peakLag')}). ${what} ${redelivered} record(s) were delivered again and ${skipped} duplicate(s) skipped by version; for all ${state.config.players} players, ${stores(state)} the clients' own totals: nothing lost, nothing counted twice.`
      : `${lag ? `Lag is still ${lag}. ` : ''}${cmp.mismatches} player(s) wrong${cmp.examples.length ? `: ${cmp.examples.join('; ')}` : ''}.${lost ? ` ${lost} record(s) expired before they were applied.` : ''}${state.totals.truthLostOnFailover ? ` ${state.totals.truthLostOnFailover} PostgreSQL row change(s) were lost in the failover.` : ''}${state.totals.writesRefused ? ` ${state.totals.writesRefused} write(s) were refused while a store was down (the clients saw errors).` : ''}${drill.marks.timedOut ? ' A step ran out of time.' : ''}`,
  };
}

/** Starts the rebuild the drill asked for; if Kafka refuses the offset, reloads from PostgreSQL. */
function rebuild(state: FlowState, drill: DrillState, source: 'kafka' | 'postgres'): void {
  const k = topShard(state, drill);
  const shard = state.shards[k];
  if (!shard) return;
  const plan = state.world.plan;
  if (drill.marks.failedOver) {
    // The promoted replica serves but misses the writes still in flight: reconcile it.
    const from =
      plan.truth && (source === 'postgres' || !plan.log) ? 'postgres' : plan.log ? 'kafka' : null;
    if (!from) {
      drill.marks.noSource = 1;
      return;
    }
    drill.marks.reconciled = 1;
    if (from === 'postgres') drill.marks.reloaded = 1;
    applyFlowCommand(state, { type: 'reconcile-shard', shard: k, source: from });
    if (from === 'kafka' && shard.status !== 'rebuilding') {
      drill.marks.replayRefused = 1;
      if (!plan.truth) {
        drill.marks.noSource = 1;
        return;
      }
      drill.marks.reloaded = 1;
      applyFlowCommand(state, { type: 'reconcile-shard', shard: k, source: 'postgres' });
    }
    return;
  }
  if (source === 'kafka' && !plan.log) source = 'postgres';
  if (source === 'postgres' && !plan.truth) source = 'kafka';
  if (!plan.log && !plan.truth) {
    drill.marks.noSource = 1;
    applyFlowCommand(state, { type: 'resume-shard', shard: k });
    return;
  }
  if (source === 'kafka') {
    applyFlowCommand(state, {
      type: 'rebuild-shard',
      shard: k,
      source: 'kafka',
      fromOffset: option(drill, 'fromOffset', 0),
    });
    if (shard.status === 'rebuilding') return;
    drill.marks.replayRefused = 1;
    if (!plan.truth) {
      drill.marks.noSource = 1;
      applyFlowCommand(state, { type: 'resume-shard', shard: k });
      return;
    }
  }
  drill.marks.reloaded = 1;
  applyFlowCommand(state, { type: 'rebuild-shard', shard: k, source: 'postgres' });
}

const warmUp = (ticks: number): DrillStep => ({
  narrate: (state) => {
    const plan = state.world.plan;
    const readsFrom =
      state.shards.length === 0
        ? 'PostgreSQL'
        : state.shards.length === 1
          ? 'one Redis sorted set'
          : `${state.shards.length} Redis shards`;
    const cached = plan.reads.topKCache ? `the top-K cache (top-K) and ${readsFrom}` : readsFrom;
    const written = [plan.truth ? 'PostgreSQL' : null, state.shards.length ? 'Redis' : null]
      .filter(Boolean)
      .join(', then ');
    const alive = state.consumers.filter((c) => c.alive).length;
    if (plan.writes.outbox) {
      return `Normal traffic: ${state.settings.eventRate} score results/s enter through the API, which commits each to PostgreSQL with an outbox row; a relay publishes the committed rows to ${state.config.partitions} Kafka partitions keyed by player, and ${alive} consumers write the new totals to Redis; ${state.settings.readRate} reads/s are served from ${cached}.`;
    }
    return plan.log
      ? `Normal traffic: ${state.settings.eventRate} score events/s enter through the API, land in ${state.config.partitions} Kafka partitions keyed by player, and ${state.consumers.filter((c) => c.alive).length} consumers write ${written}; ${state.settings.readRate} reads/s are served from ${cached}.`
      : `Normal traffic: ${state.settings.eventRate} score events/s enter through the API, which writes ${written} itself; ${state.settings.readRate} reads/s are served from ${cached}.`;
  },
  until: (state, drill) => elapsed(state, drill) >= ticks,
  maxTicks: ticks,
});

const drainSteps = (): DrillStep[] => [
  {
    enter: (state, drill) => {
      drill.marks.rate = state.settings.eventRate;
      applyFlowCommand(state, { type: 'set-event-rate', perSecond: 0 });
    },
    narrate: () =>
      'The clients pause so the lag can reach exactly zero: consumers drain their partitions and commit.',
    until: (state) => totalLag(state) === 0,
    maxTicks: 1200,
  },
];

const restoreRate = (state: FlowState, drill: DrillState): void => {
  applyFlowCommand(state, { type: 'set-event-rate', perSecond: mark(drill, 'rate') });
};

const shardOutage = (outageTicks: number): DrillStep[] => [
  {
    enter: (state, drill) => {
      drill.marks.diedTick = state.tick;
      applyFlowCommand(state, { type: 'kill-shard', shard: topShard(state, drill) });
    },
    narrate: (state, drill) => {
      const k = topShard(state, drill);
      if (guideLike(state)) {
        return `${shardName(state, k)}, the shard for scores ${range(state, k)}, dies and loses its sorted set. ${lostReadsWords(state, k)} PostgreSQL keeps every score, and the router drops the writes for its range.`;
      }
      const plan = state.world.plan;
      const name =
        state.shards.length > 1
          ? `${shardName(state, k)}, one of ${state.shards.length} shards,`
          : shardName(state, k);
      const reads =
        state.settings.readFallback === 'fail'
          ? 'fail'
          : plan.reads.histogramNode !== null
            ? 'get an approximate rank from the histogram'
            : plan.reads.fromTruth === 'fallback'
              ? 'fall back to PostgreSQL'
              : 'fail';
      return plan.replicatedShards
        ? `${name} loses its primary. Its replica is promoted after ${secs(state, state.config.failoverTicks)}; until then reads that need it ${reads} and writes to it are dropped.`
        : `${name} dies and loses its sorted set. Reads that need it ${reads}; writes to it are ${plan.truth || plan.log ? `dropped, while ${plan.truth ? 'PostgreSQL' : 'the Kafka topic'} keeps every score` : 'refused: nothing else can take them'}.`;
    },
    until: (state, drill) => elapsed(state, drill) >= outageTicks,
    maxTicks: outageTicks,
  },
  {
    enter: (state, drill) => {
      const k = topShard(state, drill);
      if (state.shards[k]?.replica) drill.marks.failedOver = 1;
      else applyFlowCommand(state, { type: 'restart-shard', shard: k });
    },
    narrate: (state, drill) => {
      const k = topShard(state, drill);
      if (drill.marks.failedOver) {
        const lost = state.shards[k]?.lostOnFailover ?? 0;
        return `The replica serves as ${shardName(state, k)}'s new primary. Replication is asynchronous: ${lost} write${lost === 1 ? '' : 's'} from the last ${secs(state, state.config.replicaLagTicks)} had not reached it.`;
      }
      return `${shardName(state, k)} restarts empty. It accepts writes at once, but an empty shard would answer wrong ranks, so the router keeps it out of reads until it is rebuilt.`;
    },
    until: (state, drill) => elapsed(state, drill) >= 5,
    maxTicks: 5,
  },
];

const waitForShard: DrillStep['until'] = (state, drill) =>
  state.shards[topShard(state, drill)]?.status === 'up';

const recovered: DrillStep = {
  enter: (state, drill) => {
    drill.marks.upTick = state.tick;
  },
  narrate: (state, drill) => {
    const k = topShard(state, drill);
    return guideLike(state)
      ? `${shardName(state, k)} serves reads again: rebuilt in ${secs(state, state.shards[k]?.lastRecoveryTicks ?? 0)}, ${secs(state, state.tick - mark(drill, 'diedTick'))} after it died. Check: its members must equal PostgreSQL's rows for its range.`
      : `${shardName(state, k)} serves reads again, ${secs(state, state.tick - mark(drill, 'diedTick'))} after it died. Check: its members must equal ${sourceWords(state)}.`;
  },
  until: () => true,
  maxTicks: 1,
};

/** The five drills, in the order the page offers them. */
export const drills: readonly DrillDefinition[] = [
  {
    id: 'shard-dies',
    title: 'A Redis shard dies',
    summary:
      'The top shard crashes, reads fall back, and it is rebuilt by replaying Kafka (options: source "kafka" or "postgres", fromOffset) and compared with PostgreSQL.',
    steps: [
      warmUp(20),
      ...shardOutage(20),
      {
        enter: (state, drill) => {
          const source = drill.options.source === 'postgres' ? 'postgres' : 'kafka';
          rebuild(state, drill, source);
        },
        narrate: (state, drill) => {
          const k = topShard(state, drill);
          if (drill.marks.noSource) {
            return drill.marks.failedOver
              ? 'Nothing can repair the promoted replica: the design keeps no replayable log and no source of truth, so the writes it missed are gone.'
              : `Nothing to rebuild ${shardName(state, k)} from: the design keeps no replayable log and no source of truth. It goes back into service empty, and every score it held is lost.`;
          }
          if (drill.marks.reconciled) {
            return drill.marks.reloaded
              ? `Reconcile: read PostgreSQL's rows for ${shardName(state, k)} and overwrite every member whose version is older, so the writes the replica missed come back.`
              : `Reconcile: replay the Kafka topic from offset 0 into a scratch table and swap it in, so the writes the replica missed come back.`;
          }
          if (drill.marks.replayRefused) {
            return `Replay is impossible (${expiredAt(state, option(drill, 'fromOffset', 0))}), so the shard is reloaded from PostgreSQL, the source of truth.`;
          }
          return drill.marks.reloaded
            ? `Rebuild from PostgreSQL: read the rows whose score is in ${range(state, k)} in batches of ${state.config.reloadRowsPerTick} per tick while live writes keep landing; a newer version always wins.`
            : `Rebuild from Kafka: replay every partition from offset ${option(drill, 'fromOffset', 0)} into a scratch table up to what PostgreSQL has applied (at ${state.config.replayRecordsPerTick} records per tick), then swap the range in at once.`;
        },
        until: waitForShard,
        maxTicks: 1200,
      },
      recovered,
    ],
    check: shardCheck,
    appliesTo: (plan) => (plan.shards.length ? null : 'the design has no Redis to lose'),
  },
  {
    id: 'consumer-dies',
    title: 'A consumer dies',
    summary:
      'A consumer crashes before committing; its partitions stall, the group rebalances, the records are redelivered and skipped, and lag drains.',
    steps: [
      {
        ...warmUp(15),
        // Die just before an auto-commit, when the most applied work is uncommitted.
        until: (state, drill) =>
          elapsed(state, drill) >= 15 && (state.tick + 1) % state.config.commitEveryTicks === 0,
        maxTicks: 1000,
      },
      {
        enter: (state, drill) => {
          const c = Math.max(0, Math.min(state.consumers.length - 1, option(drill, 'consumer', 0)));
          drill.marks.consumer = c;
          drill.marks.generation = state.group.generation;
          drill.marks.redelivered0 = state.totals.redelivered;
          drill.marks.skipped0 = state.totals.duplicatesSkipped;
          applyFlowCommand(state, { type: 'kill-consumer', consumer: c });
        },
        narrate: (state, drill) =>
          `${consumerName(state, mark(drill, 'consumer'))} dies after applying records it had not committed. Its partitions stall and their lag grows until the coordinator's session timeout (${secs(state, state.config.sessionTimeoutTicks)}).`,
        until: (state, drill) => state.group.generation > mark(drill, 'generation'),
        maxTicks: 1000,
      },
      {
        narrate: (state, drill) => {
          const c = mark(drill, 'consumer');
          const heirs = state.consumers
            .filter((x) => x.alive)
            .map((x) => `${consumerName(state, x.id)} [${x.partitions.join(', ')}]`)
            .join(', ');
          const plan = state.world.plan;
          const guard = !plan.writes.consumersIdempotent
            ? 'nothing checks a version, so each is applied a second time'
            : plan.writes.consumersToTruth
              ? "PostgreSQL's per-player version turns each into a no-op"
              : 'the version stored beside each member turns each into a no-op';
          return `The group rebalances: ${heirs}. ${consumerName(state, c)}'s partitions resume from their committed offsets, so records it had already applied arrive again; ${guard}.`;
        },
        until: (state) =>
          state.tick >= state.group.pausedUntilTick &&
          queueDepth(state) <= Math.ceil((state.settings.eventRate * state.config.tickMs) / 1000),
        maxTicks: 1200,
      },
      {
        enter: (state, drill) => {
          drill.marks.generation = state.group.generation;
          applyFlowCommand(state, { type: 'start-consumer', consumer: mark(drill, 'consumer') });
        },
        narrate: (state, drill) =>
          `The backlog is drained. ${consumerName(state, mark(drill, 'consumer'))} restarts and joins; another rebalance spreads the ${state.config.partitions} partitions over every consumer again.`,
        until: (state, drill) =>
          state.group.generation > mark(drill, 'generation') &&
          state.tick >= state.group.pausedUntilTick,
        maxTicks: 100,
      },
      ...drainSteps(),
    ],
    check: (state, drill) => noLossCheck(state, drill, 'The consumer died before committing:'),
    cleanup: restoreRate,
    appliesTo: (plan) => (plan.consumers.length ? null : 'the design has no consumers'),
  },
  {
    id: 'duplicate-delivery',
    title: 'Duplicate delivery',
    summary:
      'An event is published twice (an API retry, or an outbox relay that crashed before marking its rows sent); the same event sits twice in Kafka and the idempotent consumer counts it once.',
    steps: [
      warmUp(10),
      {
        enter: (state, drill) => {
          drill.marks.redelivered0 = state.totals.redelivered;
          drill.marks.skipped0 = state.totals.duplicatesSkipped;
          drill.marks.dup0 = state.totals.duplicatesProduced;
          state.partitions.forEach((p, i) => (drill.marks[`start${i}`] = p.end));
          applyFlowCommand(state, { type: 'duplicate-next', count: option(drill, 'count', 50) });
        },
        narrate: (state, drill) =>
          state.world.plan.writes.outbox
            ? `The outbox relay publishes the next ${option(drill, 'count', 50)} committed rows and crashes before marking them sent; restarted, it publishes them again. Each now sits twice in its partition with the same event id and the same per-player version.`
            : state.world.plan.log
              ? `The API's acks time out and it sends the next ${option(drill, 'count', 50)} events again: each now sits twice in its partition with the same event id and the same per-player version.`
              : `The store's replies time out and the API applies the next ${option(drill, 'count', 50)} events again, with the same event id and the same per-player version.`,
        until: (state, drill) => state.duplicateBudget === 0 && elapsed(state, drill) >= 5,
        maxTicks: 1000,
      },
      {
        narrate: (state) => {
          const w = state.world.plan.writes;
          if (w.outbox && w.consumersToCache) {
            return 'Consumers read both copies. Each carries the total PostgreSQL committed; the second carries a version Redis already holds for the player, so the write is skipped, as ZADD GT with the composite score would leave the member alone. A consumer that ran ZINCRBY would have added the points twice.';
          }
          if (guideLike(state) && w.consumersIdempotent) {
            return 'Consumers read both copies. The second copy carries a version PostgreSQL has already applied, so the row is left alone, and Redis is rewritten with the same absolute score: a no-op. A consumer that ran ZINCRBY would have added the points twice.';
          }
          const idempotent = state.world.plan.log ? w.consumersIdempotent : w.apiIdempotent;
          return idempotent
            ? 'The second copy carries a version already applied, so it is skipped: a no-op.'
            : 'Nothing compares versions: the second copy adds its points again.';
        },
        until: (state, drill) => elapsed(state, drill) >= 10,
        maxTicks: 10,
      },
      ...drainSteps(),
    ],
    check: (state, drill) => {
      const result = noLossCheck(
        state,
        drill,
        state.world.plan.writes.outbox
          ? 'The outbox relay republished rows:'
          : 'The API resent events:',
      );
      const sent = state.totals.duplicatesProduced - mark(drill, 'dup0');
      let naive = 0;
      state.partitions.forEach((part, i) => {
        const seen = new Set<number>();
        for (let o = Math.max(part.logStart, mark(drill, `start${i}`)); o < part.end; o++) {
          const rec = readRecord(part, o);
          if (!rec) continue;
          if (seen.has(rec.eventId)) naive += rec.delta;
          seen.add(rec.eventId);
        }
      });
      return {
        passed: result.passed && sent > 0,
        details: state.world.plan.log
          ? `${result.details} ${sent} event(s) were sent twice; counting by delta without the version check would have added ${naive} extra points.`
          : `${result.details} ${sent} event(s) were applied twice.`,
      };
    },
    cleanup: restoreRate,
    appliesTo: () => null,
  },
  {
    id: 'retention-too-short',
    title: 'Retention shorter than the outage',
    summary:
      'Kafka keeps 5 s of records, the shard is down for longer, replay from offset 0 is refused, and the shard is reloaded from PostgreSQL.',
    steps: [
      {
        enter: (state, drill) => {
          drill.marks.retention = state.settings.retentionTicks ?? -1;
          applyFlowCommand(state, {
            type: 'set-retention',
            ticks: Math.round(5000 / state.config.tickMs),
          });
        },
        narrate: (state) =>
          `The topic now keeps only ${secs(state, state.settings.retentionTicks ?? 0)} of records (a scale model of a retention window shorter than an outage). Older offsets are deleted, including the import at offset 0.`,
        until: (state, drill) => elapsed(state, drill) >= 10,
        maxTicks: 10,
      },
      ...shardOutage(80),
      {
        enter: (state, drill) => rebuild(state, drill, 'kafka'),
        narrate: (state, drill) =>
          drill.marks.noSource
            ? `Replay from offset 0 is impossible: ${expiredAt(state, 0)}. The design has no PostgreSQL to reload from, so the shard goes back into service empty: its scores are lost.`
            : drill.marks.replayRefused
              ? `Replay from offset 0 is impossible: ${expiredAt(state, 0)}. The rebuild reloads from PostgreSQL instead, which keeps every row whatever Kafka's retention is.`
              : 'Kafka still had every offset, so the replay goes ahead (retention was not shorter than the history needed).',
        until: waitForShard,
        maxTicks: 1200,
      },
      recovered,
    ],
    check: (state, drill) => {
      const result = shardCheck(state, drill);
      const refused = drill.marks.replayRefused === 1;
      return {
        passed: result.passed && refused,
        details: `${refused ? 'Replay was refused because retention had deleted the offsets it needed. ' : 'Replay was not refused, so this drill did not show what it should. '}${result.details}`,
      };
    },
    cleanup: (state, drill) =>
      applyFlowCommand(state, {
        type: 'set-retention',
        ticks: mark(drill, 'retention') < 0 ? null : mark(drill, 'retention'),
      }),
    appliesTo: (plan) =>
      !plan.log
        ? 'the design has no Kafka topic'
        : plan.shards.length === 0
          ? 'the design has no Redis to rebuild'
          : null,
  },
  {
    id: 'hot-shard',
    title: 'A hot shard',
    summary:
      'Traffic follows real play: the most active players hold the top scores. Does one range shard take far more than its share of the writes?',
    steps: [
      {
        enter: (state, drill) => {
          drill.marks.traffic = state.settings.traffic === 'skewed' ? 1 : 0;
          state.shards.forEach((s) => {
            drill.marks[`writes${s.index}`] = s.writes;
            drill.marks[`reads${s.index}`] = s.reads;
          });
          applyFlowCommand(state, { type: 'set-traffic', traffic: 'skewed' });
        },
        narrate: (state) =>
          state.world.plan.population && state.world.plan.shardFloors
            ? `Traffic follows real play: the players who play most hold the top scores. The ${state.config.shards} bands are the design’s: the top one is small on purpose, the top ${topShare(state)} of the players.`
            : `Traffic now follows real play: activity falls off like a Zipf law, and the players who play most are the ones who climbed highest. The ${state.config.shards} ranges were cut so each shard holds about the same number of players.`,
        until: (state, drill) => elapsed(state, drill) >= 100,
        maxTicks: 100,
      },
      {
        narrate: (state) => {
          const top = state.shards[state.shards.length - 1];
          return `After ${secs(state, 100)}, ${shardName(state, state.shards.length - 1)} holds ${top?.size ?? 0} of ${state.config.players} players. Compare each shard’s share of the ZADDs with its share of the players.`;
        },
        until: () => true,
        maxTicks: 1,
      },
    ],
    check: (state, drill) => {
      const share = (kind: 'writes' | 'reads') => {
        const deltas = state.shards.map((s) => s[kind] - mark(drill, `${kind}${s.index}`));
        const all = deltas.reduce((a, b) => a + b, 0);
        return deltas.map((d) => (all ? d / all : 0));
      };
      const writes = share('writes');
      const reads = share('reads');
      const k = state.shards.length - 1;
      // The busiest of the shards below the top one.
      const below = writes.slice(0, k);
      const other = below.reduce((m, w, i) => ((below[m] ?? 0) >= w ? m : i), 0);
      // The top shard must not be the write-hot one (DESIGN-DECISIONS 5).
      const level = (writes[k] ?? 0) <= (writes[other] ?? 0);
      const members = (state.shards[k]?.size ?? 0) / state.config.players;
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const top = `${shardName(state, k)} took ${pct(writes[k] ?? 0)} of the shard writes while holding ${pct(members)} of the players`;
      const busiest = `${shardName(state, other)} took ${pct(writes[other] ?? 0)}`;
      return {
        passed: level,
        details: level
          ? `${top}, and ${pct(reads[k] ?? 0)} of the shard reads: ${state.world.plan.reads.topKCache ? 'the top-K cache answers the top-K reads and refreshes from it once a second, so it is hot for neither' : 'every top-K read starts there, so it is hot for reads, not for writes'}. ${busiest} of the writes, more than the top shard: a top band cut small keeps the writes level even though its players play most.`
          : `${top}, more than any shard below it (${busiest}). Ranges cut by member count are not cut by load: activity and score go together, so the busiest players all live in the top range and every point they earn is a write there. Remedies: cut the top range small (the design’s top shard holds 1% of the players), or shard by player hash and merge the top-K from every shard.`,
      };
    },
    cleanup: (state, drill) =>
      applyFlowCommand(state, {
        type: 'set-traffic',
        traffic: drill.marks.traffic ? 'skewed' : 'uniform',
      }),
    appliesTo: (plan) =>
      plan.shards.length > 1 && plan.sharding === 'range' ? null : 'needs two or more range shards',
  },
];

/**
 * PostgreSQL's primary dies. With a replica, one is promoted, and asynchronous replication
 * loses the last moments of committed rows; with Kafka the group rewinds by timestamp to
 * before the failover and re-applies them (the version check skips what survived). Without
 * a replica the primary restarts and replays its write-ahead log: nothing lost, writes wait.
 */
export const postgresFailover: DrillDefinition = {
  id: 'postgres-failover',
  title: 'PostgreSQL fails over',
  summary:
    'The primary dies; a replica is promoted without the last moments of writes, and the consumer group rewinds to replay them.',
  steps: [
    warmUp(20),
    {
      enter: (state, drill) => {
        drill.marks.diedTick = state.tick;
        drill.marks.redelivered0 = state.totals.redelivered;
        drill.marks.skipped0 = state.totals.duplicatesSkipped;
        drill.marks.lost0 = state.totals.truthLostOnFailover;
        applyFlowCommand(state, { type: 'kill-postgres' });
        // The runbook stops the consumer group until it is known whether the promoted replica
        // lost writes: offsets can only be reset on a stopped group, and a consumer resuming
        // early would apply newer versions before the lost ones come back.
        if (state.world.plan.log && state.world.plan.truthReplicas > 0) {
          state.group.pausedUntilTick = Number.MAX_SAFE_INTEGER;
        }
      },
      narrate: (state) => {
        const plan = state.world.plan;
        const waits = plan.log
          ? 'consumers cannot commit their transactions, so they wait and Kafka holds the events'
          : 'the API cannot write, so score events are refused';
        return plan.truthReplicas > 0
          ? `The PostgreSQL primary dies. A replica is promoted after ${secs(state, state.config.pgFailoverTicks)}; meanwhile ${waits}.`
          : `The PostgreSQL primary dies and has no replica: it restarts and replays its write-ahead log (${secs(state, state.config.pgRestartTicks)}); meanwhile ${waits}.`;
      },
      until: (state) => state.postgres.status === 'up',
      maxTicks: 400,
    },
    {
      enter: (state, drill) => {
        const lost = state.totals.truthLostOnFailover - mark(drill, 'lost0');
        drill.marks.lost = lost;
        if (lost > 0 && state.world.plan.log && !state.world.plan.writes.outbox) {
          drill.marks.rewound = 1;
          // Rewind generously (the guide: 5 minutes before the failover; here 2 s of the
          // scale model): replay is idempotent, a gap is not.
          applyFlowCommand(state, {
            type: 'rewind-consumers',
            tick: Math.max(0, mark(drill, 'diedTick') - 20),
          });
        }
        state.group.pausedUntilTick = Math.min(state.group.pausedUntilTick, state.tick);
      },
      narrate: (state, drill) => {
        const lost = mark(drill, 'lost');
        if (lost === 0) {
          return state.world.plan.log
            ? 'PostgreSQL is back with every committed row: nothing was lost. The consumers resume where they stopped.'
            : 'PostgreSQL is back with every committed row: nothing was lost.';
        }
        if (state.world.plan.writes.outbox) {
          return `The promoted replica lacks ${lost} row change(s) the old primary had committed and acknowledged. The outbox relay had already published them, so the boards show totals the record no longer has, and new results now add to the older totals. PostgreSQL first needs a synchronous standby: a commit that waits for one replica survives the failover.`;
        }
        return drill.marks.rewound
          ? `The promoted replica lacks ${lost} row change(s) the old primary had committed. Their offsets were already committed, so the group is rewound by timestamp to before the failover and re-applies them; versions skip what survived.`
          : `The promoted replica lacks ${lost} row change(s) the old primary had committed, and the API wrote them nowhere else: they are gone, while Redis still shows the newer scores.`;
      },
      until: (state, drill) => elapsed(state, drill) >= 10,
      maxTicks: 10,
    },
    ...drainSteps(),
  ],
  check: (state, drill) => noLossCheck(state, drill, 'PostgreSQL failed over:'),
  cleanup: restoreRate,
  appliesTo: (plan) => (plan.truth ? null : 'the design has no PostgreSQL'),
};

/** The drills the practice room runs on a candidate's design, in the order it shows them. */
export const designDrills: readonly DrillDefinition[] = [
  ...drills.filter((d) => d.id !== 'hot-shard' && d.id !== 'retention-too-short'),
  postgresFailover,
  ...drills.filter((d) => d.id === 'retention-too-short'),
];

/**
 * Looks a drill up by id.
 * @returns the definition, or undefined for an unknown id. O(drills).
 */
export function findDrill(id: string): DrillDefinition | undefined {
  return (
    drills.find((d) => d.id === id) ?? (id === postgresFailover.id ? postgresFailover : undefined)
  );
}

function enterStep(state: FlowState, def: DrillDefinition, drill: DrillState): void {
  const step = def.steps[drill.step];
  if (!step) return;
  drill.stepStartedTick = state.tick;
  step.enter?.(state, drill);
  const text = step.narrate(state, drill);
  drill.narration.push(text);
  narrate(state, `Drill step ${drill.step + 1}/${def.steps.length}: ${text}`, 'info', null);
}

/**
 * Starts a drill on the current state, entering its first step now (between ticks).
 * Replaces a drill already running.
 * @returns false for an unknown id. O(step.enter).
 */
export function startDrill(state: FlowState, id: string, options: DrillOptions = {}): boolean {
  const def = findDrill(id);
  if (!def) return false;
  state.drill = {
    id,
    options: { ...options },
    startedTick: state.tick,
    step: 0,
    stepStartedTick: state.tick,
    narration: [],
    marks: { peakLag: 0 },
    done: false,
    result: null,
  };
  narrate(state, `Drill started: ${def.title}.`, 'info', null);
  enterStep(state, def, state.drill);
  return true;
}

/**
 * Moves the running drill on after a tick: ends the current step when its condition holds
 * (or its time limit is hit), enters the next, and runs the check after the last one.
 * @returns the drill state, or null when none is running. O(step condition), usually O(P).
 */
export function progressDrill(state: FlowState): DrillState | null {
  const drill = state.drill;
  if (!drill || drill.done) return drill;
  const def = findDrill(drill.id);
  if (!def) return drill;
  drill.marks.peakLag = Math.max(drill.marks.peakLag ?? 0, totalLag(state));
  const step = def.steps[drill.step];
  if (!step) return drill;
  const timedOut = elapsed(state, drill) >= step.maxTicks;
  if (!step.until(state, drill) && !timedOut) return drill;
  if (timedOut && !step.until(state, drill)) drill.marks.timedOut = 1;
  drill.step++;
  if (drill.step < def.steps.length) {
    enterStep(state, def, drill);
    return drill;
  }
  drill.done = true;
  drill.result = def.check(state, drill);
  def.cleanup?.(state, drill);
  narrate(
    state,
    `Check ${drill.result.passed ? 'passed' : 'FAILED'}: ${drill.result.details}`,
    drill.result.passed ? 'ok' : 'error',
    null,
  );
  return drill;
}
