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
  'leaderboard-design/': {
    file: 'leaderboard-design/index.mdx',
    load: () => import('./leaderboard-design/index.mdx'),
  },
  'leaderboard-design/estimates': {
    file: 'leaderboard-design/estimates.mdx',
    load: () => import('./leaderboard-design/estimates.mdx'),
  },
  'leaderboard-design/why-not-sql': {
    file: 'leaderboard-design/why-not-sql.mdx',
    load: () => import('./leaderboard-design/why-not-sql.mdx'),
  },
  'leaderboard-design/sorted-sets': {
    file: 'leaderboard-design/sorted-sets.mdx',
    load: () => import('./leaderboard-design/sorted-sets.mdx'),
  },
  'leaderboard-design/write-path': {
    file: 'leaderboard-design/write-path.mdx',
    load: () => import('./leaderboard-design/write-path.mdx'),
  },
  'leaderboard-design/reads': {
    file: 'leaderboard-design/reads.mdx',
    load: () => import('./leaderboard-design/reads.mdx'),
  },
  'leaderboard-design/sharding': {
    file: 'leaderboard-design/sharding.mdx',
    load: () => import('./leaderboard-design/sharding.mdx'),
  },
  'leaderboard-design/approximate-ranking': {
    file: 'leaderboard-design/approximate-ranking.mdx',
    load: () => import('./leaderboard-design/approximate-ranking.mdx'),
  },
  'leaderboard-design/social-boards': {
    file: 'leaderboard-design/social-boards.mdx',
    load: () => import('./leaderboard-design/social-boards.mdx'),
  },
  'leaderboard-design/operations': {
    file: 'leaderboard-design/operations.mdx',
    load: () => import('./leaderboard-design/operations.mdx'),
  },
  'leaderboard-design/recap': {
    file: 'leaderboard-design/recap.mdx',
    load: () => import('./leaderboard-design/recap.mdx'),
  },
  'mock-interviews/': {
    file: 'mock-interviews/index.mdx',
    load: () => import('./mock-interviews/index.mdx'),
  },
  'mock-interviews/speed-round': {
    file: 'mock-interviews/speed-round.mdx',
    load: () => import('./mock-interviews/speed-round.mdx'),
  },
  'mock-interviews/self-check': {
    file: 'mock-interviews/self-check.mdx',
    load: () => import('./mock-interviews/self-check.mdx'),
  },
  'ai-prep/': { file: 'ai-prep/index.mdx', load: () => import('./ai-prep/index.mdx') },
  'ai-prep/prompts': { file: 'ai-prep/prompts.mdx', load: () => import('./ai-prep/prompts.mdx') },
  'ai-prep/pitfalls': {
    file: 'ai-prep/pitfalls.mdx',
    load: () => import('./ai-prep/pitfalls.mdx'),
  },
  'ai-prep/self-check': {
    file: 'ai-prep/self-check.mdx',
    load: () => import('./ai-prep/self-check.mdx'),
  },
};

export function sectionKey(chapterSlug: string, sectionSlug: string): string {
  return `${chapterSlug}/${sectionSlug}`;
}
