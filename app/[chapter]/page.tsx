import { SectionPage } from '@/components/site/section-page';
import { findSection, sectionMetadata, sectionParams } from '@/components/site/section-route';

export const dynamicParams = false;

export function generateStaticParams() {
  return sectionParams(false);
}

type Props = { params: Promise<{ chapter: string }> };

export async function generateMetadata({ params }: Props) {
  const { chapter } = await params;
  return sectionMetadata(chapter, '');
}

export default async function ChapterPage({ params }: Props) {
  const { chapter } = await params;
  return <SectionPage {...findSection(chapter, '')} />;
}
