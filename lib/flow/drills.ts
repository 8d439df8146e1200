/**
 * Failure drills: scripted, narrated sequences of commands run inside the simulation, each
 * ending with a check the reader sees ({passed, details}).
 *
 * A drill's progress (step index, marks) lives in the state, and its scripts are pure
 * functions of the state, so a drill replays exactly after a step back.
 */
import { applyFlowCommand, consumerName, narrate, readRecord, shardName } from './simulation';
import type { DrillOptions, DrillResult, DrillState, FlowState } from './types';
import { compareShardWithTruth, compareWithExpected } from './view';

export type DrillId =
  'shard-dies' | 'consumer-dies' | 'duplicate-delivery' | 'retention-too-short' | 'hot-shard';

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
}

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
      details: `${shardName(state, k)} holds ${shard?.size ?? 0} members, each equal to PostgreSQL's row for scores in ${range(state, k)}. It was ${how}; the rebuild took ${secs(state, shard?.lastRecoveryTicks ?? 0)} and the whole outage ${secs(state, mark(drill, 'upTick') - mark(drill, 'diedTick'))}.`,
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
      ? `${cmp.mismatches} member(s) differ from PostgreSQL: ${cmp.examples.join('; ')}.${why}`
      : `${shardName(state, k)} is not serving (status ${shard?.status ?? 'missing'}${drill.marks.timedOut ? ', the rebuild ran out of time' : ''}).`,
  };
}

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
      ? `Lag is back to 0 (peak ${mark(drill, 'peakLag')}). ${what} ${redelivered} record(s) were delivered again and ${skipped} duplicate(s) skipped by version; for all ${state.config.players} players, PostgreSQL and Redis equal the clients' own totals: nothing lost, nothing counted twice.`
      : `${lag ? `Lag is still ${lag}. ` : ''}${cmp.mismatches} player(s) wrong${cmp.examples.length ? `: ${cmp.examples.join('; ')}` : ''}.${lost ? ` ${lost} record(s) expired before they were applied.` : ''}${drill.marks.timedOut ? ' A step ran out of time.' : ''}`,
  };
}

/** Starts the rebuild the drill asked for; if Kafka refuses the offset, reloads from PostgreSQL. */
function rebuild(state: FlowState, drill: DrillState, source: 'kafka' | 'postgres'): void {
  const k = topShard(state, drill);
  const shard = state.shards[k];
  if (!shard) return;
  if (source === 'kafka') {
    applyFlowCommand(state, {
      type: 'rebuild-shard',
      shard: k,
      source: 'kafka',
      fromOffset: option(drill, 'fromOffset', 0),
    });
    if (shard.status === 'rebuilding') return;
    drill.marks.replayRefused = 1;
  }
  drill.marks.reloaded = 1;
  applyFlowCommand(state, { type: 'rebuild-shard', shard: k, source: 'postgres' });
}

const warmUp = (ticks: number): DrillStep => ({
  narrate: (state) =>
    `Normal traffic: ${state.settings.eventRate} score events/s enter through the API, land in ${state.config.partitions} Kafka partitions keyed by player, and ${state.consumers.filter((c) => c.alive).length} consumers write PostgreSQL, then Redis; ${state.settings.readRate} reads/s are served from ${state.shards.length === 1 ? 'one Redis sorted set' : `${state.shards.length} Redis shards`}.`,
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
      return `${shardName(state, k)}, the shard for scores ${range(state, k)}, dies and loses its sorted set. Reads that need it ${state.settings.readFallback === 'postgres' ? 'fall back to PostgreSQL' : 'fail'}; consumers keep writing PostgreSQL, and the router drops the writes for its range.`;
    },
    until: (state, drill) => elapsed(state, drill) >= outageTicks,
    maxTicks: outageTicks,
  },
  {
    enter: (state, drill) =>
      applyFlowCommand(state, { type: 'restart-shard', shard: topShard(state, drill) }),
    narrate: (state, drill) =>
      `${shardName(state, topShard(state, drill))} restarts empty. It accepts writes at once, but an empty shard would answer wrong ranks, so the router keeps it out of reads until it is rebuilt.`,
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
    return `${shardName(state, k)} serves reads again: rebuilt in ${secs(state, state.shards[k]?.lastRecoveryTicks ?? 0)}, ${secs(state, state.tick - mark(drill, 'diedTick'))} after it died. Check: its members must equal PostgreSQL's rows for its range.`;
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
          return `The group rebalances: ${heirs}. ${consumerName(state, c)}'s partitions resume from their committed offsets, so records it had already applied arrive again; PostgreSQL's per-player version turns each into a no-op.`;
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
  },
  {
    id: 'duplicate-delivery',
    title: 'Duplicate delivery',
    summary:
      'The API resends events after ack timeouts; the same event sits twice in Kafka and the idempotent consumer counts it once.',
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
        narrate: (_state, drill) =>
          `The API's acks time out and it sends the next ${option(drill, 'count', 50)} events again: each now sits twice in its partition with the same event id and the same per-player version.`,
        until: (state, drill) => state.duplicateBudget === 0 && elapsed(state, drill) >= 5,
        maxTicks: 1000,
      },
      {
        narrate: () =>
          'Consumers read both copies. The second copy carries a version PostgreSQL has already applied, so the row is left alone, and Redis is rewritten with the same absolute score: a no-op. A consumer that ran ZINCRBY would have added the points twice.',
        until: (state, drill) => elapsed(state, drill) >= 10,
        maxTicks: 10,
      },
      ...drainSteps(),
    ],
    check: (state, drill) => {
      const result = noLossCheck(state, drill, 'The API resent events:');
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
        details: `${result.details} ${sent} event(s) were sent twice; counting by delta without the version check would have added ${naive} extra points.`,
      };
    },
    cleanup: restoreRate,
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
          drill.marks.replayRefused
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
  },
  {
    id: 'hot-shard',
    title: 'A hot shard',
    summary:
      'Traffic follows real play: the most active players hold the top scores, so the top range takes most of the writes.',
    steps: [
      {
        enter: (state, drill) => {
          drill.marks.traffic = state.settings.traffic === 'skewed' ? 1 : 0;
          state.shards.forEach((s) => (drill.marks[`writes${s.index}`] = s.writes));
          applyFlowCommand(state, { type: 'set-traffic', traffic: 'skewed' });
        },
        narrate: (state) =>
          `Traffic now follows real play: activity falls off like a Zipf law, and the players who play most are the ones who climbed highest. The ${state.config.shards} ranges were cut so each shard holds about the same number of players.`,
        until: (state, drill) => elapsed(state, drill) >= 100,
        maxTicks: 100,
      },
      {
        narrate: (state) => {
          const top = state.shards[state.shards.length - 1];
          return `After ${secs(state, 100)}, ${shardName(state, state.shards.length - 1)} still holds ${top?.size ?? 0} of ${state.config.players} players, yet it is where most ZADDs land.`;
        },
        until: () => true,
        maxTicks: 1,
      },
    ],
    check: (state, drill) => {
      const deltas = state.shards.map((s) => s.writes - mark(drill, `writes${s.index}`));
      const all = deltas.reduce((a, b) => a + b, 0);
      const k = state.shards.length - 1;
      const share = all ? (deltas[k] ?? 0) / all : 0;
      const members = (state.shards[k]?.size ?? 0) / state.config.players;
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      return {
        passed: share > 0.5,
        details: `${shardName(state, k)} took ${pct(share)} of the shard writes while holding ${pct(members)} of the players. Ranges cut by member count are not cut by load: activity and score go together, so the busiest players all live in the top range and every point they earn is a write there. Remedies: cut the top range finer, or shard by player hash and merge the top-K from every shard.`,
      };
    },
    cleanup: (state, drill) =>
      applyFlowCommand(state, {
        type: 'set-traffic',
        traffic: drill.marks.traffic ? 'skewed' : 'uniform',
      }),
  },
];

/**
 * Looks a drill up by id.
 * @returns the definition, or undefined for an unknown id. O(drills).
 */
export function findDrill(id: string): DrillDefinition | undefined {
  return drills.find((d) => d.id === id);
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
