import { chapters } from '@/content/chapters';
import { publishedPages } from '@/lib/content/navigation';

/** Every published URL path: the home page and each section of each published chapter. */
export const allPaths: string[] = ['/', ...publishedPages(chapters).map((p) => p.href)];
