import {
  mulberry32,
  PLAYER_NAME_KEYS,
  playerName,
  playerNameFromKey,
  playerNameKey,
} from '../engine/workload';

/**
 * The seeded workload: players, regions, guilds, scores, a friend graph
 * with a long-tailed degree, and a stream of match results. Everything is
 * a pure function of the options: the same seed always yields the same
 * world, so a URL with a seed reproduces what a reader saw.
 */

/** How scores are spread. */
export type ScoreDistribution = 'uniform' | 'normal' | 'long-tail';

/** Options for `createWorld`. */
export interface WorldOptions {
  seed: number;
  players: number;
  /** Default 'uniform'. */
  distribution?: ScoreDistribution;
  /** Scores are integers in 0..maxScore. Default 1,000,000. */
  maxScore?: number;
  /** Default 8 regions. */
  regions?: number;
  /** Default one guild per 50 players (at least 1). */
  guilds?: number;
}

/** A generated population. Arrays are indexed by player number. */
export interface World {
  readonly seed: number;
  readonly players: number;
  readonly maxScore: number;
  readonly distribution: ScoreDistribution;
  /** Integer scores, one per player. */
  readonly scores: Float64Array;
  /** Region index per player. */
  readonly region: Uint16Array;
  /** Guild index per player. */
  readonly guild: Uint32Array;
  readonly regionNames: readonly string[];
  readonly guildCount: number;
  /** The id of player `i`: 12 characters, unique, stable for the seed. O(1). */
  id(i: number): string;
}

export const REGION_NAMES = ['eu', 'na', 'sa', 'asia', 'oce', 'af', 'me', 'cn'] as const;

/**
 * Draws one score in 0..maxScore. `normal` has mean max/2 and σ = max/8
 * (clamped); `long-tail` is Pareto (α = 1.2) scaled so the median sits
 * near 1% of max, so a few players hold scores far above everyone.
 */
export function drawScore(
  random: () => number,
  distribution: ScoreDistribution,
  maxScore: number,
): number {
  let x: number;
  if (distribution === 'uniform') x = random() * (maxScore + 1);
  else if (distribution === 'normal') {
    // Box–Muller; 1 - u keeps log away from 0.
    const u = 1 - random();
    const v = random();
    x = maxScore / 2 + (maxScore / 8) * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  } else {
    const u = 1 - random();
    x = (maxScore / 100) * (Math.pow(u, -1 / 1.2) - 1) * 1.3;
  }
  return Math.min(maxScore, Math.max(0, Math.floor(x)));
}

/**
 * Creates a world of `players` players. O(players) time and memory
 * (about 14 bytes per player; ids are computed on demand, not stored).
 */
export function createWorld(options: WorldOptions): World {
  const { seed, players } = options;
  const maxScore = options.maxScore ?? 1_000_000;
  const distribution = options.distribution ?? 'uniform';
  const regionCount = Math.max(1, Math.min(REGION_NAMES.length, options.regions ?? 8));
  const guildCount = Math.max(1, options.guilds ?? Math.ceil(players / 50));
  const random = mulberry32(seed);
  const scores = new Float64Array(players);
  const region = new Uint16Array(players);
  const guild = new Uint32Array(players);
  for (let i = 0; i < players; i++) {
    scores[i] = drawScore(random, distribution, maxScore);
    region[i] = Math.floor(random() * regionCount);
    guild[i] = Math.floor(random() * guildCount);
  }
  return {
    seed,
    players,
    maxScore,
    distribution,
    scores,
    region,
    guild,
    regionNames: REGION_NAMES.slice(0, regionCount),
    guildCount,
    id: (i: number) => playerName(i, seed),
  };
}

/** A world's players in Redis order, ready to load: scores ascending, ids alongside. */
export interface SortedPlayers {
  /** Scores, ascending. */
  scores: Float64Array;
  /** The ids in the same order (ties by id bytes ascending, as Redis orders members). */
  ids: string[];
}

/**
 * Every player of `world` in Redis order (score ascending, ties by id bytes), each id made
 * once. Ids are 'player' + a base-36 key, so (score, key) packs into one double (4M
 * scores times 36^6 keys stay below 2^53) and one native sort of a Float64Array orders
 * them: no comparator, no string compared. O(n log n); about 100 ms for 1M players.
 * Scores must be integers in 0..4,000,000 (so that every packed value is exact).
 */
export function sortedPlayers(world: World): SortedPlayers {
  if (world.maxScore > 4_000_000) throw new RangeError('sortedPlayers needs scores ≤ 4,000,000');
  const n = world.players;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    packed[i] = world.scores[i]! * PLAYER_NAME_KEYS + playerNameKey(i, world.seed);
  }
  packed.sort();
  const scores = new Float64Array(n);
  const ids = new Array<string>(n);
  for (let j = 0; j < n; j++) {
    const key = packed[j]! % PLAYER_NAME_KEYS;
    scores[j] = (packed[j]! - key) / PLAYER_NAME_KEYS;
    ids[j] = playerNameFromKey(key);
  }
  return { scores, ids };
}

/** Options for `createFriendGraph`. */
export interface FriendGraphOptions {
  seed: number;
  players: number;
  /** Mean number of players each one follows. Default 20. */
  meanFollows?: number;
  /** How many celebrities (players nearly everyone may follow). Default 0. */
  celebrities?: number;
  /** Chance that each player follows each celebrity. Default 0.3. */
  celebrityReach?: number;
}

/**
 * A directed "follows" graph in compressed sparse rows: the players `i`
 * follows are `follows.targets[follows.offsets[i] .. follows.offsets[i+1])`,
 * and the reverse (`followers`) likewise. A player's friend board ranks the
 * players they follow, plus themself.
 */
export interface FriendGraph {
  readonly players: number;
  readonly follows: { offsets: Int32Array; targets: Int32Array };
  readonly followers: { offsets: Int32Array; targets: Int32Array };
  /** Player numbers of the celebrities (the first `celebrities` players). */
  readonly celebrities: Int32Array;
  /** Total edges. */
  readonly edges: number;
}

/**
 * Builds a seeded follows graph: out-degrees are geometric around the mean,
 * targets are drawn by a Zipf-like preference (player j is picked with
 * weight ∝ 1/(j+10)), so in-degree is long-tailed; celebrities are
 * followed by a `celebrityReach` share of everyone on top. No self-loops
 * or duplicate edges. O(edges · log) time, 8 bytes per edge per direction.
 */
export function createFriendGraph(options: FriendGraphOptions): FriendGraph {
  const { seed, players } = options;
  const mean = options.meanFollows ?? 20;
  const celebs = Math.min(players, options.celebrities ?? 0);
  const reach = options.celebrityReach ?? 0.3;
  const random = mulberry32(seed ^ 0x5eed);
  const lists: number[][] = [];
  // Zipf-like target: inverse CDF of weight 1/(j+10) on [0, players).
  const logSpan = Math.log((players + 10) / 10);
  const pickTarget = () =>
    Math.min(players - 1, Math.floor(10 * Math.exp(random() * logSpan) - 10));
  let edges = 0;
  for (let i = 0; i < players; i++) {
    const set = new Set<number>();
    for (let c = 0; c < celebs; c++) if (c !== i && random() < reach) set.add(c);
    // Geometric degree with the given mean (long tail on the out side too).
    const want = Math.min(players - 1, Math.floor(Math.log(1 - random()) * -mean));
    let got = 0;
    for (let tries = 0; got < want && tries < want * 4 + 8; tries++) {
      const t = pickTarget();
      if (t !== i && !set.has(t)) {
        set.add(t);
        got++;
      }
    }
    const list = [...set].sort((a, b) => a - b);
    lists.push(list);
    edges += list.length;
  }
  const follows = { offsets: new Int32Array(players + 1), targets: new Int32Array(edges) };
  const inDegree = new Int32Array(players);
  let pos = 0;
  for (let i = 0; i < players; i++) {
    follows.offsets[i] = pos;
    for (const t of lists[i]!) {
      follows.targets[pos++] = t;
      inDegree[t]!++;
    }
  }
  follows.offsets[players] = pos;
  const followers = { offsets: new Int32Array(players + 1), targets: new Int32Array(edges) };
  for (let i = 0; i < players; i++) followers.offsets[i + 1] = followers.offsets[i]! + inDegree[i]!;
  const fill = followers.offsets.slice(0, players);
  for (let i = 0; i < players; i++) {
    for (let e = follows.offsets[i]!; e < follows.offsets[i + 1]!; e++) {
      const t = follows.targets[e]!;
      followers.targets[fill[t]!++] = i;
    }
  }
  const celebrities = new Int32Array(celebs);
  for (let c = 0; c < celebs; c++) celebrities[c] = c;
  return { players, follows, followers, celebrities, edges };
}

/** The players `i` follows. O(degree) (a view, not a copy). */
export function followsOf(g: FriendGraph, i: number): Int32Array {
  return g.follows.targets.subarray(g.follows.offsets[i]!, g.follows.offsets[i + 1]!);
}

/** The players following `i`. O(1) (a view). */
export function followersOf(g: FriendGraph, i: number): Int32Array {
  return g.followers.targets.subarray(g.followers.offsets[i]!, g.followers.offsets[i + 1]!);
}

/** One match result: `player` gained `points` at time `at` (ms). */
export interface MatchResult {
  player: number;
  points: number;
  at: number;
}

/**
 * A seeded, endless stream of match results. Active players are skewed
 * (a square-law pick favours low player numbers, which is where the
 * celebrities sit), points are 1..50, and the clock advances 1..100 ms
 * per result from `startAt`.
 */
export function createMatchStream(options: {
  seed: number;
  players: number;
  startAt?: number;
}): () => MatchResult {
  const random = mulberry32(options.seed ^ 0x3a7c);
  let at = options.startAt ?? 0;
  return () => {
    const r = random();
    at += 1 + Math.floor(random() * 100);
    return {
      player: Math.min(options.players - 1, Math.floor(r * r * options.players)),
      points: 1 + Math.floor(random() * 50),
      at,
    };
  };
}
