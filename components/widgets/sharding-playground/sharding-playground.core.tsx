'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { OperationCost } from '@/lib/leaderboard/cost-ledger';
import { SHARDING_PARAMS, type ParamValues } from '@/lib/leaderboard/playground-params';
import type { LiveShardingView, ShardingView } from '@/lib/leaderboard/playgrounds';
import {
  LeaderboardWorkerError,
  type LeaderboardWorkerClient,
  type PlaygroundCall,
  type PlaygroundProgress,
} from '@/lib/worker/leaderboard-worker-client';
import {
  buttonClass,
  Field,
  fieldClass,
  fmt,
  ParamNotes,
  SegmentedControl,
  LoadState,
  type LoadStatus,
  PlaygroundFrame,
  SeedField,
  SelectField,
} from '../playground-parts';
import { embedSnippet, usePlaygroundParams } from '../playground-url';
import { UPlotChart, type ChartSeries } from '../uplot-chart';
import { useThrottled } from '../use-throttled';

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
}: ShardingPlaygroundProps & { client: LeaderboardWorkerClient | null; embedded?: boolean }) {
  const { values, notes, update } = usePlaygroundParams(SHARDING_PARAMS, props);
  const [status, setStatus] = useState<LoadStatus>({ kind: 'starting' });
  const [view, setView] = useState<ShardingView | null>(null);
  const [message, setMessage] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [running, setRunning] = useState(false);
  const [live, setLive] = useState<{
    view: LiveShardingView;
    updates: number;
    seconds: number;
  } | null>(null);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const loadRef = useRef<PlaygroundCall<ShardingView> | null>(null);
  const latest = useRef(values);
  useEffect(() => {
    // The load reads mode and player from here, so changing them alone does not reload.
    latest.current = values;
  });
  const viewSeq = useRef(0);
  const id = useId();

  const showProgress = useThrottled<PlaygroundProgress>(
    useCallback(
      (p) => setStatus((s) => (s.kind === 'loading' ? { kind: 'loading', ...p } : s)),
      [],
    ),
    // A progress bar needs a few updates a second, not one per message.
    200,
  );

  const { seed, players, shards, distribution, mode } = values;
  const player = Math.min(values.player, players - 1);

  useEffect(() => {
    if (!client) return;
    const params: Params = { ...latest.current, seed, players, shards, distribution };
    params.player = Math.min(params.player, players - 1);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStatus({ kind: 'loading', phase: 'range shards', done: 0, total: players });
    setMessage('');
    setRunning(false);
    setLive(null);
    const call = client.call({ type: 'lb:sharding:load', params }, showProgress);
    loadRef.current = call;
    call.done.then(
      (v) => {
        if (loadRef.current !== call) return;
        setView(v);
        setStatus({ kind: 'ready' });
      },
      (e: unknown) => {
        if (loadRef.current !== call) return;
        setStatus(
          e instanceof LeaderboardWorkerError && e.cancelled
            ? { kind: 'cancelled' }
            : { kind: 'error', message: e instanceof Error ? e.message : String(e) },
        );
      },
    );
    return () => {
      if (loadRef.current === call) loadRef.current = null;
      call.cancel();
    };
  }, [client, seed, players, shards, distribution, showProgress, reloads]);

  const ready = status.kind === 'ready' && client !== null;
  useEffect(() => {
    if (!ready || !client || running) return;
    const seq = ++viewSeq.current;
    // After a live run this view also brings the other two designs up to date.
    const call = inFlight.current.then(
      () => client.call({ type: 'lb:sharding:view', mode, player }).done,
    );
    inFlight.current = call.catch(() => undefined);
    call
      .then((v) => {
        if (seq === viewSeq.current) setView(v);
      })
      .catch(() => undefined);
  }, [ready, client, mode, player, running]);

  // Live updates: one request in flight at a time, each applying LIVE_BATCH seeded score
  // updates to the chosen design in the worker; the rate is wall-clock time in the page.
  useEffect(() => {
    if (!ready || !client || !running) return;
    let stopped = false;
    const world = loadRef.current;
    let updates = 0;
    const loop = async () => {
      await inFlight.current;
      const started = performance.now();
      while (!stopped) {
        const call = client.call({ type: 'lb:sharding:updates', count: LIVE_BATCH, mode, player });
        inFlight.current = call.done.catch(() => undefined);
        const r = await call.done;
        updates += r.updates;
        // A batch that lands after Stop still counts (the worker applied it); one that
        // lands after a reload belongs to a world that is gone.
        if (loadRef.current !== world) return;
        setLive({ view: r.live, updates, seconds: (performance.now() - started) / 1000 });
      }
    };
    loop().catch((e: unknown) => {
      if (loadRef.current !== world) return;
      setMessage(e instanceof Error ? e.message : String(e));
      setRunning(false);
    });
    return () => {
      stopped = true;
    };
  }, [ready, client, running, mode, player]);

  async function act(kind: 'cross' | 'rebalance') {
    if (!client || !ready) return;
    setBusy(true);
    try {
      if (kind === 'cross') {
        const r = await client.call({ type: 'lb:sharding:cross', mode, player }).done;
        const m = r.move;
        setMessage(
          m.moved
            ? `Score set to ${fmt(m.score)}: moved from shard #${m.fromShard} to #${m.toShard} atomically (${commandList(r.cost)}).`
            : `Score set to ${fmt(m.score)}: stayed in shard #${m.toShard} (${commandList(r.cost)}).`,
        );
        viewSeq.current++;
        setView(r.view);
      } else {
        const r = await client.call({ type: 'lb:sharding:rebalance', mode, player }).done;
        setMessage(
          `Rebalanced from quantiles: ${fmt(r.result.moved)} players changed shard (${commandList(r.cost)}).`,
        );
        viewSeq.current++;
        setView(r.view);
      }
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

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

  const loading = status.kind === 'loading' || status.kind === 'starting';
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
    <PlaygroundFrame
      name="sharding-playground"
      title="Sharding playground"
      chapterHref="/leaderboard-design/sharding/"
      heightClass="h-[78rem] sm:h-[50rem]"
      embedded={embedded}
      snippet={snippet}
    >
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
        <Field label={`Player # (0–${fmt(players - 1)})`} htmlFor={`${id}-player`}>
          <input
            id={`${id}-player`}
            type="number"
            inputMode="numeric"
            min={0}
            max={players - 1}
            className={fieldClass}
            value={player}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n)) update({ player: Math.min(players - 1, Math.max(0, n)) });
            }}
          />
        </Field>
        <SeedField
          id={`${id}-seed`}
          value={seed}
          max={SHARDING_PARAMS.seed.max}
          onChange={(n) => update({ seed: n })}
        />
      </form>

      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-4 py-3 [&>*]:shrink-0">
        <ParamNotes notes={notes} />
        {loading || status.kind !== 'ready' || !view ? (
          <LoadState
            status={status.kind === 'ready' ? { kind: 'starting' } : status}
            onCancel={() => loadRef.current?.cancel()}
            onReload={() => setReloads((n) => n + 1)}
          />
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
                  Global rank of {shownPlayer?.id} (score {fmt(shownPlayer?.score ?? 0)})
                </h4>
                <ul className="m-0 flex list-none flex-col gap-2 p-0" data-testid="ranks">
                  {designs.map(([key, name, how, settled]) => {
                    // Live, only the running design is current; the others catch up on stop.
                    const paused = liveView !== null && key !== liveView.mode;
                    const r = liveView && key === liveView.mode ? liveView.rank : settled;
                    return (
                      <li
                        key={key}
                        className={`rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800 ${paused ? 'opacity-60' : ''}`}
                      >
                        <div className="flex items-baseline justify-between gap-2">
                          <span className="text-sm font-medium">{name}</span>
                          <span className="font-mono text-sm font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
                            {paused ? 'paused' : `#${r.rank ? fmt(r.rank.rank) : '–'}`}
                            {!liveView && r.rank && exact !== undefined && r.rank.rank === exact ? (
                              <span className="sr-only"> (matches the single set)</span>
                            ) : null}
                          </span>
                        </div>
                        <p className="m-0 text-xs text-zinc-600 dark:text-zinc-400">
                          {paused
                            ? 'catches up with the live updates when you stop them'
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
                disabled={busy}
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
