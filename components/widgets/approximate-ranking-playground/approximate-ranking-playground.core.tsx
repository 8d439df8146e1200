'use client';

import { useEffect, useId, useMemo } from 'react';
import { APPROXIMATE_PARAMS, type ParamValues } from '@/lib/leaderboard/playground-params';
import type { ApproximateView } from '@/lib/leaderboard';
import {
  buttonClass,
  fmt,
  ParamNotes,
  SegmentedControl,
  SelectField,
  PlaygroundFrame,
  SeedField,
} from '../playground-parts';
import { embedSnippet, usePlaygroundParams } from '../playground-url';
import { UPlotChart, type ChartSeries } from '../uplot-chart';
import { useWorkerRequest, type LeaderboardClient } from '../use-worker';

/** Props a chapter passes: the playground's starting state (the URL may override it). */
export interface ApproximateRankingPlaygroundProps {
  seed?: number;
  players?: number;
  buckets?: number;
  kind?: 'fixed' | 'log' | 'quantile';
  distribution?: 'uniform' | 'normal' | 'long-tail';
  scale?: 'exact' | '100m';
  head?: number;
}

type Params = ParamValues<typeof APPROXIMATE_PARAMS>;

/** Height of the iframe an embed snippet asks for, px. */
export const APPROXIMATE_EMBED_HEIGHT = 760;

const PLAYER_COUNTS = [10_000, 100_000, 1_000_000];
const BUCKET_COUNTS = [10, 50, 100, 1_000, 10_000];
const HEAD_SIZES = [0, 100, 1_000, 10_000];

const rankSeries: ChartSeries[] = [
  { label: 'exact rank', stroke: ['#52525b', '#d4d4d8'] },
  { label: 'estimated rank', stroke: ['#4f46e5', '#818cf8'], dash: [6, 4] },
];
const errorSeries: ChartSeries[] = [
  {
    label: 'mean relative error, % of the exact rank',
    stroke: ['#d97706', '#fbbf24'],
    fill: ['rgba(217,119,6,0.7)', 'rgba(251,191,36,0.7)'],
    bars: true,
  },
];
const pct = (v: number) => `${+v.toFixed(2)}%`;
/** Axis ticks: two significant digits below 1%, so an axis of small errors never reads "0% 0%". */
const axisPct = (v: number) =>
  v === 0 ? '0%' : Math.abs(v) >= 1 ? `${+v.toFixed(2)}%` : `${+v.toPrecision(2)}%`;
const percentileTick = (v: number) => `${Math.round(v)}`;

/**
 * What the error bound means for this view, computed: the bound (an estimate is off by at
 * most its bucket's count) held or not, and how large the errors actually were, so the
 * sentence never calls a 2,000% error "within the bound" without saying how wide it is.
 */
function boundSentence(view: ApproximateView): string {
  const e = view.error;
  const held = e.boundViolations
    ? `${fmt(e.boundViolations)} of ${fmt(e.samples)} estimates broke the bound (off by more than their bucket's count).`
    : `All ${fmt(e.samples)} estimates kept to the bound (off by at most their bucket's count).`;
  return `${held} The largest error was ${fmt(e.maxAbs)} ranks; the p99 relative error ${pct(e.p99Rel * 100)}.`;
}

/** Bytes as KB / MB / GB. */
function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} KB`;
  return `${n} B`;
}

/**
 * The approximate-ranking playground: a score histogram (fixed-width, log or quantile
 * buckets) answering rank by summing the buckets above and interpolating inside one,
 * against the exact ranks of up to a million players, or of a 100M population kept only
 * as a histogram. Every number comes from lib/leaderboard through `client`; Cancel stops the
 * computation in the worker at its next stage.
 */
export function ApproximateRankingPlaygroundCore({
  client,
  embedded = false,
  ...props
}: ApproximateRankingPlaygroundProps & {
  client: LeaderboardClient | null;
  embedded?: boolean;
}) {
  const { values, notes, update } = usePlaygroundParams(APPROXIMATE_PARAMS, props);
  const compute = useWorkerRequest<ApproximateView>();
  const view = compute.value;
  const status = compute.status;
  const id = useId();
  const { seed, players, buckets, kind, distribution, scale, head } = values;
  const { run } = compute;

  useEffect(() => {
    if (!client) return;
    const params: Params = { seed, players, buckets, kind, distribution, scale, head };
    run((onProgress) => client.call('approx:view', params, { onProgress }));
  }, [client, seed, players, buckets, kind, distribution, scale, head, run]);

  const rankData = useMemo(
    () =>
      view
        ? ([
            view.points.map((p) => p.score),
            view.points.map((p) => p.exact),
            view.points.map((p) => p.estimated),
          ] as [number[], number[], number[]])
        : null,
    [view],
  );
  const errorData = useMemo(
    () =>
      view
        ? ([
            view.errorByPercentile.map((b) => (b.fromPercentile + b.toPercentile) / 2),
            view.errorByPercentile.map((b) => b.meanRel * 100),
          ] as [number[], number[]])
        : null,
    [view],
  );

  const snippet = () =>
    embedSnippet(
      'approximate-ranking',
      'Approximate ranking playground · Leaderboard Lab',
      APPROXIMATE_PARAMS,
      values,
      APPROXIMATE_EMBED_HEIGHT,
    );
  const labelClass =
    'm-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

  return (
    <PlaygroundFrame widget="ApproximateRankingPlayground" embedded={embedded} snippet={snippet}>
      <form
        className="grid grid-cols-2 gap-3 border-b border-zinc-200 px-4 py-3 sm:grid-cols-4 dark:border-zinc-800"
        onSubmit={(e) => e.preventDefault()}
      >
        <SegmentedControl
          legend="Population"
          name={`${id}-scale`}
          value={scale}
          options={[
            ['exact', 'players'],
            ['100m', '100M'],
          ]}
          onChange={(s) => update({ scale: s })}
        />
        <SelectField
          label="Players"
          id={`${id}-players`}
          value={players}
          options={PLAYER_COUNTS}
          format={fmt}
          disabled={scale === '100m'}
          onChange={(n) => update({ players: n })}
        />
        <SelectField
          label="Buckets"
          id={`${id}-buckets`}
          value={buckets}
          options={BUCKET_COUNTS}
          format={fmt}
          onChange={(n) => update({ buckets: n })}
        />
        <SelectField
          label="Bucket type"
          id={`${id}-kind`}
          value={kind}
          options={APPROXIMATE_PARAMS.kind.options}
          onChange={(k) => update({ kind: k })}
        />
        <SelectField
          label="Score distribution"
          id={`${id}-distribution`}
          value={distribution}
          options={APPROXIMATE_PARAMS.distribution.options}
          onChange={(d) => update({ distribution: d })}
        />
        <SelectField
          label="Exact head (top K)"
          id={`${id}-head`}
          value={head}
          options={HEAD_SIZES}
          format={fmt}
          disabled={scale === '100m'}
          onChange={(n) => update({ head: n })}
        />
        <SeedField
          id={`${id}-seed`}
          value={seed}
          max={APPROXIMATE_PARAMS.seed.max}
          onChange={(n) => update({ seed: n })}
        />
      </form>

      <div className="flex flex-1 flex-col gap-3 px-4 py-3">
        <ParamNotes notes={notes} />
        {status.kind === 'loading' ? (
          <div
            className="flex items-center gap-3 text-sm"
            role="status"
            data-testid="load-progress"
          >
            <span>
              Computing {scale === '100m' ? '100,000,000' : fmt(players)} ranks in the worker
              {status.progress ? `: ${status.progress.phase}` : ''}…
            </span>
            <progress
              className="h-2 min-w-0 flex-1 accent-accent-600"
              aria-label="Computing"
              max={status.progress?.total ?? 1}
              value={status.progress?.done ?? 0}
            />
            <button
              type="button"
              className={buttonClass}
              disabled={status.cancelling}
              onClick={compute.cancel}
            >
              {status.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
        ) : status.kind === 'cancelled' ? (
          <div className="flex items-center gap-3 text-sm" role="status">
            <span>Cancelled.</span>
            <button type="button" className={buttonClass} onClick={compute.retry}>
              Compute again
            </button>
          </div>
        ) : status.kind === 'failed' ? (
          <p className="m-0 text-sm text-red-700 dark:text-red-300" role="alert">
            {status.message}
          </p>
        ) : status.kind === 'idle' ? (
          <p className="m-0 text-sm text-zinc-500 dark:text-zinc-400">Starting the engine…</p>
        ) : null}
        {view ? (
          <div
            className={`flex flex-col gap-3 ${status.kind === 'loading' ? 'opacity-50' : ''}`}
            aria-busy={status.kind === 'loading'}
          >
            <dl
              className="m-0 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4"
              data-testid="approx-stats"
            >
              {(
                [
                  ['Players', fmt(view.players)],
                  [
                    'Mean error',
                    `${fmt(view.error.meanAbs)} ranks (${pct(view.error.meanRel * 100)})`,
                  ],
                  [
                    'p99 error',
                    `${fmt(view.error.p99Abs)} ranks (${pct(view.error.p99Rel * 100)})`,
                  ],
                  ['Max error', `${fmt(view.error.maxAbs)} ranks`],
                  ['Exact: sorted set', bytes(view.memory.exactBytes)],
                  ['Approximate', bytes(view.memory.approximateBytes)],
                  [
                    'Memory saved',
                    `${fmt(view.memory.exactBytes / Math.max(1, view.memory.approximateBytes))}×`,
                  ],
                  ['Per estimate', `${view.usPerRank.toFixed(2)} µs`],
                ] as const
              ).map(([k, v]) => (
                <div
                  key={k}
                  className="rounded-md border border-zinc-200 px-2.5 py-1.5 dark:border-zinc-800"
                >
                  <dt className="text-xs text-zinc-600 dark:text-zinc-400">{k}</dt>
                  <dd className="m-0 font-mono text-sm font-semibold tabular-nums">{v}</dd>
                </div>
              ))}
            </dl>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="min-w-0">
                <h4 className={labelClass}>Estimated against exact rank</h4>
                {rankData ? (
                  <UPlotChart
                    data={rankData}
                    series={rankSeries}
                    xLabel="score"
                    yLabel="rank"
                    height={180}
                    summary={`Estimated and exact rank by score, ${view.points.length} sampled scores; mean relative error ${pct(view.error.meanRel * 100)}`}
                    yMin={0}
                  />
                ) : null}
              </div>
              <div className="min-w-0">
                <h4 className={labelClass}>Error by percentile of players</h4>
                {errorData ? (
                  <UPlotChart
                    data={errorData}
                    series={errorSeries}
                    xLabel="percentile (0 = top)"
                    yLabel="error %"
                    height={180}
                    xValues={percentileTick}
                    yValues={axisPct}
                    summary={`Mean relative error by percentile band: ${view.errorByPercentile
                      .map(
                        (b) =>
                          `${Math.round(b.fromPercentile)}–${Math.round(b.toPercentile)}: ${pct(b.meanRel * 100)}`,
                      )
                      .join(', ')}`}
                    yMin={0}
                  />
                ) : null}
              </div>
            </div>
            <p className="m-0 text-xs text-zinc-600 dark:text-zinc-400">
              {fmt(view.buckets.counts.length)} {kind} buckets: {bytes(view.memory.histogramBytes)}{' '}
              of histogram
              {view.memory.headBytes
                ? ` plus ${bytes(view.memory.headBytes)} for the exact head`
                : ''}
              , against {bytes(view.memory.exactBytes)} for a sorted set of every player.
              {` ${boundSentence(view)}`}
            </p>
          </div>
        ) : null}
      </div>
    </PlaygroundFrame>
  );
}
