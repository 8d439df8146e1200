import { describe, expect, it } from 'vitest';
import { chapters } from '@/content/chapters';
import { publishedPages } from '@/lib/content/navigation';
import { siteConfig } from '@/lib/site-config';
import { baseUrl } from './browser';

/** A URL the built site printed (with its configured origin), fetched from the test server. */
function local(url: string): string {
  return url.replace(siteConfig.url, baseUrl());
}

describe('the guide as text for AI tools', () => {
  it("/llms.txt links every page's Markdown, and each one is served beside its HTML", async () => {
    const response = await fetch(`${baseUrl()}/llms.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const llms = await response.text();
    expect(llms).toMatch(/^# Leaderboard Lab\n\n> /);
    const links = [...llms.matchAll(/\]\((\S+?\.md)\)/g)].map((m) => m[1]!);
    const pages = publishedPages(chapters);
    expect(links).toHaveLength(pages.length + 1);
    for (const page of pages) {
      const url = `${siteConfig.url}${page.href}index.md`;
      expect(links).toContain(url);
      const md = await fetch(local(url));
      expect(md.status, url).toBe(200);
      expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
      const text = await md.text();
      expect(text.startsWith(`# ${page.title}\n`), url).toBe(true);
      expect(text).toContain(`${siteConfig.url}${page.href}`);
      // Clean text: no component tags, no HTML.
      expect(text.replace(/```[\s\S]*?```/g, '')).not.toMatch(/<(div|span|details|[A-Z]\w+)[\s>]/);
    }
    const full = await (await fetch(`${baseUrl()}/llms-full.txt`)).text();
    for (const page of pages) expect(full).toContain(`\n# ${page.title}\n`);
  });

  it('each page names its Markdown in <head>', async () => {
    const html = await (await fetch(`${baseUrl()}/leaderboard-design/sharding/`)).text();
    expect(html).toMatch(
      /<link rel="alternate" type="text\/markdown" href="[^"]*\/leaderboard-design\/sharding\/index\.md"/,
    );
  });
});
