/**
 * Pure helpers over the chapter list: URLs, flattening and previous/next. They take the
 * list as an argument so they can be tested with any outline, not just the guide's.
 */

export interface OutlineSection {
  readonly slug: string;
  readonly title: string;
  readonly navTitle?: string;
}

export interface OutlineChapter {
  readonly slug: string;
  readonly title: string;
  readonly status: 'published' | 'soon';
  readonly sections: readonly OutlineSection[];
}

export interface PageRef {
  readonly chapterSlug: string;
  readonly sectionSlug: string;
  readonly title: string;
  readonly chapterTitle: string;
  readonly href: string;
}

/** The permanent URL of a section: `/chapter/` or `/chapter/section/`, always with a trailing slash. */
export function sectionHref(chapterSlug: string, sectionSlug: string): string {
  return sectionSlug ? `/${chapterSlug}/${sectionSlug}/` : `/${chapterSlug}/`;
}

/** Every published page in reading order. O(sections). */
export function publishedPages(outline: readonly OutlineChapter[]): PageRef[] {
  return outline
    .filter((chapter) => chapter.status === 'published')
    .flatMap((chapter) =>
      chapter.sections.map((section) => ({
        chapterSlug: chapter.slug,
        sectionSlug: section.slug,
        title: section.title,
        chapterTitle: chapter.title,
        href: sectionHref(chapter.slug, section.slug),
      })),
    );
}

/**
 * The published pages before and after one page in reading order, crossing chapter
 * boundaries; `undefined` at either end or when the page is not published.
 */
export function neighbours(
  outline: readonly OutlineChapter[],
  chapterSlug: string,
  sectionSlug: string,
): { previous?: PageRef; next?: PageRef } {
  const pages = publishedPages(outline);
  const index = pages.findIndex(
    (p) => p.chapterSlug === chapterSlug && p.sectionSlug === sectionSlug,
  );
  if (index < 0) return {};
  return { previous: pages[index - 1], next: pages[index + 1] };
}

/**
 * Whether an internal href points into a chapter that is not published yet, so the
 * link can be rendered as plain text instead of a 404. External and relative links,
 * and links to pages outside any chapter, are never "unpublished".
 */
export function isUnpublishedHref(outline: readonly OutlineChapter[], href: string): boolean {
  if (!href.startsWith('/')) return false;
  const first = href.split(/[/?#]/)[1] ?? '';
  const chapter = outline.find((c) => c.slug === first);
  return chapter !== undefined && chapter.status !== 'published';
}
