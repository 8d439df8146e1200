import { NOT_A_BYTE_STRING, compareBytes } from './bytes';

/**
 * Redis's sorted-set skip list (t_zset.c), with the same shape rules:
 * p = 1/4, at most 32 levels, a span on every forward pointer (so a rank is
 * the sum of spans along the search path), backward pointers on level 0, and
 * ties broken by the member's bytes (members are byte strings, see bytes.ts,
 * so `<` is memcmp). A member → node hash sits beside it,
 * as the `dict` of Redis's `zset` struct does.
 *
 * The hash is an open-addressing table in an Int32Array of (hash, node)
 * pairs with linear probing and backward-shift deletion, not a JS Map: a Map
 * lookup at 1M string keys costs three or four cache misses (bucket, entry,
 * the stored key to compare), while here a miss costs one (the slot holds the
 * full 32-bit hash) and a hit one more to compare the member. It also takes
 * 16 bytes per member instead of about 30.
 *
 * Memory layout. An object per node (`{score, member, levels: [...]}`) costs
 * about 227 bytes per member and a cache miss per field at 1M members. Instead
 * every node is a block of 32-bit slots inside one ArrayBuffer, so what a
 * search touches sits on one or two cache lines:
 *
 *   slot x+0..1        score (a float64, read through a Float64Array view at x/2)
 *   slot x+2           backward: the previous node on level 0 (0 = none)
 *   slot x+3           number of levels L of this node (1..maxLevel)
 *   slot x+4           member slot: index into `members` (the JS string array)
 *   slot x+5           unused (keeps the level records 8-byte aligned)
 *   slot x+6+4i        forward pointer on level i (0 = none)
 *   slot x+7+4i        span on level i: how many level-0 steps that pointer covers
 *   slot x+8+4i..9+4i  score of the forward node on level i (a float64 copy)
 *
 * A node id is the offset x of its block, always even so the floats are
 * 8-byte aligned; a block takes 6 + 4L slots (40 bytes for the 3 nodes in 4
 * that have one level). The copy of the forward node's score is what makes
 * the layout fast: a search compares against it without loading the forward
 * node, so the comparison that ends each level costs no cache miss; only the
 * hops actually taken do. Every write of a forward pointer writes the copy
 * too, and an in-place score change updates the copies in its predecessors.
 *
 * The header is the block at offset 0 with maxLevel levels, which is why 0
 * doubles as "no node". Freed blocks go on a free list per level count
 * (chained through the backward slot) and are reused by the next node of the
 * same height, so ZINCRBY churn does not grow the buffer.
 */

const BACK = 2;
const LEVELS = 3;
const MEMBER = 4;
const FWD = 6;
const SPAN = 7;
/** Slot of the cached score of the forward node (a float64 at slots 8-9 of the level). */
const FSCORE = 8;
/** Slots per level: forward, span, forward score (2). */
const STRIDE = 4;

/** The most levels a node may have (Redis's ZSKIPLIST_MAXLEVEL). */
export const SKIPLIST_MAX_LEVEL = 32;

/** A score interval as ZRANGEBYSCORE / ZCOUNT take it; `*ex` marks a `(` bound. */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/**
 * One end of a lexicographic interval: `-` (kind -1, below everything), `+`
 * (kind 1, above everything), or a member with `[` / `(` (kind 0).
 */
export interface LexBound {
  kind: -1 | 0 | 1;
  value: string;
  exclusive: boolean;
}

/** A lexicographic interval as ZRANGE … BYLEX takes it. */
export interface LexRange {
  min: LexBound;
  max: LexBound;
}

/** One level of a node as the picture draws it. */
export interface SkipListLevelView {
  /** Node id the pointer leads to, or 0 for none. */
  forward: number;
  /** Level-0 steps the pointer covers (Redis's `span`). */
  span: number;
}

/** One node in a snapshot, in list order (the header first, with id 0). */
export interface SkipListNodeView {
  id: number;
  /** 1-based rank (0 for the header). */
  rank: number;
  member: string | null;
  score: number | null;
  levels: SkipListLevelView[];
}

/** A read-only copy of the whole structure, for drawing. */
export interface SkipListSnapshot {
  length: number;
  level: number;
  maxLevel: number;
  tail: number;
  nodes: SkipListNodeView[];
}

/** One step of a search: a forward hop along `level`, or a drop to `level`. */
export interface TraceHop {
  kind: 'forward' | 'down';
  level: number;
  from: number;
  to: number;
  /** Span added to the running rank by this hop (0 for a drop). */
  span: number;
  /** Rank reached after this hop (1-based position of `to`; 0 = header). */
  rank: number;
}

/** The search path of a rank lookup or of an insertion point. */
export interface SkipListTrace {
  hops: TraceHop[];
  /** Forward hops only: what the skip list paid. */
  forwardHops: number;
  /** Nodes a linked-list walk from the head would visit to get there. */
  linearScanHops: number;
  /** 1-based rank found (ZRANK = rank - 1, ZREVRANK = length - rank); 0 if absent. */
  rank: number;
  /** For an insertion trace: the node the new member would follow (0 = header). */
  insertAfter: number;
}

/** Options for a skip list: a smaller maxLevel forces tall, deep cases in tests. */
export interface SkipListOptions {
  maxLevel?: number;
  /** Returns a uniformly random integer in [0, 0xffff] (Redis: `random() & 0xffff`). */
  random16?: () => number;
}

/**
 * Returns a seeded 16-bit random source (xorshift32), so a skip list's shape
 * is reproducible from its seed.
 */
export function seededRandom16(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s >>> 16;
  };
}

const P_THRESHOLD = Math.floor(0.25 * 0xffff);

/** What a free member slot holds: never a byte string, so never a member. */
const FREE = NOT_A_BYTE_STRING;

/** FNV-1a over UTF-16 code units with a murmur3 finaliser, for the member index. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** True when `score` is at or above the range's lower bound. */
export function scoreGteMin(score: number, r: ScoreRange): boolean {
  return r.minex ? score > r.min : score >= r.min;
}

/** True when `score` is at or below the range's upper bound. */
export function scoreLteMax(score: number, r: ScoreRange): boolean {
  return r.maxex ? score < r.max : score <= r.max;
}

/** True when `member` is at or above the lexicographic lower bound. */
export function lexGteMin(member: string, r: LexRange): boolean {
  const b = r.min;
  if (b.kind === -1) return true;
  if (b.kind === 1) return false;
  const c = compareBytes(member, b.value);
  return b.exclusive ? c > 0 : c >= 0;
}

/** True when `member` is at or below the lexicographic upper bound. */
export function lexLteMax(member: string, r: LexRange): boolean {
  const b = r.max;
  if (b.kind === 1) return true;
  if (b.kind === -1) return false;
  const c = compareBytes(member, b.value);
  return b.exclusive ? c < 0 : c <= 0;
}

function compareLexBounds(a: LexBound, b: LexBound): number {
  if (a.kind !== 0 || b.kind !== 0) return a.kind === b.kind ? 0 : a.kind - b.kind;
  return compareBytes(a.value, b.value);
}

/**
 * A Redis-shaped skip list over (score, member) pairs with a member → node map.
 * Node ids are opaque numbers; 0 means "no node".
 */
export class SkipList {
  readonly maxLevel: number;
  private readonly random16: () => number;
  private buf: ArrayBuffer;
  private i32: Int32Array;
  private f64: Float64Array;
  private used: number;
  private readonly members: string[] = [];
  /** (hash, node) pairs; node 0 marks an empty slot. Capacity is a power of two. */
  private index = new Int32Array(2 * 16);
  private indexMask = 15;
  private indexCount = 0;
  private readonly freeLists: Int32Array;
  private readonly update: Int32Array;
  private readonly rankAt: Int32Array;
  private levelCount = 1;
  private size = 0;
  private tailNode = 0;
  /**
   * For appends: the last node on each level and its rank, valid while only
   * appends happen (any other change clears `tailPathValid`).
   */
  private readonly tailPath: Int32Array;
  private readonly tailRank: Int32Array;
  private tailPathValid = false;
  /**
   * Live nodes per level, and live members per byte length (256 and over in a map): kept on
   * every link and unlink (two increments), so a model of the list's memory (MEMORY USAGE
   * with SAMPLES 0) needs no walk over a million scattered nodes.
   */
  private readonly nodesPerLevel: Int32Array;
  private readonly shortMemberLengths = new Int32Array(256);
  private readonly longMemberLengths = new Map<number, number>();

  constructor(options: SkipListOptions = {}) {
    const maxLevel = options.maxLevel ?? SKIPLIST_MAX_LEVEL;
    if (!Number.isInteger(maxLevel) || maxLevel < 1 || maxLevel > SKIPLIST_MAX_LEVEL) {
      throw new RangeError(`maxLevel must be an integer in 1..${SKIPLIST_MAX_LEVEL}`);
    }
    this.maxLevel = maxLevel;
    this.random16 = options.random16 ?? seededRandom16(0x5eed);
    const headerSlots = 6 + STRIDE * maxLevel;
    this.buf = new ArrayBuffer(Math.max(64, headerSlots * 2) * 4);
    this.i32 = new Int32Array(this.buf);
    this.f64 = new Float64Array(this.buf);
    this.used = headerSlots;
    this.i32[LEVELS] = maxLevel;
    this.i32[MEMBER] = -1;
    this.freeLists = new Int32Array(maxLevel + 1);
    this.update = new Int32Array(maxLevel);
    this.rankAt = new Int32Array(maxLevel);
    this.tailPath = new Int32Array(maxLevel);
    this.tailRank = new Int32Array(maxLevel);
    this.nodesPerLevel = new Int32Array(maxLevel + 1);
  }

  /** Live nodes per level: entry `l` counts the nodes of level `l` (1..maxLevel). O(1). */
  levelCounts(): ArrayLike<number> {
    return this.nodesPerLevel;
  }

  /** [byte length, count] for every member length present. O(distinct lengths). */
  *memberLengthCounts(): Generator<[number, number]> {
    const short = this.shortMemberLengths;
    for (let len = 0; len < short.length; len++) if (short[len] !== 0) yield [len, short[len]!];
    yield* this.longMemberLengths;
  }

  private countMember(member: string, level: number, delta: 1 | -1): void {
    this.nodesPerLevel[level]! += delta;
    const len = member.length;
    if (len < 256) this.shortMemberLengths[len]! += delta;
    else {
      const n = (this.longMemberLengths.get(len) ?? 0) + delta;
      if (n === 0) this.longMemberLengths.delete(len);
      else this.longMemberLengths.set(len, n);
    }
  }

  /** Number of members. O(1). */
  get length(): number {
    return this.size;
  }

  /** Current height of the list (highest level any node has, at least 1). O(1). */
  get level(): number {
    return this.levelCount;
  }

  /** Last node in order, or 0 when empty. O(1). */
  get tail(): number {
    return this.tailNode;
  }

  /** First node in order, or 0 when empty. O(1). */
  get head(): number {
    return this.i32[FWD]!;
  }

  /** Node after `x` on level 0, or 0. O(1). */
  next(x: number): number {
    return this.i32[x + FWD]!;
  }

  /** Node before `x` on level 0, or 0. O(1). */
  prev(x: number): number {
    return this.i32[x + BACK]!;
  }

  /** Score of node `x`. O(1). */
  score(x: number): number {
    return this.f64[x >> 1]!;
  }

  /** Member of node `x`. O(1). */
  member(x: number): string {
    return this.members[this.i32[x + MEMBER]!]!;
  }

  /** Number of levels of node `x` (the header has maxLevel). O(1). */
  nodeLevel(x: number): number {
    return this.i32[x + LEVELS]!;
  }

  /** Forward pointer of node `x` on `level` (0 = none). O(1). */
  forward(x: number, level: number): number {
    return this.i32[x + FWD + STRIDE * level]!;
  }

  /** Span of node `x`'s forward pointer on `level`. O(1). */
  span(x: number, level: number): number {
    return this.i32[x + SPAN + STRIDE * level]!;
  }

  /**
   * Number of member slots, live or free. A member keeps its slot for as long
   * as it stays in the set (score changes included) and a slot is reused only
   * by a member added later, so walking slots 0..slotCount visits every
   * member present throughout the walk: that is ZSCAN's cursor. O(1).
   */
  get slotCount(): number {
    return this.members.length;
  }

  /** The member in `slot`, or null when the slot is free. O(1). */
  memberAt(slot: number): string | null {
    const m = this.members[slot];
    return m === undefined || m === FREE ? null : m;
  }

  /** Node of `member`, or 0. O(1) expected (hash lookup). */
  find(member: string): number {
    return this.indexGet(member);
  }

  /** Score of `member`, or undefined when absent. O(1) expected. */
  scoreOf(member: string): number | undefined {
    const x = this.indexGet(member);
    return x === 0 ? undefined : this.f64[x >> 1];
  }

  /** The last member hashed and its hash: a lookup is usually followed by an add. */
  private hashedMember = '';
  private hashedValue = hashString('');

  private hashOf(member: string): number {
    if (member !== this.hashedMember) {
      this.hashedMember = member;
      this.hashedValue = hashString(member);
    }
    return this.hashedValue;
  }

  private indexGet(member: string): number {
    const t = this.index;
    const mask = this.indexMask;
    const h = this.hashOf(member);
    let i = h & mask;
    while (true) {
      const node = t[2 * i + 1]!;
      if (node === 0) return 0;
      if (t[2 * i] === h && this.members[this.i32[node + MEMBER]!] === member) return node;
      i = (i + 1) & mask;
    }
  }

  /** Adds a member known to be absent. */
  private indexAdd(member: string, node: number): void {
    if ((this.indexCount + 1) * 2 > this.indexMask + 1) this.indexGrow();
    const t = this.index;
    const mask = this.indexMask;
    const h = this.hashOf(member);
    let i = h & mask;
    while (t[2 * i + 1] !== 0) i = (i + 1) & mask;
    t[2 * i] = h;
    t[2 * i + 1] = node;
    this.indexCount++;
  }

  private indexSlotOf(member: string, node: number): number {
    const t = this.index;
    const mask = this.indexMask;
    let i = this.hashOf(member) & mask;
    while (t[2 * i + 1] !== node) {
      if (t[2 * i + 1] === 0) throw new Error(`member index lost ${member}`);
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Points an existing entry at a new node (after a re-insert). */
  private indexReplace(member: string, oldNode: number, newNode: number): void {
    this.index[2 * this.indexSlotOf(member, oldNode) + 1] = newNode;
  }

  /** Removes an entry, shifting later entries of the probe run back (no tombstones). */
  private indexDelete(member: string, node: number): void {
    const t = this.index;
    const mask = this.indexMask;
    let i = this.indexSlotOf(member, node);
    let j = i;
    while (true) {
      j = (j + 1) & mask;
      if (t[2 * j + 1] === 0) break;
      const k = t[2 * j]! & mask;
      const stays = i <= j ? i < k && k <= j : i < k || k <= j;
      if (stays) continue;
      t[2 * i] = t[2 * j]!;
      t[2 * i + 1] = t[2 * j + 1]!;
      i = j;
    }
    t[2 * i] = 0;
    t[2 * i + 1] = 0;
    this.indexCount--;
  }

  private indexGrow(): void {
    const old = this.index;
    const cap = (this.indexMask + 1) * 2;
    const t = new Int32Array(2 * cap);
    const mask = cap - 1;
    for (let s = 0; s < old.length; s += 2) {
      const node = old[s + 1]!;
      if (node === 0) continue;
      const h = old[s]!;
      let i = h & mask;
      while (t[2 * i + 1] !== 0) i = (i + 1) & mask;
      t[2 * i] = h;
      t[2 * i + 1] = node;
    }
    this.index = t;
    this.indexMask = mask;
  }

  /** Bytes held by the typed-array pool (capacity, not just used slots). */
  get poolBytes(): number {
    return this.buf.byteLength;
  }

  private randomLevel(): number {
    let level = 1;
    while (this.random16() < P_THRESHOLD) level++;
    return level < this.maxLevel ? level : this.maxLevel;
  }

  private alloc(level: number): number {
    const free = this.freeLists[level]!;
    if (free !== 0) {
      this.freeLists[level] = this.i32[free + BACK]!;
      return free;
    }
    const slots = 6 + STRIDE * level;
    if (this.used + slots > this.i32.length) {
      let cap = Math.max(this.i32.length + (this.i32.length >> 1), this.used + slots);
      cap += cap & 1;
      const buf = new ArrayBuffer(cap * 4);
      new Int32Array(buf).set(this.i32.subarray(0, this.used));
      this.buf = buf;
      this.i32 = new Int32Array(buf);
      this.f64 = new Float64Array(buf);
    }
    const x = this.used;
    this.used += slots;
    this.i32[x + LEVELS] = level;
    this.i32[x + MEMBER] = this.members.length;
    this.members.push(FREE);
    return x;
  }

  private release(x: number): void {
    const level = this.i32[x + LEVELS]!;
    const i32 = this.i32;
    for (let i = 0; i < level; i++) {
      i32[x + FWD + STRIDE * i] = 0;
      i32[x + SPAN + STRIDE * i] = 0;
    }
    this.members[i32[x + MEMBER]!] = FREE;
    i32[x + BACK] = this.freeLists[level]!;
    this.freeLists[level] = x;
  }

  /**
   * Fills `update` (and `rankAt`) with the last node before (score, member) on
   * every level, like the first loop of zslInsert. O(log N) expected.
   */
  private findPredecessors(score: number, member: string): void {
    const i32 = this.i32;
    const f64 = this.f64;
    const members = this.members;
    const update = this.update;
    const rankAt = this.rankAt;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0) {
        const s = f64[(x + FSCORE + STRIDE * i) >> 1]!;
        if (s < score || (s === score && members[i32[fwd + MEMBER]!]! < member)) {
          rank += i32[x + SPAN + STRIDE * i]!;
          x = fwd;
          fwd = i32[x + FWD + STRIDE * i]!;
        } else break;
      }
      update[i] = x;
      rankAt[i] = rank;
    }
  }

  /**
   * findPredecessors for an existing node `target`: meeting the node itself
   * ends a level without comparing member strings.
   */
  private findPredecessorsOf(target: number): void {
    const i32 = this.i32;
    const f64 = this.f64;
    const members = this.members;
    const update = this.update;
    const rankAt = this.rankAt;
    const score = f64[target >> 1]!;
    const member = members[i32[target + MEMBER]!]!;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && fwd !== target) {
        const s = f64[(x + FSCORE + STRIDE * i) >> 1]!;
        if (s < score || (s === score && members[i32[fwd + MEMBER]!]! < member)) {
          rank += i32[x + SPAN + STRIDE * i]!;
          x = fwd;
          fwd = i32[x + FWD + STRIDE * i]!;
        } else break;
      }
      update[i] = x;
      rankAt[i] = rank;
    }
  }

  /**
   * Grows the node pool and the member index ahead of `additional` inserts,
   * so a bulk load copies each buffer once instead of at every doubling.
   */
  reserve(additional: number): void {
    const needed = this.used + Math.ceil(additional * 11.4) + 64;
    if (needed > this.i32.length) {
      const slots = Math.max(needed, this.i32.length + (this.i32.length >> 1));
      const buf = new ArrayBuffer((slots + (slots & 1)) * 4);
      new Int32Array(buf).set(this.i32.subarray(0, this.used));
      this.buf = buf;
      this.i32 = new Int32Array(buf);
      this.f64 = new Float64Array(buf);
    }
    while ((this.indexCount + additional) * 2 > this.indexMask + 1) this.indexGrow();
  }

  /**
   * Inserts a member that is not yet present (zslInsert) and returns its node.
   * O(log N) expected; O(1) amortised when (score, member) sorts after the
   * current last member, which is how a seeded leaderboard of 1M members
   * loads in well under a second: sorted input never pays for a search.
   * The caller checks absence (`find`) first; NaN scores must be refused
   * before calling.
   */
  insert(score: number, member: string): number {
    const tail = this.tailNode;
    const level = this.randomLevel();
    const x = this.alloc(level);
    if (tail !== 0) {
      const s = this.f64[tail >> 1]!;
      if (s > score || (s === score && this.member(tail) >= member)) {
        this.tailPathValid = false;
        this.findPredecessors(score, member);
        this.link(x, level, score, member);
        return x;
      }
    }
    this.append(x, level, score, member);
    return x;
  }

  /**
   * Links node `x` after the current tail, keeping Redis's spans. The
   * predecessor on level i is the last node tall enough: the rightmost path
   * is walked once, then kept up to date while appends continue.
   */
  private append(x: number, level: number, score: number, member: string): void {
    const i32 = this.i32;
    if (!this.tailPathValid) {
      let p = 0;
      let rank = 0;
      for (let i = this.maxLevel - 1; i >= 0; i--) {
        if (i < this.levelCount) {
          let fwd = i32[p + FWD + STRIDE * i]!;
          while (fwd !== 0) {
            rank += i32[p + SPAN + STRIDE * i]!;
            p = fwd;
            fwd = i32[p + FWD + STRIDE * i]!;
          }
        }
        this.tailPath[i] = p;
        this.tailRank[i] = i < this.levelCount ? rank : 0;
      }
    }
    const top = Math.max(level, this.levelCount);
    for (let i = 0; i < top; i++) {
      this.update[i] = this.tailPath[i]!;
      this.rankAt[i] = this.tailRank[i]!;
    }
    const rank = this.size + 1;
    this.link(x, level, score, member);
    for (let i = 0; i < level; i++) {
      this.tailPath[i] = x;
      this.tailRank[i] = rank;
    }
    this.tailPathValid = true;
  }

  /** Links node `x` after the nodes in `update`; `replacing` is the member's old node, if any. */
  private link(x: number, level: number, score: number, member: string, replacing = 0): void {
    const i32 = this.i32;
    const update = this.update;
    const rankAt = this.rankAt;
    if (level > this.levelCount) {
      for (let i = this.levelCount; i < level; i++) {
        rankAt[i] = 0;
        update[i] = 0;
        i32[SPAN + STRIDE * i] = this.size;
      }
      this.levelCount = level;
    }
    this.f64[x >> 1] = score;
    this.members[i32[x + MEMBER]!] = member;
    const f64 = this.f64;
    const rank0 = rankAt[0]!;
    for (let i = 0; i < level; i++) {
      const u = update[i]!;
      const covered = rank0 - rankAt[i]!;
      i32[x + FWD + STRIDE * i] = i32[u + FWD + STRIDE * i]!;
      f64[(x + FSCORE + STRIDE * i) >> 1] = f64[(u + FSCORE + STRIDE * i) >> 1]!;
      i32[u + FWD + STRIDE * i] = x;
      f64[(u + FSCORE + STRIDE * i) >> 1] = score;
      i32[x + SPAN + STRIDE * i] = i32[u + SPAN + STRIDE * i]! - covered;
      i32[u + SPAN + STRIDE * i] = covered + 1;
    }
    for (let i = level; i < this.levelCount; i++) i32[update[i]! + SPAN + STRIDE * i]!++;
    i32[x + BACK] = update[0]!;
    const after = i32[x + FWD]!;
    if (after !== 0) i32[after + BACK] = x;
    else this.tailNode = x;
    this.size++;
    this.countMember(member, level, 1);
    if (replacing === 0) this.indexAdd(member, x);
    else if (replacing !== x) this.indexReplace(member, replacing, x);
  }

  /** Unlinks `x` given its predecessors in `update` (zslDeleteNode). */
  private unlink(x: number): void {
    this.tailPathValid = false;
    const i32 = this.i32;
    const f64 = this.f64;
    const update = this.update;
    for (let i = 0; i < this.levelCount; i++) {
      const u = update[i]!;
      if (i32[u + FWD + STRIDE * i] === x) {
        i32[u + SPAN + STRIDE * i]! += i32[x + SPAN + STRIDE * i]! - 1;
        i32[u + FWD + STRIDE * i] = i32[x + FWD + STRIDE * i]!;
        f64[(u + FSCORE + STRIDE * i) >> 1] = f64[(x + FSCORE + STRIDE * i) >> 1]!;
      } else {
        i32[u + SPAN + STRIDE * i]! -= 1;
      }
    }
    const after = i32[x + FWD]!;
    if (after !== 0) i32[after + BACK] = i32[x + BACK]!;
    else this.tailNode = i32[x + BACK]!;
    while (this.levelCount > 1 && i32[FWD + STRIDE * (this.levelCount - 1)] === 0)
      this.levelCount--;
    this.size--;
    this.countMember(this.members[i32[x + MEMBER]!]!, i32[x + LEVELS]!, -1);
  }

  /** Removes `member`; returns false when absent. O(log N) expected. */
  remove(member: string): boolean {
    const x = this.indexGet(member);
    if (x === 0) return false;
    this.findPredecessorsOf(x);
    this.unlink(x);
    this.indexDelete(member, x);
    this.release(x);
    return true;
  }

  /**
   * Changes the score of an existing member and returns its (possibly new)
   * node, like zslUpdateScore: in place when the node keeps its position
   * (strictly between its neighbours' scores), else unlink and re-insert with
   * a fresh random level. O(log N) expected.
   *
   * The re-insertion search is a finger search when the score grows (the
   * common leaderboard case): the predecessors found for the old position are
   * still before the new one, so each level resumes from the later of that
   * node and the one found on the level above. It ends on exactly the nodes a
   * search from the header would, after fewer (and cache-warm) hops.
   */
  updateScore(member: string, newScore: number): number {
    const x = this.indexGet(member);
    if (x === 0) throw new Error(`updateScore: no such member ${member}`);
    return this.updateNodeScore(x, newScore);
  }

  /** {@link updateScore} for a node already looked up with `find` (saves a hash lookup). */
  updateNodeScore(x: number, newScore: number): number {
    const member = this.member(x);
    const i32 = this.i32;
    const f64 = this.f64;
    const oldScore = f64[x >> 1]!;
    const before = i32[x + BACK]!;
    const after = i32[x + FWD]!;
    const inPlace =
      (before === 0 || f64[before >> 1]! < newScore) &&
      (after === 0 || f64[after >> 1]! > newScore);
    if (inPlace && i32[x + LEVELS] === 1) {
      // A one-level node (3 in 4) is pointed to only by its level-0
      // predecessor, the backward node (or the header, id 0): no search needed.
      f64[x >> 1] = newScore;
      f64[(before + FSCORE) >> 1] = newScore;
      return x;
    }
    this.findPredecessorsOf(x);
    if (inPlace) {
      f64[x >> 1] = newScore;
      const level = i32[x + LEVELS]!;
      for (let i = 0; i < level; i++) f64[(this.update[i]! + FSCORE + STRIDE * i) >> 1] = newScore;
      return x;
    }
    this.unlink(x);
    const level = this.randomLevel();
    let node = x;
    if (level !== i32[x + LEVELS]) {
      this.release(x);
      node = this.alloc(level);
      // The member keeps its slot (ZSCAN's cursor), the freed block takes the other.
      const i = this.i32;
      const slot = i[x + MEMBER]!;
      i[x + MEMBER] = i[node + MEMBER]!;
      i[node + MEMBER] = slot;
    } else {
      for (let i = 0; i < level; i++) {
        i32[x + FWD + STRIDE * i] = 0;
        i32[x + SPAN + STRIDE * i] = 0;
      }
    }
    if (newScore > oldScore) this.findPredecessorsFromFinger(newScore, member);
    else this.findPredecessors(newScore, member);
    this.link(node, level, newScore, member, x);
    return node;
  }

  /**
   * findPredecessors for a key after the one `update`/`rankAt` currently
   * describe (see updateScore). Rewrites both arrays in place, top down.
   */
  private findPredecessorsFromFinger(score: number, member: string): void {
    const i32 = this.i32;
    const f64 = this.f64;
    const members = this.members;
    const update = this.update;
    const rankAt = this.rankAt;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      const oldRank = rankAt[i]!;
      if (oldRank > rank) {
        x = update[i]!;
        rank = oldRank;
      }
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0) {
        const s = f64[(x + FSCORE + STRIDE * i) >> 1]!;
        if (s < score || (s === score && members[i32[fwd + MEMBER]!]! < member)) {
          rank += i32[x + SPAN + STRIDE * i]!;
          x = fwd;
          fwd = i32[x + FWD + STRIDE * i]!;
        } else break;
      }
      update[i] = x;
      rankAt[i] = rank;
    }
  }

  /**
   * Returns the 1-based rank of `member` (zslGetRank), or 0 when absent.
   * O(log N) expected: the sum of spans along the search path.
   */
  rank(member: string): number {
    const target = this.indexGet(member);
    if (target === 0) return 0;
    const i32 = this.i32;
    const f64 = this.f64;
    const members = this.members;
    const score = f64[target >> 1]!;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0) {
        const s = f64[(x + FSCORE + STRIDE * i) >> 1]!;
        if (
          s < score ||
          (s === score && (fwd === target || members[i32[fwd + MEMBER]!]! < member))
        ) {
          rank += i32[x + SPAN + STRIDE * i]!;
          x = fwd;
          if (x === target) return rank;
          fwd = i32[x + FWD + STRIDE * i]!;
        } else break;
      }
    }
    return 0;
  }

  /** Node at 1-based `rank` (zslGetElementByRank), or 0 when out of range. O(log N). */
  byRank(rank: number): number {
    if (rank < 1 || rank > this.size) return 0;
    const i32 = this.i32;
    let x = 0;
    let traversed = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && traversed + i32[x + SPAN + STRIDE * i]! <= rank) {
        traversed += i32[x + SPAN + STRIDE * i]!;
        x = fwd;
        fwd = i32[x + FWD + STRIDE * i]!;
      }
      if (traversed === rank) return x;
    }
    return 0;
  }

  /** True when some member could fall in `r` (zslIsInRange). O(1). */
  isInRange(r: ScoreRange): boolean {
    if (r.min > r.max || (r.min === r.max && (r.minex || r.maxex))) return false;
    if (this.tailNode === 0 || !scoreGteMin(this.f64[this.tailNode >> 1]!, r)) return false;
    const first = this.i32[FWD]!;
    return first !== 0 && scoreLteMax(this.f64[first >> 1]!, r);
  }

  /** Number of members whose score is below the range's lower bound. O(log N). */
  private countBelow(r: ScoreRange): number {
    const i32 = this.i32;
    const f64 = this.f64;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && !scoreGteMin(f64[(x + FSCORE + STRIDE * i) >> 1]!, r)) {
        rank += i32[x + SPAN + STRIDE * i]!;
        x = fwd;
        fwd = i32[x + FWD + STRIDE * i]!;
      }
      this.update[i] = x;
    }
    return rank;
  }

  /** Number of members whose score is at or below the range's upper bound. O(log N). */
  private countUpTo(r: ScoreRange): number {
    const i32 = this.i32;
    const f64 = this.f64;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && scoreLteMax(f64[(x + FSCORE + STRIDE * i) >> 1]!, r)) {
        rank += i32[x + SPAN + STRIDE * i]!;
        x = fwd;
        fwd = i32[x + FWD + STRIDE * i]!;
      }
    }
    return rank;
  }

  /** First node inside `r` (zslFirstInRange), or 0. O(log N). */
  firstInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    this.countBelow(r);
    const x = this.i32[this.update[0]! + FWD]!;
    return x !== 0 && scoreLteMax(this.f64[x >> 1]!, r) ? x : 0;
  }

  /** Last node inside `r` (zslLastInRange), or 0. O(log N). */
  lastInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    const n = this.countUpTo(r);
    if (n === 0) return 0;
    const x = this.byRank(n);
    return scoreGteMin(this.f64[x >> 1]!, r) ? x : 0;
  }

  /**
   * Number of members inside `r` (ZCOUNT): two rank-summing descents, no walk.
   * O(log N).
   */
  countInRange(r: ScoreRange): number {
    if (!this.isInRange(r)) return 0;
    const n = this.countUpTo(r) - this.countBelow(r);
    return n > 0 ? n : 0;
  }

  /** True when some member could fall in the lexicographic range `r`. O(1). */
  isInLexRange(r: LexRange): boolean {
    const c = compareLexBounds(r.min, r.max);
    if (c > 0 || (c === 0 && (r.min.exclusive || r.max.exclusive))) return false;
    if (this.tailNode === 0 || !lexGteMin(this.member(this.tailNode), r)) return false;
    const first = this.i32[FWD]!;
    return first !== 0 && lexLteMax(this.member(first), r);
  }

  private countBelowLex(r: LexRange): number {
    const i32 = this.i32;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && !lexGteMin(this.member(fwd), r)) {
        rank += i32[x + SPAN + STRIDE * i]!;
        x = fwd;
        fwd = i32[x + FWD + STRIDE * i]!;
      }
    }
    return rank;
  }

  private countUpToLex(r: LexRange): number {
    const i32 = this.i32;
    let x = 0;
    let rank = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && lexLteMax(this.member(fwd), r)) {
        rank += i32[x + SPAN + STRIDE * i]!;
        x = fwd;
        fwd = i32[x + FWD + STRIDE * i]!;
      }
    }
    return rank;
  }

  /** First node inside the lexicographic range, or 0. O(log N). */
  firstInLexRange(r: LexRange): number {
    if (!this.isInLexRange(r)) return 0;
    const x = this.byRank(this.countBelowLex(r) + 1);
    return x !== 0 && lexLteMax(this.member(x), r) ? x : 0;
  }

  /** Last node inside the lexicographic range, or 0. O(log N). */
  lastInLexRange(r: LexRange): number {
    if (!this.isInLexRange(r)) return 0;
    const n = this.countUpToLex(r);
    if (n === 0) return 0;
    const x = this.byRank(n);
    return lexGteMin(this.member(x), r) ? x : 0;
  }

  /**
   * Removes every member whose score is inside `r` (zslDeleteRangeByScore),
   * calling `onRemove` for each, and returns how many went. O(log N + M).
   */
  removeRangeByScore(r: ScoreRange, onRemove?: (member: string) => void): number {
    if (!this.isInRange(r)) return 0;
    this.countBelow(r);
    let x = this.i32[this.update[0]! + FWD]!;
    let removed = 0;
    while (x !== 0 && scoreLteMax(this.f64[x >> 1]!, r)) {
      const next = this.i32[x + FWD]!;
      this.removeAfterSearch(x, onRemove);
      removed++;
      x = next;
    }
    return removed;
  }

  /**
   * Removes ranks start..end (1-based, inclusive, already clamped by the
   * caller) and returns how many went. O(log N + M).
   */
  removeRangeByRank(start: number, end: number, onRemove?: (member: string) => void): number {
    const i32 = this.i32;
    let x = 0;
    let traversed = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      let fwd = i32[x + FWD + STRIDE * i]!;
      while (fwd !== 0 && traversed + i32[x + SPAN + STRIDE * i]! < start) {
        traversed += i32[x + SPAN + STRIDE * i]!;
        x = fwd;
        fwd = i32[x + FWD + STRIDE * i]!;
      }
      this.update[i] = x;
    }
    traversed++;
    x = this.i32[x + FWD]!;
    let removed = 0;
    while (x !== 0 && traversed <= end) {
      const next = this.i32[x + FWD]!;
      this.removeAfterSearch(x, onRemove);
      removed++;
      traversed++;
      x = next;
    }
    return removed;
  }

  private removeAfterSearch(x: number, onRemove?: (member: string) => void): void {
    const member = this.member(x);
    this.unlink(x);
    this.indexDelete(member, x);
    this.release(x);
    onRemove?.(member);
  }

  /**
   * Checks every structural invariant and throws an Error naming the first
   * broken one: order, backward pointers, tail, length, hash, heights, and
   * that every span equals the rank distance it covers (to the end of the
   * list for a pointer to none). O(N · levels).
   */
  checkInvariants(): void {
    const fail = (msg: string): never => {
      throw new Error(`skip list invariant broken: ${msg}`);
    };
    const rankOf = new Map<number, number>();
    let x = this.i32[FWD]!;
    let prev = 0;
    let n = 0;
    let tallest = 1;
    while (x !== 0) {
      n++;
      rankOf.set(x, n);
      if (this.i32[x + BACK] !== prev) fail(`backward pointer of rank ${n}`);
      const lv = this.nodeLevel(x);
      if (lv < 1 || lv > this.maxLevel) fail(`level ${lv} at rank ${n}`);
      if (lv > tallest) tallest = lv;
      if (prev !== 0) {
        const ps = this.score(prev);
        const s = this.score(x);
        if (!(ps < s || (ps === s && this.member(prev) < this.member(x)))) {
          fail(`order at rank ${n}`);
        }
      }
      if (this.indexGet(this.member(x)) !== x) fail(`hash entry of rank ${n}`);
      prev = x;
      x = this.i32[x + FWD]!;
    }
    if (n !== this.size) fail(`length ${this.size} but ${n} nodes`);
    if (this.indexCount !== n) fail(`hash has ${this.indexCount} entries for ${n} nodes`);
    if (this.tailNode !== prev) fail('tail');
    if (this.levelCount !== tallest) fail(`level ${this.levelCount}, tallest node ${tallest}`);
    for (let i = 0; i < this.maxLevel; i++) {
      if (i >= this.levelCount) {
        if (this.forward(0, i) !== 0) fail(`header points forward above level ${i}`);
        continue;
      }
      let node = 0;
      while (true) {
        const fwd = this.forward(node, i);
        const from = node === 0 ? 0 : rankOf.get(node)!;
        const to = fwd === 0 ? n : rankOf.get(fwd);
        if (to === undefined) fail(`level ${i} points to a node not on level 0`);
        if (fwd !== 0 && this.nodeLevel(fwd) <= i) fail(`level ${i} points to a shorter node`);
        if (fwd !== 0 && !Object.is(this.f64[(node + FSCORE + STRIDE * i) >> 1], this.score(fwd))) {
          fail(`cached forward score at level ${i} from rank ${from}`);
        }
        const expected = fwd === 0 ? n - from : to! - from;
        if (this.span(node, i) !== expected) {
          fail(`span at level ${i} from rank ${from}: ${this.span(node, i)} != ${expected}`);
        }
        if (fwd === 0) break;
        node = fwd;
      }
    }
  }

  /**
   * Returns a copy of the structure for drawing: the header then every node
   * in order with its levels and spans. O(N · levels); meant for small sets.
   */
  snapshot(limit = Infinity): SkipListSnapshot {
    const nodes: SkipListNodeView[] = [];
    const levelsOf = (x: number, count: number): SkipListLevelView[] => {
      const out: SkipListLevelView[] = [];
      for (let i = 0; i < count; i++)
        out.push({ forward: this.forward(x, i), span: this.span(x, i) });
      return out;
    };
    nodes.push({ id: 0, rank: 0, member: null, score: null, levels: levelsOf(0, this.levelCount) });
    let x = this.head;
    let rank = 0;
    while (x !== 0 && rank < limit) {
      rank++;
      nodes.push({
        id: x,
        rank,
        member: this.member(x),
        score: this.score(x),
        levels: levelsOf(x, this.nodeLevel(x)),
      });
      x = this.next(x);
    }
    return {
      length: this.size,
      level: this.levelCount,
      maxLevel: this.maxLevel,
      tail: this.tailNode,
      nodes,
    };
  }

  /**
   * Returns the search path Redis walks to find the rank of `member`
   * (ZRANK/ZREVRANK), hop by hop, or null when the member is absent.
   * O(log N) expected.
   */
  traceRank(member: string): SkipListTrace | null {
    const target = this.indexGet(member);
    if (target === 0) return null;
    return this.trace(this.score(target), member, true);
  }

  /**
   * Returns the search path ZADD walks to find where (score, member) would be
   * inserted (the level-0 predecessor is `insertAfter`). Does not modify the
   * list. O(log N) expected.
   */
  traceInsert(score: number, member: string): SkipListTrace {
    return this.trace(score, member, false);
  }

  private trace(score: number, member: string, inclusive: boolean): SkipListTrace {
    const hops: TraceHop[] = [];
    let x = 0;
    let rank = 0;
    let forwardHops = 0;
    for (let i = this.levelCount - 1; i >= 0; i--) {
      if (i < this.levelCount - 1)
        hops.push({ kind: 'down', level: i, from: x, to: x, span: 0, rank });
      let fwd = this.forward(x, i);
      while (fwd !== 0) {
        const s = this.score(fwd);
        const c = s === score ? compareBytes(this.member(fwd), member) : 0;
        if (s < score || (s === score && (inclusive ? c <= 0 : c < 0))) {
          const span = this.span(x, i);
          rank += span;
          hops.push({ kind: 'forward', level: i, from: x, to: fwd, span, rank });
          forwardHops++;
          x = fwd;
          fwd = this.forward(x, i);
        } else break;
      }
      if (inclusive && x !== 0 && this.member(x) === member) {
        return { hops, forwardHops, linearScanHops: rank, rank, insertAfter: x };
      }
    }
    return {
      hops,
      forwardHops,
      linearScanHops: rank + 1,
      rank: inclusive ? 0 : rank + 1,
      insertAfter: x,
    };
  }
}
