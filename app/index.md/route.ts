import { homeMarkdown, textResponse } from '@/components/guide-text/guide-markdown';

export const dynamic = 'force-static';

/** The home page as Markdown. */
export async function GET() {
  return textResponse(await homeMarkdown(), 'markdown');
}
