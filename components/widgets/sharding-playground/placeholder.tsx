import {
  createWorld,
  evenBoundaries,
  fnv1a,
  shardForScore,
  SHARDING_PARAMS,
} from '@/lib/leaderboard';
import { fmtInt, StaticBars, StaticPlaygroundFrame, valuesFromProps } from '../static-frame';
import type { ShardingPlaygroundProps } from './sharding-playground.core';

/**
 * The sharding playground before its code arrives: its controls at the chapter's values and
 * the players-per-shard chart of the seeded world, computed here at build time by the same
 * lib/leaderboard code the worker runs.
 */
export function ShardingPlaceholder(props: ShardingPlaygroundProps & { embedded?: boolean }) {
  const v = valuesFromProps(SHARDING_PARAMS, props as Record<string, unknown>);
  const world = createWorld({ seed: v.seed, players: v.players, distribution: v.distribution });
  const sizes = new Array<number>(v.shards).fill(0);
  if (v.mode === 'range') {
    const bounds = evenBoundaries(v.shards, world.maxScore);
    for (const s of world.scores) sizes[shardForScore(bounds, s)]!++;
  } else {
    for (let i = 0; i < world.players; i++) sizes[fnv1a(world.id(i)) % v.shards]!++;
  }
  const biggest = sizes.indexOf(Math.max(...sizes));
  const action =
    'inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
  return (
    <StaticPlaygroundFrame
      widget="ShardingPlayground"
      embedded={props.embedded}
      fields={[
        ['Players', fmtInt(v.players)],
        ['Shards', String(v.shards)],
        ['Score distribution', v.distribution],
        ['Shard by', v.mode],
        [`Player # (0–${fmtInt(v.players - 1)})`, String(Math.min(v.player, v.players - 1))],
        ['Seed', String(v.seed)],
      ]}
    >
      <div className="max-w-xl">
        <h4 className="m-0 mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Players per shard ({v.mode})
        </h4>
        <StaticBars
          values={sizes}
          labels={sizes.map((_, i) => `#${i}`)}
          caption={`Largest: shard #${biggest} with ${fmtInt(sizes[biggest] ?? 0)} of ${fmtInt(v.players)} players.`}
        />
      </div>
      {/* The live widget's actions, where a reader looks for them. A tap on the first is kept
          and performed on the live button once it is ready (site-controls.ts); the other two
          change the board the reader is looking at, so they wait for it. */}
      <div aria-hidden="true" className="flex flex-wrap items-center gap-2">
        <span
          className={`${action} cursor-pointer data-queued:animate-pulse data-queued:border-accent-500`}
          data-queue-control="Run live updates"
        >
          Run live updates
        </span>
        {/* Disabled buttons, as the live ones are while a board loads: greyed text on a
            disabled control is exempt from the contrast rule, on a plain span it is not. */}
        <button type="button" disabled tabIndex={-1} className={`${action} opacity-50`}>
          Push across a boundary
        </button>
        <button type="button" disabled tabIndex={-1} className={`${action} opacity-50`}>
          Rebalance
        </button>
      </div>
    </StaticPlaygroundFrame>
  );
}
