import type { Metadata } from 'next';
import Instructors from '@/content/instructors.mdx';
import { EmbedBuilderPicture } from '@/components/instructors/builder-form';
import {
  ConsolePresets,
  HostScript,
  LinkExample,
  RegistryCounts,
  WidgetParameters,
  builderWidgets,
} from '@/components/instructors/instructor-blocks';
import { LazyEmbedBuilder } from '@/components/instructors/lazy-embed-builder';
import { SiteFrame } from '@/components/site/site-frame';
import { siteConfig } from '@/lib/site-config';

export const metadata: Metadata = {
  title: 'For instructors',
  description:
    'Link and embed Leaderboard Lab in your course: the reuse licence (CC BY 4.0) in plain words, links that never break, and an embed builder for every widget.',
  alternates: { canonical: '/instructors/' },
};

export default async function InstructorsPage() {
  const widgets = await builderWidgets();
  return (
    <SiteFrame>
      <main id="main" className="py-10 sm:py-12 lg:pl-8">
        <article data-pagefind-body className="mx-auto max-w-[52rem]">
          <header className="mb-8">
            <h1
              className="text-[2rem] leading-tight font-bold tracking-tight text-zinc-950 sm:text-[2.5rem] dark:text-white"
              data-pagefind-meta="title"
            >
              For instructors
            </h1>
          </header>
          <div className="prose-guide prose prose-zinc max-w-none dark:prose-invert">
            <Instructors
              components={{
                LinkExample,
                RegistryCounts,
                WidgetParameters,
                ConsolePresets,
                HostScript,
                EmbedBuilder: () => (
                  <LazyEmbedBuilder widgets={widgets} siteUrl={siteConfig.url}>
                    <EmbedBuilderPicture widgets={widgets} siteUrl={siteConfig.url} />
                  </LazyEmbedBuilder>
                ),
              }}
            />
          </div>
        </article>
      </main>
    </SiteFrame>
  );
}
