import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chapters, type Chapter } from './chapters';
import { sectionFiles, sectionKey } from './pages';
import { extractHeadings } from '@/lib/content/headings';
import { publishedPages } from '@/lib/content/navigation';
import { selfCheckIds } from '@/lib/content/self-checks';
import { snapshot, type LinkSnapshot, type PageAnchors } from '@/lib/content/link-registry';
import {
  APPROXIMATE_PARAMS,
  DIAGRAM_PARAMS,
  FANOUT_PARAMS,
  PAGINATION_PARAMS,
  PRACTICE_TIMER_PARAMS,
  SHARDING_PARAMS,
  SKIP_LIST_PARAMS,
  SPEED_ROUND_PARAMS,
} from '@/lib/leaderboard/playground-params';
import { CONSOLE_PARAMS } from '@/components/widgets/redis-console/console-params';

/** The checked-in registry of published link targets (see lib/content/link-registry.ts). */
export const LINK_REGISTRY_FILE = path.join('content', 'link-registry.json');

/** The URL parameters each embeddable widget reads, by embed name. */
const widgetParams: Record<string, readonly string[]> = {
  sharding: Object.keys(SHARDING_PARAMS),
  'approximate-ranking': Object.keys(APPROXIMATE_PARAMS),
  pagination: Object.keys(PAGINATION_PARAMS),
  'fan-out': Object.keys(FANOUT_PARAMS),
  console: Object.keys(CONSOLE_PARAMS),
  'skip-list': Object.keys(SKIP_LIST_PARAMS),
  architecture: Object.keys(DIAGRAM_PARAMS),
  'speed-round': Object.keys(SPEED_ROUND_PARAMS),
  'practice-timer': Object.keys(PRACTICE_TIMER_PARAMS),
};

/** Heading ids, then self-check ids, of an MDX source in page order. */
function anchorsOf(source: string): string[] {
  return [...extractHeadings(source).map((h) => h.id), ...selfCheckIds(source)];
}

/**
 * Every link target the guide publishes now: each page's anchors in page order, and each
 * widget's URL parameters. Reads the MDX sources (build and test time only).
 */
export function currentLinkTargets(root = process.cwd()): {
  pages: PageAnchors[];
  snapshot: LinkSnapshot;
} {
  return linkTargetsOf((file) => readFileSync(path.join(root, 'content', file), 'utf8'));
}

/**
 * The link targets of the content `read` returns (a path under content/ → its MDX): the
 * current files, or an older commit's, to record what an earlier build published. Pages
 * come from today's chapters.ts, so an older version must have had the same pages.
 */
export function linkTargetsOf(read: (file: string) => string): {
  pages: PageAnchors[];
  snapshot: LinkSnapshot;
} {
  const pages: PageAnchors[] = [{ path: '/', anchors: anchorsOf(read('home.mdx')) }];
  for (const page of publishedPages(chapters as readonly Chapter[])) {
    const entry = sectionFiles[sectionKey(page.chapterSlug, page.sectionSlug)];
    if (!entry) throw new Error(`No MDX file for ${page.href}`);
    pages.push({ path: page.href, anchors: anchorsOf(read(entry.file)) });
  }
  return { pages, snapshot: snapshot(pages, widgetParams) };
}
