import type { MetadataRoute } from 'next';
import { chapters } from '@/content/chapters';
import { publishedPages } from '@/lib/content/navigation';
import { siteConfig } from '@/lib/site-config';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return [
    { url: `${siteConfig.url}/`, priority: 1 },
    { url: `${siteConfig.url}/practice/`, priority: 0.8 },
    { url: `${siteConfig.url}/instructors/`, priority: 0.5 },
    ...publishedPages(chapters).map((page) => ({
      url: `${siteConfig.url}${page.href}`,
      priority: page.sectionSlug ? 0.7 : 0.9,
    })),
  ];
}
