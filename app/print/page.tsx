import type { Metadata } from 'next';
import { PrintDocument } from '@/components/print/print-document';
import { SiteFrame } from '@/components/site/site-frame';
import { chapters, type Chapter } from '@/content/chapters';

export const metadata: Metadata = {
  title: 'The whole guide, printable',
  description:
    'Every chapter of Leaderboard Lab on one page, laid out for printing or saving as a PDF.',
  alternates: { canonical: '/print/' },
  robots: { index: false },
};

const published = (chapters as readonly Chapter[]).filter((c) => c.status === 'published');

export default function PrintGuidePage() {
  return (
    <SiteFrame>
      <main id="main" className="py-10 sm:py-12 lg:pl-8">
        <PrintDocument
          title="Leaderboard Lab: the whole guide"
          intro="Interview skills, the leaderboard designed from one Redis sorted set to 100 million players, a full mock interview and preparing with AI: every section in reading order."
          chapters={published}
        />
      </main>
    </SiteFrame>
  );
}
