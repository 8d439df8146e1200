import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintDocument } from '@/components/print/print-document';
import { SiteFrame } from '@/components/site/site-frame';
import { chapters, type Chapter } from '@/content/chapters';

export const dynamicParams = false;

const published = (chapters as readonly Chapter[]).filter((c) => c.status === 'published');

export function generateStaticParams() {
  return published.map((c) => ({ chapter: c.slug }));
}

type Props = { params: Promise<{ chapter: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chapter } = await params;
  const found = published.find((c) => c.slug === chapter);
  return {
    title: `${found?.title ?? 'Chapter'}, printable`,
    description: `Chapter ${found?.number}: ${found?.title}, every section on one page, laid out for printing or saving as a PDF.`,
    alternates: { canonical: `/print/${chapter}/` },
    robots: { index: false },
  };
}

export default async function PrintChapterPage({ params }: Props) {
  const { chapter } = await params;
  const found = published.find((c) => c.slug === chapter);
  if (!found) notFound();
  return (
    <SiteFrame chapterSlug={found.slug}>
      <main id="main" className="py-10 sm:py-12 lg:pl-8">
        <PrintDocument
          title={`Chapter ${found.number}: ${found.title}`}
          intro={found.summary}
          chapters={[found]}
        />
      </main>
    </SiteFrame>
  );
}
