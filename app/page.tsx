import type { Metadata } from 'next';
import Link from 'next/link';
import Home from '@/content/home.mdx';
import { SiteFrame } from '@/components/site/site-frame';
import { siteConfig } from '@/lib/site-config';

export const metadata: Metadata = {
  title: { absolute: `${siteConfig.name}: ${siteConfig.tagline}` },
  description: siteConfig.description,
  alternates: { canonical: '/' },
  openGraph: {
    title: siteConfig.name,
    description: siteConfig.description,
    url: '/',
    images: [{ url: '/og.png', width: 1200, height: 630, alt: siteConfig.name }],
  },
};

export default function HomePage() {
  return (
    <SiteFrame>
      <main id="main" className="py-10 sm:py-14 lg:pl-8">
        <article data-pagefind-body className="mx-auto max-w-[46rem]">
          <header className="mb-12">
            <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase dark:text-accent-400">
              An interactive system-design guide
            </p>
            <h1
              className="mt-3 text-[2.25rem] leading-[1.1] font-bold tracking-tight text-zinc-950 sm:text-5xl dark:text-white"
              data-pagefind-meta="title"
            >
              Design a leaderboard for 100 million players, and learn to run the interview while you
              do.
            </h1>
            <p className="mt-5 text-lg leading-relaxed text-zinc-600 dark:text-zinc-400">
              From one Redis sorted set to a sharded, approximately ranked system, with the
              interview skills that let you present it in 45 minutes, and sandboxes that show each
              idea working.
            </p>
            <p className="mt-7 flex flex-wrap gap-3">
              <Link
                href="/interview-skills/"
                className="inline-flex h-11 items-center rounded-lg bg-accent-600 px-5 text-sm font-semibold text-white shadow-sm hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
              >
                Start with Interview Skills
              </Link>
              <Link
                href="/practice/"
                className="inline-flex h-11 items-center rounded-lg border border-accent-600 px-5 text-sm font-semibold text-accent-700 hover:bg-accent-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:border-accent-400 dark:text-accent-300 dark:hover:bg-accent-950"
              >
                Rehearse in the practice room
              </Link>
              <a
                href="#the-four-chapters"
                className="inline-flex h-11 items-center rounded-lg border border-zinc-300 px-5 text-sm font-semibold text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-900"
              >
                See all chapters
              </a>
            </p>
          </header>
          <div className="prose-guide prose prose-zinc max-w-none dark:prose-invert">
            <Home />
          </div>
        </article>
      </main>
    </SiteFrame>
  );
}
