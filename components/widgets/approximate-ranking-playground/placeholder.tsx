import { APPROXIMATE_PARAMS, approximateView } from '@/lib/leaderboard';
import { fmtInt, StaticPlaygroundFrame, valuesFromProps } from '../static-frame';
import type { ApproximateRankingPlaygroundProps } from './approximate-ranking-playground.core';

const pct = (v: number) => `${+v.toFixed(2)}%`;

/**
 * The approximate-ranking playground before its code arrives: its controls and the error
 * figures of the chapter's world, computed here at build time by the same
 * lib/leaderboard code the worker runs.
 */
export function ApproximatePlaceholder(
  props: ApproximateRankingPlaygroundProps & { embedded?: boolean },
) {
  const v = valuesFromProps(APPROXIMATE_PARAMS, props as Record<string, unknown>);
  const view = approximateView(v);
  const stats: [string, string][] = [
    ['Players', fmtInt(view.players)],
    ['Mean error', `${fmtInt(view.error.meanAbs)} ranks (${pct(view.error.meanRel * 100)})`],
    ['p99 error', `${fmtInt(view.error.p99Abs)} ranks (${pct(view.error.p99Rel * 100)})`],
    ['Max error', `${fmtInt(view.error.maxAbs)} ranks`],
  ];
  return (
    <StaticPlaygroundFrame
      widget="ApproximateRankingPlayground"
      embedded={props.embedded}
      columns="sm:grid-cols-4"
      fields={[
        ['Population', v.scale === '100m' ? '100M' : 'players'],
        ['Players', fmtInt(v.players)],
        ['Buckets', fmtInt(v.buckets)],
        ['Bucket type', v.kind],
        ['Score distribution', v.distribution],
        ['Exact head (top K)', fmtInt(v.head)],
        ['Seed', String(v.seed)],
      ]}
    >
      <dl className="m-0 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {stats.map(([k, value]) => (
          <div
            key={k}
            className="rounded-md border border-zinc-200 px-2.5 py-1.5 dark:border-zinc-800"
          >
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{k}</dt>
            <dd className="m-0 font-mono text-sm font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </StaticPlaygroundFrame>
  );
}
