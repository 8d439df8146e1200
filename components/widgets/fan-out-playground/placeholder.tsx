import { createFriendGraph, FANOUT_PARAMS } from '@/lib/leaderboard';
import { fmtInt, StaticPlaygroundFrame, valuesFromProps } from '../static-frame';
import type { FanOutPlaygroundProps } from './fan-out-playground.core';

const DESIGNS = ['Fan-out on read', 'Fan-out on write', 'Hybrid'] as const;

/**
 * The fan-out playground before its code arrives: its controls, the seeded follows graph
 * (built here at build time by the same lib/leaderboard code) and the three designs'
 * counters before the first update.
 */
export function FanOutPlaceholder(props: FanOutPlaygroundProps & { embedded?: boolean }) {
  const v = valuesFromProps(FANOUT_PARAMS, props as Record<string, unknown>);
  const graph = createFriendGraph({
    seed: v.seed,
    players: v.players,
    meanFollows: v.meanFollows,
    celebrities: v.celebrities ? 3 : 0,
    celebrityReach: 0.3,
  });
  return (
    <StaticPlaygroundFrame
      widget="FanOutPlayground"
      embedded={props.embedded}
      fields={[
        ['Players', fmtInt(v.players)],
        ['Mean follows', String(v.meanFollows)],
        ['Celebrities', v.celebrities ? 'on' : 'off'],
        ['Updates per tick', fmtInt(v.rate)],
        ['Hybrid threshold', `${fmtInt(v.celebrityFollowers)} followers`],
        ['Seed', String(v.seed)],
      ]}
    >
      <p className="m-0 text-xs text-zinc-600 dark:text-zinc-400">
        {fmtInt(graph.players)} players follow each other {fmtInt(graph.edges)} times (
        {(graph.edges / Math.max(1, graph.players)).toFixed(1)} each).
      </p>
      <div className="grid grid-cols-3 gap-2">
        {DESIGNS.map((d) => (
          <div
            key={d}
            className="min-w-0 rounded-md border border-zinc-200 px-2 py-2 text-xs sm:px-3 sm:text-sm dark:border-zinc-800"
          >
            <p className="m-0 font-semibold text-zinc-900 dark:text-zinc-100">{d}</p>
            <p className="m-0 mt-1 text-zinc-600 dark:text-zinc-400">0 updates</p>
          </div>
        ))}
      </div>
    </StaticPlaygroundFrame>
  );
}
