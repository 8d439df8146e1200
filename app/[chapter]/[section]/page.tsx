import { SectionPage } from '@/components/site/section-page';
import { findSection, sectionMetadata, sectionParams } from '@/components/site/section-route';

export const dynamicParams = false;

export function generateStaticParams() {
  return sectionParams(true);
}

type Props = { params: Promise<{ chapter: string; section: string }> };

export async function generateMetadata({ params }: Props) {
  const { chapter, section } = await params;
  return sectionMetadata(chapter, section);
}

export default async function SectionRoute({ params }: Props) {
  const { chapter, section } = await params;
  return <SectionPage {...findSection(chapter, section)} />;
}
