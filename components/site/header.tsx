import Link from 'next/link';
import { MenuIcon } from './icons';
import { SearchButton } from './search-button';
import { ThemeToggle } from './theme-toggle';

export function Logo() {
  return (
    <svg viewBox="0 0 32 32" width={28} height={28} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-accent-600" />
      <rect x="7" y="16" width="5" height="9" rx="1.5" fill="white" opacity="0.75" />
      <rect x="13.5" y="8" width="5" height="17" rx="1.5" fill="white" />
      <rect x="20" y="12" width="5" height="13" rx="1.5" fill="white" opacity="0.88" />
    </svg>
  );
}

/** The sticky header. Below `lg` its menu button opens the navigation popover `navId`. */
export function Header({ navId }: { navId: string }) {
  return (
    <header className="sticky top-0 z-30 h-(--header-height) border-b border-zinc-200/80 bg-white/85 backdrop-blur-md dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-full max-w-[90rem] items-center gap-3 px-4 sm:px-6">
        <button
          type="button"
          popoverTarget={navId}
          className="-ml-2 inline-flex size-10 shrink-0 items-center justify-center rounded-lg text-zinc-700 hover:bg-zinc-100 lg:hidden dark:text-zinc-200 dark:hover:bg-zinc-800"
          aria-label="Open navigation"
        >
          <MenuIcon />
        </button>
        {/* No prefetch: on a phone the home page's payload would be fetched right after
            hydration, on every page, competing with the page's own widget code.
            Below 480 px the logo stands alone and the name is its accessible name: logo,
            name and the right-hand group need about 430 px in Inter and 460 px in a wider
            fallback font, so on a phone the name wrapped to two lines and the menu button
            was squeezed to 20 px. */}
        <Link
          prefetch={false}
          href="/"
          className="flex items-center gap-2.5 rounded-md font-semibold tracking-tight text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-white"
        >
          <Logo />
          <span className="text-[1.05rem] whitespace-nowrap max-[30rem]:sr-only">
            Leaderboard Lab
          </span>
        </Link>
        <div className="ml-auto flex shrink-0 items-center gap-1.5 sm:gap-3">
          {/* No prefetch either: the practice room's code and payload (about 70 KB) would
              compete, on a phone, with the widget code of the page being read. */}
          <Link
            prefetch={false}
            href="/practice/"
            className="rounded-md px-2 py-1.5 text-sm font-semibold text-zinc-700 hover:text-accent-700 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-200 dark:hover:text-accent-300"
          >
            Practice
          </Link>
          <SearchButton />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
