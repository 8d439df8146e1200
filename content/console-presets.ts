/**
 * Named console scripts an instructor can link (`/embed/console/?preset=<name>`): each is a
 * session the guide prints, command for command, on the page it names. A unit test holds
 * every line to that page's printed session and runs each preset on the console's engine.
 * Names are published in links: never rename one (add a new preset instead).
 */
export interface ConsolePreset {
  /** The `?preset=` value. */
  readonly name: string;
  readonly title: string;
  /** The guide page that prints this session. */
  readonly page: string;
  readonly commands: readonly string[];
}

export const consolePresets: readonly ConsolePreset[] = [
  {
    name: 'sorted-set-basics',
    title: 'A first board: add, top three, rank, increment, count, GT',
    page: '/leaderboard-design/sorted-sets/',
    commands: [
      'ZADD lb:global 3120 p:ava 2980 p:ben 3120 p:cai 2750 p:dev',
      'ZREVRANGE lb:global 0 2 WITHSCORES',
      'ZREVRANK lb:global p:ava',
      'ZINCRBY lb:global 200 p:dev',
      'ZREVRANK lb:global p:dev',
      'ZCOUNT lb:global (2950 +inf',
      'ZCOUNT lb:global (3120 +inf',
      'ZSCORE lb:global p:dev',
      'ZCARD lb:global',
      'ZADD lb:global GT 2900 p:ben',
      'ZSCORE lb:global p:ben',
      'ZADD lb:global GT 2500 p:eve',
      'OBJECT ENCODING lb:global',
    ],
  },
  {
    name: 'tie-order',
    title: 'Equal scores: ties ordered by member name, byte by byte',
    page: '/leaderboard-design/sorted-sets/',
    commands: ['ZADD ties 1500 player:99 1500 player:100 1500 player:7', 'ZREVRANGE ties 0 -1'],
  },
  {
    name: 'score-precision',
    title: 'Scores are doubles: integers above 2^53 lose precision',
    page: '/leaderboard-design/sorted-sets/',
    commands: ['ZADD t 9007199254740993 x', 'ZSCORE t x'],
  },
  {
    name: 'score-cursor',
    title: 'Paging by score: a cursor that survives churn',
    page: '/leaderboard-design/reads/',
    commands: [
      'ZADD lb 900 ana 850 bo 800 cy 750 di 700 ed 650 fa 600 gu 550 hal',
      'ZCOUNT lb 800 800',
      'ZREVRANGEBYSCORE lb 800 -inf WITHSCORES LIMIT 0 4',
    ],
  },
];

/** The preset named `name`, if any. */
export const consolePreset = (name: string) => consolePresets.find((p) => p.name === name);
