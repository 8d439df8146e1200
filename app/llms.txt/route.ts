import { llmsTxt, textResponse } from '@/components/guide-text/guide-markdown';

export const dynamic = 'force-static';

/** The guide's Markdown pages for AI tools (https://llmstxt.org). */
export function GET() {
  return textResponse(llmsTxt(), 'plain');
}
