import Link from 'next/link';
import { chapters } from '@/content/chapters';
import { publishedPages } from '@/lib/content/navigation';
import type { CardLink } from '@/lib/practice/speed-round';

const pages = publishedPages(chapters);

/** The title of the guide page a card link points into ("Sharding the board"), if published. */
function pageTitle(href: string): string | undefined {
  const path = href.split('#')[0];
  return pages.find((p) => p.href === path)?.title;
}

/**
 * "Read: <section>" with a card's model answer (beside its label in the drill, under it in the
 * list): the section of the guide that argues the answer in full. next/link adds BASE_PATH; in an embed the guide opens in a new tab, so
 * the host page keeps its drill.
 */
export function CardReadLink({
  link,
  newTab = false,
  withPage = true,
  className = '',
}: {
  link: CardLink;
  newTab?: boolean;
  /** Name the page after the section ("· Sharding the board"). */
  withPage?: boolean;
  /** Spacing and text size. */
  className?: string;
}) {
  const page = withPage ? pageTitle(link.href) : undefined;
  return (
    <p className={`text-zinc-600 dark:text-zinc-400 ${className}`}>
      <Link
        href={link.href}
        prefetch={false}
        className="font-medium text-accent-700 underline decoration-accent-700/40 underline-offset-2 hover:decoration-current focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-accent-300 dark:decoration-accent-300/40"
        data-testid="card-link"
        {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
      >
        Read: {link.title}
        {newTab ? <span className="sr-only"> (opens in a new tab)</span> : null}
      </Link>
      {page ? <span> · {page}</span> : null}
    </p>
  );
}
