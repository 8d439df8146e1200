'use client';

/**
 * The lazy wrappers chapters use for interactive widgets. Each widget's code is its own
 * chunk, fetched only on pages that render it; until it arrives a placeholder of the
 * widget's final size holds its place, so nothing on the page moves.
 */
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { useNearViewport } from './use-near-viewport';
import { WidgetPlaceholder } from './widget-placeholder';

export const PracticeTimer = dynamic(
  () => import('./practice-timer').then((m) => m.PracticeTimer),
  {
    ssr: false,
    loading: () => (
      <WidgetPlaceholder
        name="practice-timer"
        label="45-minute practice timer"
        className="h-[17.5rem]"
      />
    ),
  },
);

export const RedisConsole = dynamic(
  () => import('./redis-console/redis-console').then((m) => m.RedisConsole),
  {
    ssr: false,
    loading: () => (
      <WidgetPlaceholder name="redis-console" label="Redis console" className="h-[30rem]" />
    ),
  },
);

export const SkipListPicture = dynamic(
  () => import('./skip-list-picture/skip-list-picture').then((m) => m.SkipListPicture),
  {
    ssr: false,
    loading: () => (
      <WidgetPlaceholder
        name="skip-list-picture"
        label="Skip-list picture"
        className="h-[40rem] sm:h-[36rem]"
      />
    ),
  },
);

const shardingPlaceholder = (
  <WidgetPlaceholder
    name="sharding-playground"
    label="Sharding playground"
    className="h-[78rem] sm:h-[50rem]"
  />
);

const ShardingPlaygroundChunk = dynamic(
  () => import('./sharding-playground/sharding-playground').then((m) => m.ShardingPlayground),
  { ssr: false, loading: () => shardingPlaceholder },
);

/**
 * The playgrounds sit deep in long sections and carry a charting library: their code is
 * fetched only when the placeholder comes within a screen of the viewport, so a reader
 * (and Lighthouse) opening the page pays nothing for them.
 */
export function ShardingPlayground(props: ComponentProps<typeof ShardingPlaygroundChunk>) {
  const [ref, near] = useNearViewport();
  return near ? <ShardingPlaygroundChunk {...props} /> : <div ref={ref}>{shardingPlaceholder}</div>;
}

const approximatePlaceholder = (
  <WidgetPlaceholder
    name="approximate-ranking-playground"
    label="Approximate ranking playground"
    className="h-[78rem] sm:h-[44rem]"
  />
);

const ApproximateRankingPlaygroundChunk = dynamic(
  () =>
    import('./approximate-ranking-playground/approximate-ranking-playground').then(
      (m) => m.ApproximateRankingPlayground,
    ),
  { ssr: false, loading: () => approximatePlaceholder },
);

/** Fetched near the viewport, like the sharding playground. */
export function ApproximateRankingPlayground(
  props: ComponentProps<typeof ApproximateRankingPlaygroundChunk>,
) {
  const [ref, near] = useNearViewport();
  return near ? (
    <ApproximateRankingPlaygroundChunk {...props} />
  ) : (
    <div ref={ref}>{approximatePlaceholder}</div>
  );
}
