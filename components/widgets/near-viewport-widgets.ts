/**
 * The MDX components that load only when they come near the viewport (an
 * IntersectionObserver decides): the `nearViewport` wrappers in registry.tsx and the
 * architecture diagram's loader. A section that renders one of them keeps every block laid
 * out (no `content-visibility` shortcut, see SectionPage): estimated heights above such a
 * widget resolve while the reader scrolls and can carry it back out of view before its
 * observer fires.
 */
export const nearViewportWidgets: readonly string[] = [
  'RedisConsole',
  'SkipListPicture',
  'ShardingPlayground',
  'ApproximateRankingPlayground',
  'PaginationPlayground',
  'FanOutPlayground',
  'ArchitectureDiagram',
];
