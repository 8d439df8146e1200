import type { ComponentType } from 'react';

/**
 * Where each section's MDX lives, keyed `chapter/section` ('' is the chapter page).
 * Static imports keep every page a separate chunk the bundler can see; a unit test
 * checks this map against `chapters.ts` and the files on disk.
 */
type Loader = () => Promise<{ default: ComponentType }>;

export const sectionFiles: Record<string, { file: string; load: Loader }> = {
  'interview-skills/': {
    file: 'interview-skills/index.mdx',
    load: () => import('./interview-skills/index.mdx'),
  },
  'interview-skills/clarifying-questions': {
    file: 'interview-skills/clarifying-questions.mdx',
    load: () => import('./interview-skills/clarifying-questions.mdx'),
  },
  'interview-skills/scoping': {
    file: 'interview-skills/scoping.mdx',
    load: () => import('./interview-skills/scoping.mdx'),
  },
  'interview-skills/trade-offs': {
    file: 'interview-skills/trade-offs.mdx',
    load: () => import('./interview-skills/trade-offs.mdx'),
  },
  'interview-skills/pushing-back': {
    file: 'interview-skills/pushing-back.mdx',
    load: () => import('./interview-skills/pushing-back.mdx'),
  },
  'interview-skills/what-interviewers-hear': {
    file: 'interview-skills/what-interviewers-hear.mdx',
    load: () => import('./interview-skills/what-interviewers-hear.mdx'),
  },
  'interview-skills/failure-modes': {
    file: 'interview-skills/failure-modes.mdx',
    load: () => import('./interview-skills/failure-modes.mdx'),
  },
  'interview-skills/self-check': {
    file: 'interview-skills/self-check.mdx',
    load: () => import('./interview-skills/self-check.mdx'),
  },
};

export function sectionKey(chapterSlug: string, sectionSlug: string): string {
  return sectionSlug ? `${chapterSlug}/${sectionSlug}` : `${chapterSlug}/`;
}
