'use client';

/**
 * The lazy wrappers chapters use for interactive widgets. Each widget's code is its own
 * chunk, fetched only on pages that render it; until it arrives a placeholder of the
 * widget's final size holds its place, so nothing on the page moves.
 *
 * Widgets that start a worker or carry a charting library are also deferred until their
 * placeholder comes within a screen of the viewport (`nearViewport`): a reader opening a
 * long section, and Lighthouse measuring it, pays nothing for a sandbox further down.
 */
import dynamic from 'next/dynamic';
import type { ComponentProps, ComponentType, ReactNode } from 'react';
import { fanOutHeightClass } from './fan-out-playground/fan-out-height';
import { drillHeightClass } from './speed-round-frame';
import { useNearViewport } from './use-near-viewport';
import { WidgetPlaceholder } from './widget-placeholder';

/** A lazy widget that is fetched only once its placeholder nears the viewport. */
function nearViewport<P extends object>(Chunk: ComponentType<P>, placeholder: ReactNode) {
  function NearViewport(props: P) {
    const [ref, near] = useNearViewport();
    return near ? <Chunk {...props} /> : <div ref={ref}>{placeholder}</div>;
  }
  return NearViewport;
}

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

export const SpeedRoundDrill = dynamic(
  () => import('./speed-round-drill').then((m) => m.SpeedRoundDrill),
  {
    ssr: false,
    loading: () => (
      <WidgetPlaceholder
        name="speed-round-drill"
        label="Speed-round drill"
        className={drillHeightClass}
      />
    ),
  },
);

const consolePlaceholder = (
  <WidgetPlaceholder name="redis-console" label="Redis console" className="h-[30rem]" />
);
const RedisConsoleChunk = dynamic(
  () => import('./redis-console/redis-console').then((m) => m.RedisConsole),
  { ssr: false, loading: () => consolePlaceholder },
);
export const RedisConsole = nearViewport<ComponentProps<typeof RedisConsoleChunk>>(
  RedisConsoleChunk,
  consolePlaceholder,
);

const skipListPlaceholder = (
  <WidgetPlaceholder
    name="skip-list-picture"
    label="Skip-list picture"
    className="h-[40rem] sm:h-[36rem]"
  />
);
const SkipListPictureChunk = dynamic(
  () => import('./skip-list-picture/skip-list-picture').then((m) => m.SkipListPicture),
  { ssr: false, loading: () => skipListPlaceholder },
);
export const SkipListPicture = nearViewport<ComponentProps<typeof SkipListPictureChunk>>(
  SkipListPictureChunk,
  skipListPlaceholder,
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
export const ShardingPlayground = nearViewport<ComponentProps<typeof ShardingPlaygroundChunk>>(
  ShardingPlaygroundChunk,
  shardingPlaceholder,
);

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
export const ApproximateRankingPlayground = nearViewport<
  ComponentProps<typeof ApproximateRankingPlaygroundChunk>
>(ApproximateRankingPlaygroundChunk, approximatePlaceholder);

const paginationPlaceholder = (
  <WidgetPlaceholder
    name="pagination-playground"
    label="Pagination under churn playground"
    className="h-[71rem] sm:h-[55rem]"
  />
);
const PaginationPlaygroundChunk = dynamic(
  () => import('./pagination-playground/pagination-playground').then((m) => m.PaginationPlayground),
  { ssr: false, loading: () => paginationPlaceholder },
);
export const PaginationPlayground = nearViewport<ComponentProps<typeof PaginationPlaygroundChunk>>(
  PaginationPlaygroundChunk,
  paginationPlaceholder,
);

const fanOutPlaceholder = (
  <WidgetPlaceholder
    name="fan-out-playground"
    label="Fan-out playground"
    className={fanOutHeightClass}
  />
);
const FanOutPlaygroundChunk = dynamic(
  () => import('./fan-out-playground/fan-out-playground').then((m) => m.FanOutPlayground),
  { ssr: false, loading: () => fanOutPlaceholder },
);
export const FanOutPlayground = nearViewport<ComponentProps<typeof FanOutPlaygroundChunk>>(
  FanOutPlaygroundChunk,
  fanOutPlaceholder,
);

/**
 * The live architecture diagram (React Flow, its CSS and the simulation). Its placeholder is
 * not a loading box but the server-rendered picture of the stage, so `ArchitectureDiagram`
 * (a server component) shows that and `DiagramLoader` mounts this when the card nears the
 * viewport.
 */
export const LiveArchitectureDiagram = dynamic(
  () => import('./architecture-diagram/live-diagram').then((m) => m.LiveDiagram),
  { ssr: false, loading: () => null },
);
