import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chapters } from '@/content/chapters';
import { sectionFiles, sectionKey } from '@/content/pages';
import { componentIds, selfCheckIds } from '@/lib/content/self-checks';
import { publishedPages } from '@/lib/content/navigation';

/** Each published page's self-check ids, keyed by page path. Build time only (reads MDX). */
export async function selfCheckCatalogue(): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    publishedPages(chapters).map(async (page) => {
      const entry = sectionFiles[sectionKey(page.chapterSlug, page.sectionSlug)];
      if (!entry) return [page.href, []] as const;
      const source = await readFile(path.join(process.cwd(), 'content', entry.file), 'utf8');
      return [page.href, selfCheckIds(source)] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, ids]) => ids.length > 0));
}

/** The ids of the home page's prerequisites checklist. Build time only. */
export async function prerequisiteIds(): Promise<string[]> {
  const source = await readFile(path.join(process.cwd(), 'content', 'home.mdx'), 'utf8');
  return componentIds(source, 'Prerequisite');
}
