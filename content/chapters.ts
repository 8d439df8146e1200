/**
 * The guide's table of contents: chapters, their sections, order, titles and levels.
 * Every route, the sidebar, previous/next links, the sitemap and the search labels are
 * derived from this one list. A section's `slug` is its URL segment under the chapter;
 * the empty slug is the chapter's own page. Slugs are permanent once published.
 */

export type Level = 'fundamental' | 'advanced';

export interface Section {
  /** URL segment under the chapter; '' is the chapter's index page. */
  readonly slug: string;
  readonly title: string;
  /** Shorter label for the sidebar, when the title is long. */
  readonly navTitle?: string;
  readonly level: Level;
  /** One sentence for the meta description and the search result. */
  readonly description: string;
}

export interface Chapter {
  readonly slug: string;
  readonly number: number;
  readonly title: string;
  /** What the chapter gives the reader, one sentence. */
  readonly summary: string;
  /** A chapter that is not written yet is listed as "coming soon", without a link. */
  readonly status: 'published' | 'soon';
  readonly sections: readonly Section[];
}

export const chapters = [
  {
    slug: 'interview-skills',
    number: 1,
    title: 'Interview Skills',
    summary:
      'How to spend 45 minutes, steer with clarifying questions, present trade-offs and push back like a senior engineer.',
    status: 'published',
    sections: [
      {
        slug: '',
        title: 'The 45-minute plan',
        level: 'fundamental',
        description:
          'A time-boxed plan for a system design interview: six phases, what to produce in each, and what to drop when you fall behind.',
      },
      {
        slug: 'clarifying-questions',
        title: 'Clarifying questions as a steering tool',
        navTitle: 'Clarifying questions',
        level: 'fundamental',
        description:
          'A question bank grouped by the design decision each question settles, with examples of how one answer reshapes the architecture.',
      },
      {
        slug: 'scoping',
        title: 'Scoping complexity',
        level: 'fundamental',
        description:
          'Deciding what to build, what to mention and what to leave out, so the interview spends its minutes where the signal is.',
      },
      {
        slug: 'trade-offs',
        title: 'Presenting trade-offs',
        level: 'fundamental',
        description:
          'A repeatable pattern for stating a trade-off, with worked examples from caching, sharding, consistency and ranking.',
      },
      {
        slug: 'pushing-back',
        title: 'Pushing back on requirements',
        level: 'advanced',
        description:
          'When a requirement deserves a challenge, how to challenge it without derailing the interview, and phrasings that work.',
      },
      {
        slug: 'what-interviewers-hear',
        title: 'What interviewers listen for',
        level: 'advanced',
        description:
          'The signals that separate mid-level, senior and staff answers to the same question, and how to send them on purpose.',
      },
      {
        slug: 'failure-modes',
        title: 'Failure modes and how to recover',
        navTitle: 'Failure modes',
        level: 'fundamental',
        description:
          'The common ways a design interview goes wrong, how to notice each one while it happens, and what to say to recover.',
      },
      {
        slug: 'self-check',
        title: 'Self-check: interview skills',
        navTitle: 'Self-check',
        level: 'fundamental',
        description:
          'Questions with explained answers to test what you took from the Interview Skills chapter.',
      },
    ],
  },
  {
    slug: 'leaderboard-design',
    number: 2,
    title: 'Leaderboard Design',
    summary:
      'From one Redis sorted set to a sharded, approximately ranked system for 100M players, with global, regional, friend and guild boards.',
    status: 'published',
    sections: [
      {
        slug: '',
        title: 'The problem and the questions to ask',
        navTitle: 'The problem',
        level: 'fundamental',
        description:
          'What a leaderboard must do, who reads which board, and the questions whose answers shape the whole design.',
      },
      {
        slug: 'estimates',
        title: 'Back-of-the-envelope estimates',
        navTitle: 'Estimates',
        level: 'fundamental',
        description:
          'Players, updates and reads per second at peak, memory per sorted-set member, shard count and bandwidth, with the arithmetic shown.',
      },
      {
        slug: 'why-not-sql',
        title: 'Why not SQL ORDER BY',
        level: 'fundamental',
        description:
          'Rank is a count of higher scores: what a B-tree index can and cannot do for it, and where a relational query breaks.',
      },
      {
        slug: 'sorted-sets',
        title: 'One Redis sorted set',
        level: 'fundamental',
        description:
          'ZADD, ZINCRBY, ZREVRANK, ZREVRANGE and ZCOUNT, the skip list and hash table behind them, listpacks, and tie-breaking.',
      },
      {
        slug: 'write-path',
        title: 'Source of truth and the write path',
        navTitle: 'The write path',
        level: 'advanced',
        description:
          'PostgreSQL as the record, Kafka as the replayable log, idempotent consumers writing Redis, and recovery by replay or reload.',
      },
      {
        slug: 'reads',
        title: 'Reads: top-K, around-me and pagination',
        navTitle: 'Reads',
        level: 'fundamental',
        description:
          'Serving the top of the board, a player’s neighbourhood, offset versus cursor pagination, caching and rate limits.',
      },
      {
        slug: 'sharding',
        title: 'Sharding the board',
        navTitle: 'Sharding',
        level: 'advanced',
        description:
          'Range-based versus hash-based sharding: global rank from local ranks, scatter-gather top-K, hot shards and rebalancing.',
      },
      {
        slug: 'approximate-ranking',
        title: 'Approximate ranking',
        level: 'advanced',
        description:
          'Score histograms, interpolation inside a bucket, an exact head with an approximate tail, and what the error costs.',
      },
      {
        slug: 'social-boards',
        title: 'Regional, friend and guild boards',
        navTitle: 'Social boards',
        level: 'advanced',
        description:
          'Fan-out on read versus fan-out on write, the celebrity problem, the hybrid, and guild aggregation.',
      },
      {
        slug: 'operations',
        title: 'Operating the leaderboard',
        navTitle: 'Operations',
        level: 'advanced',
        description:
          'Failures and recovery, hot keys, consistency a player can notice, anti-cheat and monitoring, and what to say about each.',
      },
      {
        slug: 'recap',
        title: 'Recap: the design on one page',
        navTitle: 'Recap',
        level: 'fundamental',
        description:
          'The whole design in one page, and the ten sentences to be able to say about it.',
      },
    ],
  },
  {
    slug: 'mock-interviews',
    number: 3,
    title: 'Mock Interviews',
    summary:
      'A full 45-minute interview with annotations on every move, and a speed round for answering under time pressure.',
    status: 'published',
    sections: [
      {
        slug: '',
        title: 'A full mock interview',
        level: 'fundamental',
        description:
          'A complete 45-minute leaderboard interview as a dialogue, with notes on why each move works and what a weaker answer sounds like.',
      },
      {
        slug: 'speed-round',
        title: 'The speed round',
        level: 'fundamental',
        description:
          'Rapid questions on the leaderboard and its building blocks, each with a model answer of at most three sentences, and a timed drill.',
      },
      {
        slug: 'self-check',
        title: 'Self-check: mock interviews',
        navTitle: 'Self-check',
        level: 'fundamental',
        description: 'Questions with explained answers on what makes an interview answer strong.',
      },
    ],
  },
  {
    slug: 'ai-prep',
    number: 4,
    title: 'Using AI to Prepare',
    summary:
      'Run your own preparation session with an AI: a workflow, prompt templates, and guards against its failure modes.',
    status: 'published',
    sections: [
      {
        slug: '',
        title: 'A preparation workflow',
        level: 'fundamental',
        description:
          'Diagnose, study, mock, review: a preparation loop with an AI as interviewer, tutor and critic.',
      },
      {
        slug: 'prompts',
        title: 'Prompt templates',
        level: 'fundamental',
        description:
          'Copyable prompts for an interviewer role-play, a design critique, follow-ups, a quiz, an estimate check and a staff-level review.',
      },
      {
        slug: 'pitfalls',
        title: 'Pitfalls and how to guard against them',
        navTitle: 'Pitfalls',
        level: 'fundamental',
        description:
          'Invented numbers, agreeable feedback and over-reliance: how each shows up and the habit that guards against it.',
      },
      {
        slug: 'self-check',
        title: 'Self-check: preparing with AI',
        navTitle: 'Self-check',
        level: 'fundamental',
        description:
          'Questions with explained answers on running a preparation session with an AI.',
      },
    ],
  },
] as const satisfies readonly Chapter[];
