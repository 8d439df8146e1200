import type { Heading } from '@/lib/content/headings';
import { ChevronIcon } from './icons';

/**
 * "On this page" for screens without the table-of-contents column (below `xl`: phones,
 * tablets, small laptops): a disclosure at the top of the article, closed by default so the
 * text starts one line lower, listing the same headings. A native <details>, so it opens
 * before the page hydrates and costs no script.
 */
export function OnThisPage({ headings, id }: { headings: readonly Heading[]; id: string }) {
  if (headings.length < 2) return null;
  const parts = headings.filter((h) => h.depth === 2).length;
  return (
    <details
      className="group/toc no-print mb-10 rounded-xl border border-zinc-200 bg-zinc-50/60 xl:hidden dark:border-zinc-800 dark:bg-zinc-900/40"
      data-pagefind-ignore="all"
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-xl px-4 py-2.5 text-sm font-semibold text-zinc-800 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-100 [&::-webkit-details-marker]:hidden">
        <ChevronIcon
          width={16}
          height={16}
          className="shrink-0 text-zinc-500 transition-transform group-open/toc:rotate-90 dark:text-zinc-400"
        />
        <span id={id}>On this page</span>
        <span className="ml-auto text-xs font-normal text-zinc-500 dark:text-zinc-400">
          {parts} {parts === 1 ? 'part' : 'parts'}
        </span>
      </summary>
      <nav
        aria-labelledby={id}
        className="border-t border-zinc-200 px-2 py-2 text-sm dark:border-zinc-800"
      >
        <ul>
          {headings.map((heading) => (
            <li key={heading.id}>
              <a
                href={`#${heading.id}`}
                className={`block rounded-md py-2 pr-2 leading-snug text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white ${heading.depth === 3 ? 'pl-7 text-[0.8125rem]' : 'pl-3'}`}
              >
                {heading.text}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
