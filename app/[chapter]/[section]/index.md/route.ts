import { notFound } from 'next/navigation';
import { findPage, sectionMarkdown, textResponse } from '@/components/guide-text/guide-markdown';
import { sectionParams } from '@/components/site/section-route';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return sectionParams(true);
}

/** The section as Markdown, beside its HTML. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ chapter: string; section: string }> },
) {
  const { chapter, section } = await params;
  const page = findPage(chapter, section);
  if (!page) notFound();
  return textResponse(await sectionMarkdown(page), 'markdown');
}
