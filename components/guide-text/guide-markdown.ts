import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chapters, type Chapter } from '@/content/chapters';
import { designLedgerGroups } from '@/content/design-ledger-table';
import { speedRoundCards } from '@/content/mock-interviews/speed-round-cards';
import { sectionFiles, sectionKey } from '@/content/pages';
import { pageMarkdown, type MarkdownOptions } from '@/lib/content/markdown';
import { publishedPages, sectionHref, type PageRef } from '@/lib/content/navigation';
import { siteConfig } from '@/lib/site-config';

/**
 * The guide as Markdown, for reading by people and AI assistants: each page's text beside
 * its HTML (`/chapter/section/index.md`), and the lists /llms.txt and /llms-full.txt.
 * Build time only: reads the MDX sources.
 */

const list: readonly Chapter[] = chapters;

/** The Markdown file of a page's URL path: `/a/b/` → `/a/b/index.md`. */
export function markdownHref(href: string): string {
  return `${href}index.md`;
}

function shared(): Pick<MarkdownOptions, 'siteUrl' | 'chapters' | 'cards' | 'ledger'> {
  return {
    siteUrl: siteConfig.url,
    chapters: list.map((c) => ({
      title: c.title,
      summary: c.summary,
      url: c.status === 'published' ? `${siteConfig.url}${sectionHref(c.slug, '')}` : undefined,
    })),
    cards: speedRoundCards,
    ledger: designLedgerGroups,
  };
}

/** The published page for a route, or undefined. */
export function findPage(chapterSlug: string, sectionSlug: string): PageRef | undefined {
  return publishedPages(list).find(
    (p) => p.chapterSlug === chapterSlug && p.sectionSlug === sectionSlug,
  );
}

/** One section's Markdown. */
export async function sectionMarkdown(page: PageRef): Promise<string> {
  const chapter = list.find((c) => c.slug === page.chapterSlug)!;
  const index = chapter.sections.findIndex((s) => s.slug === page.sectionSlug);
  const section = chapter.sections[index]!;
  const entry = sectionFiles[sectionKey(page.chapterSlug, page.sectionSlug)];
  if (!entry) throw new Error(`No MDX file for ${page.href}`);
  const source = await readFile(path.join(process.cwd(), 'content', entry.file), 'utf8');
  return pageMarkdown(source, {
    ...shared(),
    title: section.title,
    description: section.description,
    context: `Chapter ${chapter.number}: ${chapter.title} · section ${index + 1} of ${chapter.sections.length} · ${section.level}`,
    pageUrl: `${siteConfig.url}${page.href}`,
  });
}

/** The home page's Markdown. */
export async function homeMarkdown(): Promise<string> {
  const source = await readFile(path.join(process.cwd(), 'content', 'home.mdx'), 'utf8');
  return pageMarkdown(source, {
    ...shared(),
    title: `${siteConfig.name}: ${siteConfig.tagline}`,
    description: siteConfig.description,
    pageUrl: `${siteConfig.url}/`,
  });
}

/**
 * /llms.txt in the llms.txt format: the site's name, a summary, then one link per page
 * to its Markdown with the page's one-sentence description, grouped by chapter.
 */
export function llmsTxt(): string {
  const lines = [
    `# ${siteConfig.name}`,
    '',
    `> ${siteConfig.description}`,
    '',
    'Each page of the guide is published as Markdown beside its HTML (the links below). Hand a chapter to an AI assistant to quiz you on it or to run a mock interview from it, as the chapter "Using AI to Prepare" describes. The whole guide in one file: ' +
      `${siteConfig.url}/llms-full.txt`,
    '',
  ];
  for (const chapter of list.filter((c) => c.status === 'published')) {
    lines.push(`## Chapter ${chapter.number}: ${chapter.title}`, '', chapter.summary, '');
    for (const section of chapter.sections) {
      const href = sectionHref(chapter.slug, section.slug);
      lines.push(
        `- [${section.title}](${siteConfig.url}${markdownHref(href)}): ${section.description}`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## Optional',
    '',
    `- [Home page](${siteConfig.url}${markdownHref('/')}): what the guide covers, its two reading paths and the prerequisites.`,
    '',
  );
  return lines.join('\n');
}

/** Every page's Markdown in reading order, for /llms-full.txt. */
export async function fullGuideMarkdown(): Promise<string> {
  const pages = await Promise.all(publishedPages(list).map(sectionMarkdown));
  return [await homeMarkdown(), ...pages].join('\n\n');
}

/** A text response that static hosts and browsers read as UTF-8 Markdown or plain text. */
export function textResponse(body: string, type: 'markdown' | 'plain'): Response {
  return new Response(body, {
    headers: { 'Content-Type': `text/${type}; charset=utf-8` },
  });
}
