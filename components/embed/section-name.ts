import { chapters, type Chapter } from '@/content/chapters';

/** Where a widget's section is, as "Chapter: Section" (or the chapter alone for its opening). */
export function sectionName(chapter: string, section: string): string {
  const c = (chapters as readonly Chapter[]).find((x) => x.slug === chapter);
  const s = c?.sections.find((x) => x.slug === section);
  return c && s ? (s.slug ? `${c.title}: ${s.title}` : c.title) : 'Leaderboard Lab';
}
