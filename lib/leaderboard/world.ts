import { mulberry32, playerName, playerNameFromKey, playerNameKey } from '../engine/workload';

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
 * once. Scores are integers, so a counting sort by score places every player in one pass
 * over a table of maxScore + 1 counts, with no comparison; ids are 'player' + a base-36
 * key, so a tie group (players of one score) is ordered by sorting its keys as numbers, no
 * string compared. O(n + maxScore): about 40 ms for 1M players where a comparison sort of
 * packed (score, key) doubles took about 110 ms, in the same worker that must show the
 * world within 1.5 s. Scores must be integers in 0..4,000,000.
 */
export function sortedPlayers(world: World): SortedPlayers {
  if (world.maxScore > 4_000_000) throw new RangeError('sortedPlayers needs scores ≤ 4,000,000');
  const n = world.players;
  const scoresIn = world.scores;
  // starts[s] = how many players score below s, then (after the scatter) below s + 1.
  const starts = new Int32Array(world.maxScore + 2);
  for (let i = 0; i < n; i++) starts[scoresIn[i]! + 1]!++;
  for (let s = 1; s < starts.length; s++) starts[s]! += starts[s - 1]!;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[starts[scoresIn[i]!]!++] = playerNameKey(i, world.seed);
  const scores = new Float64Array(n);
  const ids = new Array<string>(n);
  const name = n >= 50_000 ? bulkPlayerNamer() : playerNameFromKey;
  let g = 0;
  for (let s = 0; g < n; s++) {
    const h = starts[s]!;
    if (h === g) continue;
    if (h - g > 1) sortKeys(keys, g, h);
    for (let j = g; j < h; j++) {
      scores[j] = s;
      ids[j] = name(keys[j]!);
    }
    g = h;
  }
  return { scores, ids };
}

/**
 * `playerNameFromKey` for many keys: the name is 'player' + six base-36 digits, so it is one
 * of 36^3 'player'-plus-three-digit heads joined to one of 36^3 three-digit tails, a single
 * 12-character string per name. A 1M-player world names every player before its first view,
 * and `key.toString(36)` on a double took about 0.25 µs a name in Chromium's worker, three
 * times this. The tables (~3 MB) live as long as the returned function. Keys in 0..36^6−1.
 */
export function bulkPlayerNamer(): (key: number) => string {
  const third = 36 ** 3;
  const tails = new Array<string>(third);
  const heads = new Array<string>(third);
  for (let k = 0; k < third; k++) {
    tails[k] = k.toString(36).padStart(3, '0');
    heads[k] = 'player' + tails[k];
  }
  return (key) => {
    const hi = Math.floor(key / third);
    return heads[hi]! + tails[key - hi * third]!;
  };
}

/** Sorts keys[from..to) ascending: insertion sort for the usual handful, else native. */
function sortKeys(keys: Float64Array, from: number, to: number): void {
  if (to - from > 24) {
    keys.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= from && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
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
