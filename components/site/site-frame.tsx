import type { ReactNode } from 'react';
import { Footer } from './footer';
import { Header } from './header';
import { Sidebar } from './sidebar';

/**
 * The chrome shared by every page: header (with the mobile drawer), a sticky sidebar
 * from the `lg` breakpoint, the page, and the footer. The sidebar is rendered twice,
 * once inline and once for the drawer; both are static HTML and excluded from search.
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
  const nav = <Sidebar chapterSlug={chapterSlug} sectionSlug={sectionSlug} />;
  return (
    <>
      <Header nav={nav} />
      <div className="mx-auto flex max-w-[90rem] px-4 sm:px-6">
        <aside
          className="sticky top-(--header-height) hidden h-[calc(100dvh-var(--header-height))] w-64 shrink-0 overflow-y-auto py-8 pr-6 lg:block"
          data-pagefind-ignore="all"
        >
          {nav}
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
      <Footer />
    </>
  );
}
