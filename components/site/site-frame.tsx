import type { ReactNode } from 'react';
import { Footer } from './footer';
import { Header } from './header';
import { CloseIcon } from './icons';
import { SearchDialog } from './search-dialog';
import { Sidebar } from './sidebar';
import { SITE_CONTROL_IDS } from './site-ids';
import { SidebarTicks } from '@/components/progress/sidebar-ticks';
import { PrintSupport } from '@/components/print/print-support';

/** The id of the navigation column, which is also the phone drawer (a popover). */
export const SITE_NAV_ID = SITE_CONTROL_IDS.nav;

/**
 * The chrome shared by every page: header, the chapter navigation, the page, and the
 * footer. The navigation is rendered once: from the `lg` breakpoint it is a sticky
 * column; below it, the same element is a popover the header's menu button opens, so
 * the drawer needs no script to open, close on Escape or close on an outside click
 * (see `.site-nav` in globals.css). It is static HTML and excluded from search. The
 * header's controls, the copy buttons and the drawer's closing on a followed link get their
 * behaviour from the page's inline script (site-controls.ts), so they work before hydration.
 */
export function SiteFrame({
  chapterSlug,
  sectionSlug,
  children,
}: {
  chapterSlug?: string;
  sectionSlug?: string;
  children: ReactNode;
}) {
  return (
    <>
      <Header navId={SITE_NAV_ID} />
      {/* Right after the header, so a search tap finds the dialog parsed however early it comes. */}
      <SearchDialog />
      <div className="mx-auto flex max-w-[90rem] px-4 sm:px-6">
        <aside
          id={SITE_NAV_ID}
          popover="auto"
          aria-label="Navigation"
          className="site-nav"
          data-pagefind-ignore="all"
        >
          <div className="flex h-(--header-height) items-center justify-between border-b border-zinc-200 px-4 lg:hidden dark:border-zinc-800">
            <span className="font-semibold">Contents</span>
            <button
              type="button"
              popoverTarget={SITE_NAV_ID}
              popoverTargetAction="hide"
              className="inline-flex size-10 items-center justify-center rounded-lg hover:bg-zinc-100 dark:hover:bg-zinc-800"
              aria-label="Close navigation"
            >
              <CloseIcon />
            </button>
          </div>
          <div className="px-4 py-5 lg:p-0">
            <Sidebar chapterSlug={chapterSlug} sectionSlug={sectionSlug} />
          </div>
        </aside>
        <SidebarTicks navId={SITE_NAV_ID} />
        <PrintSupport />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
      <Footer />
    </>
  );
}
