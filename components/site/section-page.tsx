import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chapter, Section } from '@/content/chapters';
import { sectionFiles, sectionKey } from '@/content/pages';
import { chapters } from '@/content/chapters';
import { componentsUsed } from '@/lib/content/components-used';
import { extractHeadings } from '@/lib/content/headings';
import { neighbours, sectionHref } from '@/lib/content/navigation';
import { LevelBadge } from '@/components/mdx/level-badge';
import { nearViewportWidgets } from '@/components/widgets/near-viewport-widgets';
import { SectionProgress } from '@/components/progress/section-progress';
import { AnchorRedirects } from '@/components/links/anchor-redirects';
import { redirectsFrom } from '@/lib/content/link-registry';
import linkRegistry from '@/content/link-registry.json';
import { HashOpener } from './hash-opener';
import { OnThisPage } from './on-this-page';
import { Pager } from './pager';
import { SiteFrame } from './site-frame';
import { TableOfContents } from './table-of-contents';

/** One chapter section: its MDX, title block, table of contents and previous/next links. */
export async function SectionPage({ chapter, section }: { chapter: Chapter; section: Section }) {
  const entry = sectionFiles[sectionKey(chapter.slug, section.slug)];
  if (!entry) throw new Error(`No MDX file registered for ${chapter.slug}/${section.slug}`);
  const [{ default: Content }, source] = await Promise.all([
    entry.load(),
    readFile(path.join(process.cwd(), 'content', entry.file), 'utf8'),
  ]);
  const headings = extractHeadings(source);
  const used = componentsUsed(source);
  const skipOffscreen = !nearViewportWidgets.some((name) => used.has(name));
  const { previous, next } = neighbours(chapters, chapter.slug, section.slug);
  const position = chapter.sections.findIndex((s) => s.slug === section.slug) + 1;
  const redirects = redirectsFrom(linkRegistry, sectionHref(chapter.slug, section.slug));

  return (
    <SiteFrame chapterSlug={chapter.slug} sectionSlug={section.slug}>
      <div className="flex gap-10 xl:gap-14">
        <main id="main" className="min-w-0 flex-1 py-10 sm:py-12 lg:pl-8">
          <article data-pagefind-body className="mx-auto max-w-[44rem]">
            <header className="mb-10">
              <p className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-zinc-500 dark:text-zinc-400">
                <span data-pagefind-meta="chapter">
                  Chapter {chapter.number} · {chapter.title}
                </span>
                <span aria-hidden="true">·</span>
                <span>
                  Section {position} of {chapter.sections.length}
                </span>
                <LevelBadge level={section.level} />
              </p>
              <h1
                className="mt-3 text-[2rem] leading-tight font-bold tracking-tight text-zinc-950 sm:text-[2.5rem] dark:text-white"
                data-pagefind-meta="title"
              >
                {section.title}
              </h1>
              {/* The lede names what the section teaches ("ZADD, ZINCRBY, ZREVRANK…"): the
                  search dialog puts a page whose lede has a one-word query first
                  (lib/content/search-rank.ts). */}
              <p
                className="mt-4 text-lg leading-relaxed text-zinc-600 dark:text-zinc-400"
                data-pagefind-meta="description"
              >
                {section.description}
              </p>
            </header>
            <OnThisPage headings={headings} id="on-this-page-title" />
            <div
              className={`prose-guide prose prose-zinc max-w-none dark:prose-invert ${skipOffscreen ? 'skip-offscreen' : ''}`}
            >
              <Content />
            </div>
            <SectionProgress path={sectionHref(chapter.slug, section.slug)} />
            <Pager previous={previous} next={next} />
          </article>
        </main>
        <aside
          className="sticky top-(--header-height) hidden h-[calc(100dvh-var(--header-height))] w-56 shrink-0 overflow-y-auto py-12 xl:block"
          data-pagefind-ignore="all"
        >
          <TableOfContents headings={headings} />
        </aside>
      </div>
      <HashOpener />
      {Object.keys(redirects).length > 0 ? <AnchorRedirects redirects={redirects} /> : null}
    </SiteFrame>
  );
}
