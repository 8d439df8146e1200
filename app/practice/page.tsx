import type { Metadata } from 'next';
import { PracticeRoomLoader } from '@/components/practice/practice-loader';
import { SiteFrame } from '@/components/site/site-frame';
import { withBasePath } from '@/lib/site-config';

export const metadata: Metadata = {
  title: 'Practice room',
  description:
    'Rehearse the 45-minute system design interview: a prompt with a requirement change, the clock, clarifying questions, estimates, your own design run at full load and drilled for failures, and a review against a reference.',
  alternates: { canonical: '/practice/' },
};

export default function PracticePage() {
  return (
    <SiteFrame>
      <main id="main" className="py-8 sm:py-10 lg:pl-8">
        <div className="mx-auto max-w-[80rem]">
          <header className="mb-6 max-w-[46rem]">
            <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase dark:text-accent-400">
              Practice room
            </p>
            <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">
              Rehearse the 45 minutes, then watch your design run and fail
            </h1>
            <p className="mt-3 text-base leading-relaxed text-zinc-600 dark:text-zinc-400">
              Pick a prompt and start the clock. Ask your clarifying questions, commit to estimates,
              draw a design, and run it: the room computes its load at full scale from the guide’s
              measured costs, checks the requirements, and breaks it on purpose to see what it
              loses. Everything stays in your browser.
            </p>
          </header>
          <noscript>
            <p className="rounded-xl border border-zinc-300 p-4 text-sm">
              The practice room runs in your browser and needs JavaScript. The guide’s{' '}
              <a href={withBasePath('/mock-interviews/')}>mock interview</a> works without it.
            </p>
          </noscript>
          {/* The room arrives in steps (its chunk, then the saved attempts) and each is taller
              than the last: this floor keeps the footer below the fold meanwhile, so nothing a
              reader sees moves when the room appears. */}
          <div className="min-h-[80svh] print:min-h-0">
            <PracticeRoomLoader />
          </div>
        </div>
      </main>
    </SiteFrame>
  );
}
