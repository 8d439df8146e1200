import type { ComponentType } from 'react';
import type { ParamSchema } from '@/lib/leaderboard';
import type { WorkerKind } from './worker-start';

/**
 * The manifest is read in the browser too (LazyWidget finds a widget's chunk here), so it
 * imports nothing heavy: code and schemas come through dynamic imports.
 */
const schemas = () => import('@/lib/leaderboard/playground-params');

/**
 * `load` is for the browser. Each one is written `typeof window === 'undefined' ? … :
 * import(…)` so the server build drops the import: a widget module the server graph can
 * reach counts as used by every page that imports this file, and its code would be sent
 * with the page instead of on demand.
 */
function serverHasNoWidgetCode(): never {
  throw new Error('widget code loads in the browser only');
}

/**
 * Every interactive widget a chapter can use, described once. The MDX registry
 * (mdx-components.tsx, through widget.tsx), the embed routes (/embed/<slug>/), the list of
 * widgets that wait for the viewport (and so keep their section laid out), the browser
 * link check and the embed snippets all read this list; nothing else names a widget.
 *
 * A new widget is a folder under components/widgets/ (its component, its placeholder), one
 * entry here, and the chapter section that uses it. The entry's `chapter` must name that
 * section: a unit test reads the section's MDX and checks the widget is there, with the
 * props an embed defaults to.
 */

/** What an embed needs: its URL, its parameters and their defaults, its iframe height. */
export interface EmbedSpec {
  /** /embed/<slug>/ */
  slug: string;
  /**
   * The URL parameters the embedded widget reads (playground-params.ts), with their
   * defaults: the state a bare /embed/<slug>/ shows, which is the chapter's own (a unit test
   * holds the chapter's props to them). The embed page parses them into the widget's props
   * (components/embed/embedded-widget.tsx), unless `ownUrl`.
   */
  params: () => Promise<ParamSchema>;
  /**
   * Height an embed snippet asks for, px: the widget's content height when embedded at a
   * desktop width. The page then posts its real height, and the snippet's script fits it.
   */
  height: number;
  /** The widget reads and writes its URL parameters itself (the playgrounds). */
  ownUrl?: boolean;
}

/** One widget. `P` is its props as a chapter writes them. */
export interface WidgetEntry<P extends object = Record<string, unknown>> {
  /** The tag chapters write: <ShardingPlayground … />. */
  name: string;
  /** Its `data-widget` name, on the placeholder and on the live widget alike. */
  id: string;
  /** What a reader (and a screen reader) calls it. */
  title: string;
  /** The title bar's text, where it is shorter than `title` (which names the landmark). */
  heading?: string;
  /**
   * Its height in a chapter (Tailwind classes per breakpoint), shared by the placeholder and
   * the live widget so the page never moves when one replaces the other. For the playgrounds
   * and the skip-list picture it is a minimum, equal to the first view's height at each
   * width (tests/e2e/reader-defects.test.ts holds it there): they grow when a note or a
   * state needs more room rather than scroll inside themselves.
   */
  height: string;
  /** The widget's code: its own chunk, fetched only where it is rendered. */
  load: () => Promise<ComponentType<P & { embedded?: boolean }>>;
  /**
   * A server component that draws the widget as it will look, from the same props, with
   * no JavaScript: shown until the code arrives (and without script, and in print). It
   * reserves the widget's final height, so nothing moves when the live one replaces it.
   */
  placeholder: () => Promise<ComponentType<P & { embedded?: boolean }>>;
  /**
   * Load only when the placeholder comes within a screen of the viewport: a widget that
   * starts a worker or a charting library must not cost a reader who never scrolls to it.
   */
  nearViewport: boolean;
  /**
   * The worker its code starts (`useWorker`), if any: LazyWidget starts it together with
   * the chunk fetch, so the two load in parallel rather than one after the other.
   */
  worker?: WorkerKind;
  /** The section that teaches with it (a slug pair of content/chapters.ts). */
  chapter: { chapter: string; section: string };
  /**
   * Served without the site's chrome for iframes. Only the server reads it (the embed
   * routes, /instructors/, the link registry), so it can be written `typeof window ===
   * 'undefined' ? { … } : undefined`: the browser build drops it, and describing an embed
   * adds nothing to a chapter page's first-load script.
   */
  embed?: EmbedSpec;
  /** Data the server binds from content/ (chapters import nothing). */
  serverProps?: () => Promise<Partial<P>>;
  /**
   * A server component that renders the whole widget itself (placeholder and loading
   * included), for a widget with its own loader (the architecture diagram). On an embed
   * page its loader takes the link's values from useEmbedValues() (components/embed).
   */
  render?: () => Promise<ComponentType<P>>;
}

const entry = <P extends object>(e: WidgetEntry<P>) => e as unknown as WidgetEntry;

export const widgets = [
  entry<{ seed?: number }>({
    name: 'RedisConsole',
    id: 'redis-console',
    title: 'Redis console',
    height: 'h-[30rem]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./redis-console/redis-console').then((m) => m.RedisConsole),
    placeholder: () => import('./redis-console/placeholder').then((m) => m.ConsolePlaceholder),
    nearViewport: true,
    worker: 'engine',
    chapter: { chapter: 'leaderboard-design', section: 'sorted-sets' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'console',
            params: () => import('./redis-console/console-params').then((m) => m.CONSOLE_PARAMS),
            height: 520,
          }
        : undefined,
  }),
  entry<{ seed?: number; members?: number }>({
    name: 'SkipListPicture',
    id: 'skip-list-picture',
    title: 'Skip-list picture',
    height: 'min-h-[50.625rem] sm:min-h-[32.8125rem]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./skip-list-picture/skip-list-picture').then((m) => m.SkipListPicture),
    placeholder: () => import('./skip-list-picture/placeholder').then((m) => m.SkipListPlaceholder),
    nearViewport: true,
    worker: 'engine',
    chapter: { chapter: 'leaderboard-design', section: 'sorted-sets' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'skip-list',
            params: () => schemas().then((m) => m.SKIP_LIST_PARAMS),
            height: 620,
          }
        : undefined,
  }),
  entry({
    name: 'ShardingPlayground',
    id: 'sharding-playground',
    title: 'Sharding playground',
    height:
      'min-h-[1424px] min-[23.4375rem]:min-h-[1280px] min-[30rem]:min-h-[1248px] sm:min-h-[995px] md:min-h-[765px]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./sharding-playground/sharding-playground').then((m) => m.ShardingPlayground),
    placeholder: () =>
      import('./sharding-playground/placeholder').then((m) => m.ShardingPlaceholder),
    nearViewport: true,
    worker: 'leaderboard',
    chapter: { chapter: 'leaderboard-design', section: 'sharding' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'sharding',
            ownUrl: true,
            params: () => schemas().then((m) => m.SHARDING_PARAMS),
            height: 820,
          }
        : undefined,
  }),
  entry({
    name: 'ApproximateRankingPlayground',
    id: 'approximate-ranking-playground',
    title: 'Approximate ranking playground',
    height:
      'min-h-[1240px] min-[23.4375rem]:min-h-[1196px] min-[30rem]:min-h-[1140px] sm:min-h-[892px] md:min-h-[656px]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./approximate-ranking-playground/approximate-ranking-playground').then(
            (m) => m.ApproximateRankingPlayground,
          ),
    placeholder: () =>
      import('./approximate-ranking-playground/placeholder').then((m) => m.ApproximatePlaceholder),
    nearViewport: true,
    worker: 'leaderboard',
    chapter: { chapter: 'leaderboard-design', section: 'approximate-ranking' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'approximate-ranking',
            ownUrl: true,
            params: () => schemas().then((m) => m.APPROXIMATE_PARAMS),
            height: 760,
          }
        : undefined,
  }),
  entry({
    name: 'PaginationPlayground',
    id: 'pagination-playground',
    title: 'Pagination under churn playground',
    heading: 'Pagination under churn',
    height:
      'min-h-[1087px] min-[23.4375rem]:min-h-[1053px] min-[30rem]:min-h-[1019px] sm:min-h-[828px] md:min-h-[795px]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./pagination-playground/pagination-playground').then(
            (m) => m.PaginationPlayground,
          ),
    placeholder: () =>
      import('./pagination-playground/placeholder').then((m) => m.PaginationPlaceholder),
    nearViewport: true,
    worker: 'leaderboard',
    chapter: { chapter: 'leaderboard-design', section: 'reads' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'pagination',
            ownUrl: true,
            params: () => schemas().then((m) => m.PAGINATION_PARAMS),
            height: 880,
          }
        : undefined,
  }),
  entry({
    name: 'FanOutPlayground',
    id: 'fan-out-playground',
    title: 'Fan-out playground',
    height:
      'min-h-[1661px] min-[23.4375rem]:min-h-[1595px] min-[30rem]:min-h-[1465px] sm:min-h-[988px] md:min-h-[972px]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./fan-out-playground/fan-out-playground').then((m) => m.FanOutPlayground),
    placeholder: () => import('./fan-out-playground/placeholder').then((m) => m.FanOutPlaceholder),
    nearViewport: true,
    worker: 'leaderboard',
    chapter: { chapter: 'leaderboard-design', section: 'social-boards' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'fan-out',
            ownUrl: true,
            params: () => schemas().then((m) => m.FANOUT_PARAMS),
            height: 1008,
          }
        : undefined,
  }),
  // Its own loader (architecture-diagram/loader.tsx) swaps placeholder and live diagram.
  entry({
    name: 'ArchitectureDiagram',
    id: 'architecture-diagram',
    title: 'Architecture diagram',
    height: '',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./architecture-diagram/live-diagram').then(
            (m) => m.LiveDiagram as unknown as ComponentType<Record<string, unknown>>,
          ),
    placeholder: () =>
      import('./architecture-diagram/placeholder').then(
        (m) => m.DiagramPlaceholder as unknown as ComponentType<Record<string, unknown>>,
      ),
    nearViewport: true,
    chapter: { chapter: 'leaderboard-design', section: 'sorted-sets' },
    render: () =>
      import('./architecture-diagram').then(
        (m) => m.ArchitectureDiagram as ComponentType<Record<string, unknown>>,
      ),
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'architecture',
            params: () => schemas().then((m) => m.DIAGRAM_PARAMS),
            height: 760,
          }
        : undefined,
  }),
  entry({
    name: 'PracticeTimer',
    id: 'practice-timer',
    title: '45-minute practice timer',
    height: 'h-[17.5rem]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./practice-timer').then((m) => m.PracticeTimer),
    placeholder: () => import('./simple-placeholders').then((m) => m.PracticeTimerPlaceholder),
    nearViewport: false,
    chapter: { chapter: 'interview-skills', section: '' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'practice-timer',
            params: () => schemas().then((m) => m.PRACTICE_TIMER_PARAMS),
            height: 320,
          }
        : undefined,
  }),
  entry<import('./speed-round-drill').SpeedRoundDrillProps>({
    name: 'SpeedRoundDrill',
    id: 'speed-round-drill',
    title: 'Speed-round drill',
    height: 'h-[44rem] sm:h-[34rem]',
    load: () =>
      typeof window === 'undefined'
        ? serverHasNoWidgetCode()
        : import('./speed-round-drill').then((m) => m.SpeedRoundDrill),
    placeholder: () => import('./simple-placeholders').then((m) => m.SpeedRoundPlaceholder),
    nearViewport: false,
    chapter: { chapter: 'mock-interviews', section: 'speed-round' },
    embed:
      typeof window === 'undefined'
        ? {
            slug: 'speed-round',
            params: () => schemas().then((m) => m.SPEED_ROUND_PARAMS),
            height: 600,
          }
        : undefined,
    serverProps: () =>
      import('@/content/mock-interviews/speed-round-cards').then((m) => ({
        cards: m.speedRoundCards,
      })),
  }),
] as const satisfies readonly WidgetEntry[];

export type WidgetName = (typeof widgets)[number]['name'];

/** The entry of widget `name`. */
export function widgetEntry(name: string): WidgetEntry {
  const e = widgets.find((w) => w.name === name);
  if (!e) throw new Error(`No widget named ${name} in components/widgets/manifest.ts`);
  return e;
}

/** The widgets served at /embed/<slug>/. */
export const embeddable = widgets.filter(
  (w): w is WidgetEntry & { embed: EmbedSpec } => w.embed !== undefined,
);

/** The embeddable widget at /embed/<slug>/, if any. */
export const embedBySlug = (slug: string) => embeddable.find((w) => w.embed.slug === slug);

/** MDX names of the widgets that wait for the viewport (SectionPage keeps their section laid out). */
export const nearViewportWidgets: readonly string[] = widgets
  .filter((w) => w.nearViewport)
  .map((w) => w.name);

/** The URL of the chapter section a widget belongs to. */
export function chapterHref(w: WidgetEntry): string {
  const { chapter, section } = w.chapter;
  return `/${chapter}/${section ? `${section}/` : ''}`;
}
