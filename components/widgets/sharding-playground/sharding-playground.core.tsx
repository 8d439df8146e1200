'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { OperationCost } from '@/lib/leaderboard';
import { SHARDING_PARAMS, type ParamValues } from '@/lib/leaderboard/playground-params';
import type { LiveShardingView, ShardingView } from '@/lib/leaderboard';
import { mapCall, type ResultOf } from '@/lib/worker/rpc';
import type { LeaderboardApi } from '@/lib/worker/leaderboard-host';
import {
  buttonClass,
  fmt,
  ParamNotes,
  SegmentedControl,
  LoadState,
  PlaygroundFrame,
  NumberField,
  SeedField,
  SelectField,
} from '../playground-parts';
import { embedSnippet, usePlaygroundParams } from '../playground-url';
import { UPlotChart, type ChartSeries } from '../uplot-chart';
import { useWorkerRequest, type LeaderboardClient, type RequestStatus } from '../use-worker';

/** Props a chapter passes: the playground's starting state (the URL may override it). */
export interface ShardingPlaygroundProps {
  seed?: number;
  players?: number;
  shards?: number;
  mode?: 'range' | 'hash';
  distribution?: 'uniform' | 'normal' | 'long-tail';
  player?: number;
}

type Params = ParamValues<typeof SHARDING_PARAMS>;
type ShardingUpdates = ResultOf<LeaderboardApi, 'sharding:updates'>;

const PLAYER_COUNTS = [1_000, 10_000, 100_000, 1_000_000];
const SHARD_COUNTS = Array.from({ length: 16 }, (_, i) => i + 1);
/**
 * Updates per live request: about 50–100 ms of worker time, so the ranks redraw ten or
 * more times a second and the message overhead stays under 2%.
 */
const LIVE_BATCH = 2_500;
/** Height of the iframe an embed snippet asks for, px (the embed page's content height). */
export const SHARDING_EMBED_HEIGHT = 820;

/** "ZCOUNT ×4 · ZREVRANK ×1" from a cost's per-command counts. */
function commandList(cost: OperationCost): string {
  return Object.entries(cost.commands)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ×${n}`)
    .join(' · ');
}

const sizeSeries: ChartSeries[] = [
  {
    label: 'players per shard',
    stroke: ['#4f46e5', '#818cf8'],
    fill: ['rgba(79,70,229,0.75)', 'rgba(129,140,248,0.75)'],
    bars: true,
  },
];
const shardTick = (v: number) => (Number.isInteger(v) ? `#${v}` : '');

const BOARD_PHASE = { range: 'range shards', hash: 'hash shards', oracle: 'single set' } as const;

/** "loading the hash shards: 40%" while a board of a large world is still loading. */
function loadingNote(status: RequestStatus<unknown>, board: keyof typeof BOARD_PHASE): string {
  const p = status.kind === 'loading' ? status.progress : null;
  const what = `the ${BOARD_PHASE[board]}`;
  if (!p || p.phase !== BOARD_PHASE[board]) return `${what} load next`;
  return `loading ${what}: ${Math.floor((p.done / Math.max(1, p.total)) * 100)}%`;
}

/**
 * The sharding playground: a seeded world of up to a million players loaded into range
 * shards, hash shards and one sorted set (the oracle) in a worker; per-shard sizes, one
 * player's global rank computed by each design with the commands it took, a boundary
 * crossing, a rebalance and the top 10. It holds view state only: every number comes
 * from lib/leaderboard through `client`, which the wrapper supplies (tests and the embed
 * page can pass another).
 */
export function ShardingPlaygroundCore({
  client,
  embedded = false,
  ...props
}: ShardingPlaygroundProps & { client: LeaderboardClient | null; embedded?: boolean }) {
  const { values, notes, update } = usePlaygroundParams(SHARDING_PARAMS, props);
  /** The world: loaded whenever a parameter that shapes it changes. */
  const load = useWorkerRequest<ShardingView>();
  /** Views of the loaded world: after a mode or player change, a crossing, a rebalance. */
  const refresh = useWorkerRequest<ShardingView>();
  /** One batch of live updates at a time. */
  const batch = useWorkerRequest<ShardingUpdates>();
  const [message, setMessage] = useState<string>('');
  const [running, setRunning] = useState(false);
  const [live, setLive] = useState<{
    view: LiveShardingView;
    updates: number;
    seconds: number;
  } | null>(null);
  const latest = useRef(values);
  const runningRef = useRef(running);
  useEffect(() => {
    // The load reads mode and player from here, so changing them alone does not reload;
    // the live loop reads them at each batch.
    latest.current = values;
    runningRef.current = running;
  });
  const id = useId();

  const { seed, players, shards, distribution, mode } = values;
  const player = Math.min(values.player, players - 1);
  // A link may ask for a player past the world's last one (players=100&player=50000): use
  // the last, say so, and write it back to the address. The schema's own note for `player`
  // (which knows only its 999,999 limit) gives way to this one.
  const [playerNote] = useState(() =>
    values.player > players - 1
      ? `player ${new URLSearchParams(window.location.search).get('player') ?? values.player} is past the last player of ${fmt(players)}: using ${fmt(players - 1)}`
      : '',
  );
  const shownNotes = playerNote
    ? [...notes.filter((n) => !n.startsWith('player ')), playerNote]
    : notes;
  useEffect(() => {
    if (values.player > players - 1) update({ player: players - 1 });
  }, [values.player, players, update]);
  const { run: runLoad } = load;
  const { run: runRefresh, reset: resetRefresh } = refresh;
  const { run: runBatch, reset: resetBatch } = batch;

  useEffect(() => {
    if (!client) return;
    const params: Params = { ...latest.current, seed, players, shards, distribution };
    params.player = Math.min(params.player, players - 1);
    // A new world: views and live batches of the old one are void.
    resetRefresh();
    resetBatch();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMessage('');
    setRunning(false);
    setLive(null);
    runLoad((onProgress) => client.call('sharding:load', params, { onProgress }));
  }, [client, seed, players, shards, distribution, runLoad, resetRefresh, resetBatch]);

  const ready = load.status.kind === 'ready' && client !== null;
  useEffect(() => {
    if (!ready || !client || running) return;
    // After a live run this view also brings the other two designs up to date; the worker
    // runs it after the batch still in flight, so it sees every update.
    runRefresh(() => client.call('sharding:view', { mode, player }));
  }, [ready, client, mode, player, running, runRefresh]);

  // Live updates: one batch in flight at a time, each applying LIVE_BATCH seeded score
  // updates to the chosen design in the worker; the rate is wall-clock time in the page.
  // Stop lets the batch in flight finish (the worker applies it whole, and it is counted).
  useEffect(() => {
    if (!ready || !client || !running) return;
    let totals = { mode: latest.current.mode, updates: 0, started: performance.now() };
    const next = () => {
      const { mode, player } = latest.current;
      if (mode !== totals.mode) totals = { mode, updates: 0, started: performance.now() };
      runBatch(
        () =>
          client.call('sharding:updates', {
            count: LIVE_BATCH,
            mode,
            player: Math.min(player, latest.current.players - 1),
          }),
        {
          onResult: (r) => {
            totals.updates += r.updates;
            setLive({
              view: r.live,
              updates: totals.updates,
              seconds: (performance.now() - totals.started) / 1000,
            });
            if (runningRef.current) next();
          },
          onError: (m) => {
            setMessage(m);
            setRunning(false);
          },
        },
      );
    };
    next();
  }, [ready, client, running, runBatch]);

  function act(kind: 'cross' | 'rebalance') {
    if (!client || !ready) return;
    let note = '';
    runRefresh(
      () =>
        kind === 'cross'
          ? mapCall(client.call('sharding:cross', { mode, player }), (r) => {
              const m = r.move;
              note = m.moved
                ? `Score set to ${fmt(m.score)}: moved from shard #${m.fromShard} to #${m.toShard} atomically (${commandList(r.cost)}).`
                : `Score set to ${fmt(m.score)}: stayed in shard #${m.toShard} (${commandList(r.cost)}).`;
              return r.view;
            })
          : mapCall(client.call('sharding:rebalance', { mode, player }), (r) => {
              note = `Rebalanced from quantiles: ${fmt(r.result.moved)} players changed shard (${commandList(r.cost)}).`;
              return r.view;
            }),
      { onResult: () => setMessage(note), onError: setMessage },
    );
  }
  const busy = refresh.busy;
  const view = refresh.value ?? load.value;

  // While live updates run, the running design's numbers replace the last full view.
  const liveView = running && live?.view.mode === mode ? live.view : null;
  const shardList = liveView?.shards ?? view?.shards;
  const top = liveView?.top ?? view?.top;
  const chartData = useMemo(
    () =>
      shardList
        ? ([shardList.map((s) => s.shard), shardList.map((s) => s.size)] as [number[], number[]])
        : null,
    [shardList],
  );
  const biggest = shardList?.reduce((a, b) => (b.size > a.size ? b : a), shardList[0]!);
  const chartSummary = shardList
    ? `Players per shard: ${shardList.map((s) => `#${s.shard} ${fmt(s.size)}`).join(', ')}`
    : '';

  const snippet = () =>
    embedSnippet(
      'sharding',
      'Sharding playground · Leaderboard Lab',
      SHARDING_PARAMS,
      { ...values, player },
      SHARDING_EMBED_HEIGHT,
    );

  const exact = view?.exactRank.rank?.rank;
  const designs = view
    ? ([
        ['range', 'Range shards', 'local rank + ZCARD of the shards above', view.rangeRank],
        ['hash', 'Hash shards', 'ZCOUNT on every shard, summed', view.hashRank],
        ['oracle', 'One sorted set', 'ZREVRANK: the oracle', view.exactRank],
      ] as const)
    : [];
  const shownPlayer = liveView?.player ?? view?.player;

  return (
    <PlaygroundFrame widget="ShardingPlayground" embedded={embedded} snippet={snippet}>
      <form
        className="grid grid-cols-2 gap-3 border-b border-zinc-200 px-4 py-3 sm:grid-cols-3 dark:border-zinc-800"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Players"
          id={`${id}-players`}
          value={players}
          options={PLAYER_COUNTS}
          format={fmt}
          onChange={(n) => update({ players: n, player: Math.min(values.player, n - 1) })}
        />
        <SelectField
          label="Shards"
          id={`${id}-shards`}
          value={shards}
          options={SHARD_COUNTS}
          onChange={(n) => update({ shards: n })}
        />
        <SelectField
          label="Score distribution"
          id={`${id}-distribution`}
          value={distribution}
          options={SHARDING_PARAMS.distribution.options}
          onChange={(d) => update({ distribution: d })}
        />
        <SegmentedControl
          legend="Shard by"
          name={`${id}-mode`}
          value={mode}
          options={[
            ['range', 'range'],
            ['hash', 'hash'],
          ]}
          onChange={(m) => update({ mode: m })}
        />
        <NumberField
          label={`Player # (0–${fmt(players - 1)})`}
          id={`${id}-player`}
          value={player}
          min={0}
          max={players - 1}
          onChange={(n) => update({ player: n })}
        />
        <SeedField
          id={`${id}-seed`}
          value={seed}
          max={SHARDING_PARAMS.seed.max}
          onChange={(n) => update({ seed: n })}
        />
      </form>

      <div className="flex flex-1 flex-col gap-3 px-4 py-3">
        <ParamNotes notes={shownNotes} />
        {load.status.kind !== 'ready' || !view ? (
          <LoadState status={load.status} onCancel={load.cancel} onReload={load.retry} />
        ) : (
          <>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="min-w-0">
                <h4 className="m-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  Players per shard ({liveView?.mode ?? view.mode})
                </h4>
                {chartData ? (
                  <UPlotChart
                    data={chartData}
                    series={sizeSeries}
                    xLabel="shard"
                    yLabel="players"
                    height={180}
                    xValues={shardTick}
                    summary={chartSummary}
                    yMin={0}
                  />
                ) : null}
                <p
                  className="m-0 mt-1 text-xs text-zinc-600 dark:text-zinc-400"
                  data-testid="shard-summary"
                >
                  Largest: shard #{biggest?.shard} with {fmt(biggest?.size ?? 0)} of{' '}
                  {fmt(view.players)} players (
                  {(((biggest?.size ?? 0) / view.players) * 100).toFixed(1)}%).
                  {(liveView?.mode ?? view.mode) === 'range'
                    ? ` Boundaries: ${view.boundaries.map(fmt).join(', ') || 'none'}.`
                    : ''}
                </p>
              </div>
              <div className="min-w-0">
                <h4 className="m-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  {/* Member ids are case-sensitive in the console: never upper-case one. */}
                  Global rank of <span className="normal-case">{shownPlayer?.id}</span> (score{' '}
                  {fmt(shownPlayer?.score ?? 0)})
                </h4>
                <ul className="m-0 flex list-none flex-col gap-2 p-0" data-testid="ranks">
                  {designs.map(([key, name, how, settled]) => {
                    // Live, only the running design is current; the others catch up on stop.
                    const paused = liveView !== null && key !== liveView.mode;
                    const r = liveView && key === liveView.mode ? liveView.rank : settled;
                    // A large world shows the design on screen first; the others follow.
                    const loading = !paused && view.pending.includes(key);
                    return (
                      <li
                        key={key}
                        className={`rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800 ${paused ? 'opacity-60' : ''}`}
                      >
                        <div className="flex items-baseline justify-between gap-2">
                          <span className="text-sm font-medium">{name}</span>
                          <span className="font-mono text-sm font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
                            {paused
                              ? 'paused'
                              : loading
                                ? 'loading…'
                                : `#${r.rank ? fmt(r.rank.rank) : '–'}`}
                            {!liveView && r.rank && exact !== undefined && r.rank.rank === exact ? (
                              <span className="sr-only"> (matches the single set)</span>
                            ) : null}
                          </span>
                        </div>
                        <p className="m-0 text-xs text-zinc-600 dark:text-zinc-400">
                          {paused
                            ? 'catches up with the live updates when you stop them'
                            : loading
                              ? loadingNote(refresh.status, key)
                              : `${how}: ${commandList(r.cost)} · ${r.cost.roundTrips} round trip${r.cost.roundTrips === 1 ? '' : 's'}`}
                        </p>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </div>

            <div className="flex flex-wrap items-center gap-2">
              <button
                type="button"
                className={buttonClass}
                aria-pressed={running}
                data-testid="live-toggle"
                // Live updates can start while a view is in flight (the boards a large world
                // loads after its first view, say): the worker runs requests in order, so the
                // first batch follows the view. Only the other two actions wait for it.
                disabled={!ready}
                onClick={() => setRunning((r) => !r)}
              >
                {running ? 'Stop live updates' : 'Run live updates'}
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={busy || running}
                onClick={() => void act('cross')}
              >
                Push across a boundary
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={busy || running}
                onClick={() => void act('rebalance')}
              >
                Rebalance
              </button>
            </div>
            {live ? (
              <p
                className="m-0 text-sm text-zinc-700 tabular-nums dark:text-zinc-300"
                data-testid="live-rate"
                data-updates={live.updates}
                data-seconds={live.seconds.toFixed(3)}
              >
                {running ? 'Live: ' : 'Stopped after '}
                {fmt(live.updates)} seeded score updates to the {live.view.mode} shards in{' '}
                {live.seconds.toFixed(1)} s:{' '}
                <strong className="font-semibold">
                  {fmt(live.updates / Math.max(live.seconds, 1e-3))} updates/s
                </strong>{' '}
                with the rank and top 10 redrawn after every {fmt(LIVE_BATCH)}.
              </p>
            ) : null}
            <p
              className="m-0 min-h-[2.5rem] text-sm text-zinc-700 dark:text-zinc-300"
              aria-live="polite"
              data-testid="action-message"
            >
              {message ||
                'Run live updates, push the player across a boundary, or rebalance: what changed and the commands it took appear here.'}
            </p>

            <div>
              <h4 className="m-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                {(liveView ?? view).mode === 'hash'
                  ? 'Top 10 by scatter-gather'
                  : 'Top 10 from the top shards'}
              </h4>
              <p className="m-0 mb-1 text-xs text-zinc-600 dark:text-zinc-400">
                {commandList(top!.cost)} · {fmt(top!.cost.membersTransferred)} rows transferred for
                10 shown
              </p>
              <ol
                className="m-0 grid list-none grid-cols-1 gap-x-6 p-0 font-mono text-xs tabular-nums sm:grid-cols-2"
                data-testid="top10"
              >
                {top!.rows.map((row, i) => (
                  <li
                    key={row.member}
                    className="flex justify-between gap-2 border-b border-zinc-100 py-0.5 dark:border-zinc-800/70"
                  >
                    <span>
                      {i + 1}. {row.member}
                    </span>
                    <span>{fmt(row.score)}</span>
                  </li>
                ))}
              </ol>
            </div>
          </>
        )}
      </div>
    </PlaygroundFrame>
  );
}
