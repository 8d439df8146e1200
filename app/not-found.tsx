import Link from 'next/link';
import type { Metadata } from 'next';
import { SiteFrame } from '@/components/site/site-frame';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <SiteFrame>
      <main id="main" className="mx-auto max-w-xl py-24 text-center">
        <p className="font-mono text-sm font-semibold text-accent-600 dark:text-accent-400">
          (nil)
        </p>
        <h1 className="mt-3 text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">
          This page is not in the set
        </h1>
        <p className="mt-4 text-lg leading-relaxed text-zinc-600 dark:text-zinc-400">
          ZSCORE came back empty: the address may be mistyped, or the page belongs to a chapter that
          is not published yet.
        </p>
        <p className="mt-8 flex justify-center gap-3">
          <Link
            href="/"
            className="rounded-lg bg-accent-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-accent-700"
          >
            Go to the start
          </Link>
          <Link
            href="/interview-skills/"
            className="rounded-lg border border-zinc-300 px-4 py-2.5 text-sm font-semibold text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-900"
          >
            Read Interview Skills
          </Link>
        </p>
      </main>
    </SiteFrame>
  );
}
