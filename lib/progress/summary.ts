import { sectionHref, type OutlineChapter } from '../content/navigation';
import type { Progress } from './schema';

/** A reading path through the guide: an ordered list of chapters. */
export interface ReadingPathDefinition {
  readonly id: string;
  readonly title: string;
  readonly chapters: readonly string[];
}

export interface SectionProgress {
  readonly path: string;
  readonly title: string;
  readonly read: boolean;
  /** When the section was last marked read or unread; 0 when never. */
  readonly at: number;
  readonly selfChecksOpened: number;
  readonly selfChecksTotal: number;
}

export interface ChapterProgress {
  readonly slug: string;
  readonly title: string;
  readonly sections: readonly SectionProgress[];
  readonly read: number;
  readonly total: number;
}

export interface PathProgress {
  readonly id: string;
  readonly title: string;
  readonly read: number;
  readonly total: number;
  /** What to read next on this path; undefined when the path is finished. */
  readonly next?: SectionProgress & { readonly chapterTitle: string };
}

export interface ProgressSummary {
  readonly chapters: readonly ChapterProgress[];
  readonly paths: readonly PathProgress[];
  readonly read: number;
  readonly total: number;
  readonly selfChecksOpened: number;
  readonly selfChecksTotal: number;
}

/**
 * Progress by chapter and by reading path. `selfChecks` lists each page's self-check ids
 * (by page path), so opened answers are counted against what the page actually holds.
 * A path's next section is the first unread one after the section read most recently on
 * that path (where the reader left off), else its first unread section. O(sections +
 * self-checks).
 */
export function summarize(
  progress: Progress,
  outline: readonly OutlineChapter[],
  paths: readonly ReadingPathDefinition[],
  selfChecks: Readonly<Record<string, readonly string[]>>,
): ProgressSummary {
  const chapters: ChapterProgress[] = outline
    .filter((c) => c.status === 'published')
    .map((chapter) => {
      const sections = chapter.sections.map((section): SectionProgress => {
        const path = sectionHref(chapter.slug, section.slug);
        const flag = progress.sections[path];
        const ids = selfChecks[path] ?? [];
        return {
          path,
          title: section.navTitle ?? section.title,
          read: flag?.on ?? false,
          at: flag?.at ?? 0,
          selfChecksOpened: ids.filter((id) => progress.selfChecks[`${path}#${id}`]?.on).length,
          selfChecksTotal: ids.length,
        };
      });
      return {
        slug: chapter.slug,
        title: chapter.title,
        sections,
        read: sections.filter((s) => s.read).length,
        total: sections.length,
      };
    });

  const pathSummaries = paths.map((definition): PathProgress => {
    const steps = definition.chapters.flatMap((slug) => {
      const chapter = chapters.find((c) => c.slug === slug);
      return chapter ? chapter.sections.map((s) => ({ ...s, chapterTitle: chapter.title })) : [];
    });
    let last = -1;
    steps.forEach((s, i) => {
      if (s.read && (last < 0 || s.at >= (steps[last]?.at ?? 0))) last = i;
    });
    const next =
      steps.slice(last + 1).find((s) => !s.read) ?? steps.slice(0, last + 1).find((s) => !s.read);
    return {
      id: definition.id,
      title: definition.title,
      read: steps.filter((s) => s.read).length,
      total: steps.length,
      next,
    };
  });

  const all = chapters.flatMap((c) => c.sections);
  return {
    chapters,
    paths: pathSummaries,
    read: all.filter((s) => s.read).length,
    total: all.length,
    selfChecksOpened: all.reduce((n, s) => n + s.selfChecksOpened, 0),
    selfChecksTotal: all.reduce((n, s) => n + s.selfChecksTotal, 0),
  };
}
