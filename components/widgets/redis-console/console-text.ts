/** The console's fixed text, shared by the live console and its server-drawn placeholder. */

export const EXAMPLES = [
  { label: '100', count: 100 },
  { label: '10k', count: 10_000 },
  { label: '1M', count: 1_000_000 },
] as const;

export const PROMPT = '127.0.0.1:6379>';

/** What the console says before anything is typed (the placeholder shows it too). */
export const WELCOME =
  'A Redis 7.0-compatible engine running in your browser. Load an example board, or type a command:\n  ZADD leaderboard 3200 alice 2950 bob\n  ZREVRANGE leaderboard 0 9 WITHSCORES\n  HELP ZREVRANK';
