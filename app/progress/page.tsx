import type { Metadata } from 'next';
import { ProgressDashboard } from '@/components/progress/progress-dashboard';
import { prerequisiteIds, selfCheckCatalogue } from '@/components/progress/self-check-catalogue';
import { SiteFrame } from '@/components/site/site-frame';
import { chapters, type Chapter } from '@/content/chapters';
import { speedRoundCards } from '@/content/mock-interviews/speed-round-cards';
import { readingPaths } from '@/content/reading-paths';

export const metadata: Metadata = {
  title: 'Your progress',
  description:
    'What you have read, by chapter and along the two reading paths, what to read next, and your practice: kept in your browser only, with export, import and forget.',
  alternates: { canonical: '/progress/' },
  robots: { index: false },
};

export default async function ProgressPage() {
  const [selfChecks, prerequisites] = await Promise.all([selfCheckCatalogue(), prerequisiteIds()]);
  const list: readonly Chapter[] = chapters;
  const outline = list.map((c) => ({
    slug: c.slug,
    title: c.title,
    status: c.status,
    sections: c.sections.map((s) => ({ slug: s.slug, title: s.title, navTitle: s.navTitle })),
  }));
  return (
    <SiteFrame>
      <main id="main" className="py-10 sm:py-12 lg:pl-8">
        <div className="mx-auto max-w-[52rem]">
          <header className="mb-8">
            <h1 className="text-[2rem] leading-tight font-bold tracking-tight text-zinc-950 sm:text-[2.5rem] dark:text-white">
              Your progress
            </h1>
            <p className="mt-4 text-lg leading-relaxed text-zinc-600 dark:text-zinc-400">
              A section counts as read when you reach its end, or when you mark it. Everything here
              lives in this browser and nowhere else.
            </p>
          </header>
          <ProgressDashboard
            outline={outline}
            paths={readingPaths}
            selfChecks={selfChecks}
            cards={speedRoundCards}
            prerequisitesTotal={prerequisites.length}
          />
        </div>
      </main>
    </SiteFrame>
  );
}
