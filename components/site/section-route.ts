import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { chapters, type Chapter, type Section } from '@/content/chapters';
import { sectionHref } from '@/lib/content/navigation';
import { siteConfig } from '@/lib/site-config';

/** The published chapter and section for a route, or a 404. */
export function findSection(
  chapterSlug: string,
  sectionSlug: string,
): { chapter: Chapter; section: Section } {
  const chapter: Chapter | undefined = chapters.find(
    (c) => c.slug === chapterSlug && c.status === 'published',
  );
  const section = chapter?.sections.find((s) => s.slug === sectionSlug);
  if (!chapter || !section) notFound();
  return { chapter, section };
}

/** Static params for chapter pages (`sections: false`) or their sub-pages (`true`). */
export function sectionParams(subPages: boolean) {
  return chapters
    .filter((c) => c.status === 'published')
    .flatMap((c) =>
      c.sections
        .filter((s) => (subPages ? s.slug !== '' : s.slug === ''))
        .map((s) => (subPages ? { chapter: c.slug, section: s.slug } : { chapter: c.slug })),
    );
}

/** Title, description, canonical URL and Open Graph tags of a section page. */
export function sectionMetadata(chapterSlug: string, sectionSlug: string): Metadata {
  const { chapter, section } = findSection(chapterSlug, sectionSlug);
  const url = sectionHref(chapter.slug, section.slug);
  const title = section.slug
    ? `${section.title} · ${chapter.title}`
    : `${chapter.title}: ${section.title}`;
  return {
    title,
    description: section.description,
    // The page's text as Markdown sits beside it (components/guide-text).
    alternates: { canonical: url, types: { 'text/markdown': `${url}index.md` } },
    openGraph: {
      title,
      description: section.description,
      url,
      siteName: siteConfig.name,
      type: 'article',
      images: [{ url: '/og.png', width: 1200, height: 630, alt: siteConfig.name }],
    },
  };
}
