import Link from 'next/link';
import { OfflineStatus } from '@/components/offline/offline-status';
import { chapters } from '@/content/chapters';
import { sectionHref } from '@/lib/content/navigation';

export function Footer() {
  return (
    <footer className="border-t border-zinc-200 bg-zinc-50/60 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto grid max-w-[90rem] gap-8 px-4 py-10 text-sm text-zinc-600 sm:grid-cols-[2fr_3fr] sm:px-6 dark:text-zinc-400">
        <div>
          <p className="font-semibold text-zinc-900 dark:text-zinc-100">Leaderboard Lab</p>
          <p className="mt-2 max-w-sm leading-relaxed">
            A system-design guide you can run: interview skills, and one leaderboard designed from a
            single Redis sorted set to 100 million players.
          </p>
          <OfflineStatus />
        </div>
        <nav aria-label="Footer">
          <ul className="grid gap-2 sm:grid-cols-2">
            {chapters.map((chapter) => (
              <li key={chapter.slug}>
                {chapter.status === 'published' ? (
                  <Link
                    prefetch={false}
                    href={sectionHref(chapter.slug, '')}
                    className="hover:text-zinc-900 dark:hover:text-white"
                  >
                    {chapter.number}. {chapter.title}
                  </Link>
                ) : (
                  <span>
                    {chapter.number}. {chapter.title}{' '}
                    <span className="text-zinc-500 dark:text-zinc-400">(coming soon)</span>
                  </span>
                )}
              </li>
            ))}
            {/* Reader tools (issue 15): pages beside the chapters. */}
            <li>
              <Link
                prefetch={false}
                href="/progress/"
                className="hover:text-zinc-900 dark:hover:text-white"
              >
                Your progress
              </Link>
            </li>
            <li>
              <Link
                prefetch={false}
                href="/print/"
                className="hover:text-zinc-900 dark:hover:text-white"
              >
                The whole guide, printable
              </Link>
            </li>
            <li>
              <Link
                prefetch={false}
                href="/instructors/"
                className="hover:text-zinc-900 dark:hover:text-white"
              >
                For instructors: links and embeds
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
