import { fullGuideMarkdown, textResponse } from '@/components/guide-text/guide-markdown';

export const dynamic = 'force-static';

/** The whole guide as one Markdown file. */
export async function GET() {
  return textResponse(await fullGuideMarkdown(), 'plain');
}
