import type { ComponentType } from 'react';
import type { Chapter } from '@/content/chapters';
import { sectionFiles, sectionKey } from '@/content/pages';
import { sectionHref } from '@/lib/content/navigation';
import { siteConfig } from '@/lib/site-config';
import { LevelBadge } from '@/components/mdx/level-badge';
import { PrintButton } from './print-button';
import { printComponents } from './print-components';

type Content = ComponentType<{ components?: Record<string, unknown> }>;

/**
 * Chapters laid out for paper: a title page with the contents, then every section of each
 * chapter in reading order, each starting on a new page under its own heading, with its
 * address. On screen it is an ordinary long page with a print button.
 */
export async function PrintDocument({
  title,
  intro,
  chapters,
}: {
  title: string;
  intro: string;
  chapters: readonly Chapter[];
}) {
  const sections = await Promise.all(
    chapters.flatMap((chapter) =>
      chapter.sections.map(async (section, index) => {
        const entry = sectionFiles[sectionKey(chapter.slug, section.slug)];
        if (!entry) throw new Error(`No MDX file for ${chapter.slug}/${section.slug}`);
        const { default: Body } = (await entry.load()) as { default: Content };
        const href = sectionHref(chapter.slug, section.slug);
        return {
          chapter,
          section,
          index,
          href,
          Body,
          key: `${chapter.slug}-${section.slug || 'index'}`,
        };
      }),
    ),
  );
  const printedOn = new Date().toISOString().slice(0, 10);
  return (
    <div className="print-document mx-auto max-w-[46rem]">
      <section className="print-section">
        <header className="mb-8">
          <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase dark:text-accent-400">
            {siteConfig.name} · printable edition
          </p>
          <h1 className="mt-3 text-[2rem] leading-tight font-bold tracking-tight text-zinc-950 sm:text-[2.5rem] dark:text-white">
            {title}
          </h1>
          <p className="mt-4 text-lg leading-relaxed text-zinc-600 dark:text-zinc-400">{intro}</p>
          <p className="mt-4 text-sm text-zinc-500 dark:text-zinc-400">
            Built {printedOn} from {siteConfig.url}/. The interactive widgets are printed as a note
            with the address of their live version.
          </p>
          <PrintButton />
        </header>
        <nav aria-label="Contents of this document" className="print-keep">
          <h2 className="text-xl font-bold text-zinc-950 dark:text-white">Contents</h2>
          <ol className="mt-3 space-y-4">
            {chapters.map((chapter) => (
              <li key={chapter.slug}>
                <p className="font-semibold text-zinc-900 dark:text-zinc-100">
                  Chapter {chapter.number}: {chapter.title}
                </p>
                <ol className="mt-1 ml-5 list-decimal text-[0.95rem] text-zinc-700 dark:text-zinc-300">
                  {chapter.sections.map((section) => (
                    <li key={section.slug}>
                      <a
                        href={`#${chapter.slug}-${section.slug || 'index'}`}
                        className="hover:text-accent-700 dark:hover:text-accent-400"
                      >
                        {section.title}
                      </a>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </nav>
      </section>
      {sections.map(({ chapter, section, index, href, Body, key }) => (
        <section key={key} className="print-section mt-16" aria-labelledby={key}>
          <header className="mb-6 border-b border-zinc-200 pb-4 dark:border-zinc-800">
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-zinc-500 dark:text-zinc-400">
              <span>
                Chapter {chapter.number} · {chapter.title} · section {index + 1} of{' '}
                {chapter.sections.length}
              </span>
              <LevelBadge level={section.level} />
            </p>
            <h2
              id={key}
              className="mt-2 text-[1.75rem] leading-tight font-bold tracking-tight text-zinc-950 dark:text-white"
            >
              {section.title}
            </h2>
            <p className="mt-1 text-sm break-all text-zinc-500 dark:text-zinc-400">
              {siteConfig.url}
              {href}
            </p>
          </header>
          <div className="prose-guide prose prose-zinc max-w-none dark:prose-invert">
            <Body
              components={printComponents({
                prefix: key,
                pageUrl: `${siteConfig.url}${href}`,
                siteUrl: siteConfig.url,
              })}
            />
          </div>
        </section>
      ))}
    </div>
  );
}
