import {
  createWorld,
  evenBoundaries,
  fnv1a,
  shardForScore,
  SHARDING_PARAMS,
} from '@/lib/leaderboard';
import { widgetEntry } from '../manifest';
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
  return (
    <StaticPlaygroundFrame
      id="sharding-playground"
      title="Sharding playground"
      heightClass={widgetEntry('ShardingPlayground').height}
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
    </StaticPlaygroundFrame>
  );
}
