import type { DrillCard } from '@/lib/practice/speed-round';
import { CardReadLink } from './speed-round-link';

/**
 * Every speed-round card with its model answer, as plain page content: readable without
 * script, found by the site search, and printable. Each card is linkable as `#q-<id>`, and
 * names the section of the guide that argues its answer.
 */
export function SpeedRoundList({ cards }: { cards: readonly DrillCard[] }) {
  return (
    <ol className="speed-round-list not-prose my-6 space-y-3" data-testid="speed-round-list">
      {cards.map((card, i) => (
        <li
          key={card.id}
          id={`q-${card.id}`}
          className="scroll-mt-24 rounded-xl border border-zinc-200 bg-white px-4 py-3.5 sm:px-5 dark:border-zinc-800 dark:bg-zinc-900/60"
        >
          <p className="flex gap-3 font-semibold text-zinc-900 dark:text-zinc-100">
            <span
              aria-hidden="true"
              className="mt-px inline-flex h-6 min-w-6 shrink-0 items-center justify-center rounded-full bg-accent-100 px-1.5 text-xs font-bold text-accent-800 tabular-nums dark:bg-accent-900/60 dark:text-accent-200"
            >
              {i + 1}
            </span>
            <span>{card.question}</span>
          </p>
          <p className="mt-2 text-[0.95rem] leading-relaxed text-zinc-700 sm:pl-9 dark:text-zinc-300">
            {card.answer}
          </p>
          {card.link ? <CardReadLink link={card.link} className="mt-1.5 text-sm sm:pl-9" /> : null}
          <p className="mt-2 flex flex-wrap gap-1.5 sm:pl-9">
            <span className="sr-only">Tags:</span>
            {card.tags.map((tag) => (
              <span
                key={tag}
                className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
              >
                {tag}
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
