import type { MetadataRoute } from 'next';
import { basePath, siteConfig } from '@/lib/site-config';

export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: `${basePath}/` }],
    sitemap: `${siteConfig.url}/sitemap.xml`,
  };
}
