import type { ReadingPathDefinition } from '@/lib/progress/summary';

/**
 * The guide's two reading paths (the home page describes them in prose). The progress
 * page measures the reader against them and suggests what to read next on each.
 */
export const readingPaths: readonly ReadingPathDefinition[] = [
  {
    id: 'interview',
    title: 'Preparing for an interview',
    chapters: ['interview-skills', 'leaderboard-design', 'mock-interviews', 'ai-prep'],
  },
  {
    id: 'distributed-systems',
    title: 'Learning distributed systems',
    chapters: ['leaderboard-design'],
  },
];
