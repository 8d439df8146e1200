import Link from 'next/link';
import { chapters } from '@/content/chapters';
import { sectionHref } from '@/lib/content/navigation';
import { LevelBadge } from '@/components/mdx/level-badge';

/**
 * Chapters and their sections, with the current page marked (`aria-current`). Rendered
 * on the server for every page, so it costs no JavaScript.
 */
export function Sidebar({
  chapterSlug,
  sectionSlug,
}: {
  chapterSlug?: string;
  sectionSlug?: string;
}) {
  return (
    <nav aria-label="Chapters" className="text-[0.925rem]">
      <ol className="space-y-6">
        {chapters.map((chapter) => {
          const isCurrentChapter = chapter.slug === chapterSlug;
          return (
            <li key={chapter.slug}>
              <div className="mb-2 flex items-baseline gap-2 px-2">
                <span className="text-xs font-semibold tabular-nums text-zinc-500 dark:text-zinc-400">
                  {String(chapter.number).padStart(2, '0')}
                </span>
                {chapter.status === 'published' ? (
                  <Link
                    prefetch={false}
                    href={sectionHref(chapter.slug, '')}
                    className={`font-semibold hover:text-accent-700 dark:hover:text-accent-400 ${isCurrentChapter ? 'text-zinc-950 dark:text-white' : 'text-zinc-800 dark:text-zinc-200'}`}
                  >
                    {chapter.title}
                  </Link>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">
                    <span className="font-semibold">{chapter.title}</span>
                    <span className="mt-0.5 block text-xs font-medium text-zinc-500 dark:text-zinc-400">
                      Coming soon
                    </span>
                  </span>
                )}
              </div>
              {chapter.status === 'published' ? (
                <ol className="space-y-0.5 border-l border-zinc-200 pl-0 ml-2 dark:border-zinc-800">
                  {chapter.sections.map((section) => {
                    const current = isCurrentChapter && section.slug === sectionSlug;
                    const title = 'navTitle' in section ? section.navTitle : section.title;
                    return (
                      <li key={section.slug}>
                        <Link
                          prefetch={false}
                          href={sectionHref(chapter.slug, section.slug)}
                          aria-current={current ? 'page' : undefined}
                          className="nav-link"
                        >
                          <span>{title}</span>
                          <LevelBadge level={section.level} compact />
                        </Link>
                      </li>
                    );
                  })}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
