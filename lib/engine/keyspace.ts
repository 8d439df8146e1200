import { DictModel } from './dict-model';
import { parseLongLong } from './numbers';
import { ScanOrder } from './scan-order';
import { SkipList, type SkipListOptions } from './skip-list';

/**
 * Redis 7.0's default thresholds for the compact encodings
 * (zset-max-listpack-entries/value, hash-max-listpack-*, set-max-intset-entries).
 */
export const ZSET_MAX_LISTPACK_ENTRIES = 128;
export const ZSET_MAX_LISTPACK_VALUE = 64;
export const HASH_MAX_LISTPACK_ENTRIES = 512;
export const HASH_MAX_LISTPACK_VALUE = 64;
export const SET_MAX_INTSET_ENTRIES = 512;

/** Fields every value carries: when it was last read or written (for OBJECT IDLETIME). */
interface ValueBase {
  /** Clock time in ms of the last access that Redis would count. */
  lru: number;
}

/** A string value (bytes). */
export interface StringValue extends ValueBase {
  type: 'string';
  value: string;
  /**
   * The encoding Redis chose when it made the object: SET and INCR try the
   * integer encoding, INCRBYFLOAT never does. See {@link stringValue}.
   */
  encoding: 'int' | 'embstr' | 'raw';
  /** Redis shares the objects for 0..9999; COPY makes an unshared one. */
  shared: boolean;
}

/**
 * A hash; the Map keeps listpack's insertion order, `order` gives HSCAN its
 * stable cursor, `dict` models the hash table Redis would have.
 */
export interface HashValue extends ValueBase {
  type: 'hash';
  map: Map<string, string>;
  order: ScanOrder;
  encoding: 'listpack' | 'hashtable';
  dict: DictModel;
}

/** A set; intset encoding means every member is an integer (and SMEMBERS sorts). */
export interface SetValue extends ValueBase {
  type: 'set';
  set: Set<string>;
  order: ScanOrder;
  encoding: 'intset' | 'hashtable';
  dict: DictModel;
}

/**
 * A sorted set. The data always lives in the skip list; `encoding` tracks
 * what Redis 7.0 would report (listpack while small, skiplist after, never
 * back unless a command rebuilds the value), and listpack mode stores -0 as
 * 0 the way a listpack does. All writes go through zset.ts.
 */
export interface ZSetValue extends ValueBase {
  type: 'zset';
  list: SkipList;
  encoding: 'listpack' | 'skiplist';
  dict: DictModel;
}

export type RedisValue = StringValue | HashValue | SetValue | ZSetValue;

/** A millisecond clock; injectable so expiry can be tested without waiting. */
export type Clock = () => number;

/** Options shared by every sorted set a keyspace creates. */
export interface KeyspaceOptions {
  clock?: Clock;
  skipList?: SkipListOptions;
}

/**
 * The database: keys (byte strings) → values, absolute expiry times, and
 * SCAN's stable order. Expired keys are removed lazily when touched and when
 * keys are listed or scanned, which is what a reader can observe of Redis's
 * lazy plus active expiry.
 */
export class Keyspace {
  readonly data = new Map<string, RedisValue>();
  readonly expires = new Map<string, number>();
  readonly order = new ScanOrder();
  readonly clock: Clock;
  readonly skipListOptions: SkipListOptions;
  /** WATCHed keys → whether each was alive when watched; null when nothing is watched. */
  private watched: Map<string, boolean> | null = null;
  private watchDirty = false;
  /** Keys modified so far (Redis's server.dirty, roughly): tells whether a script wrote. */
  writes = 0;

  constructor(options: KeyspaceOptions = {}) {
    this.clock = options.clock ?? (() => Date.now());
    this.skipListOptions = options.skipList ?? {};
  }

  /**
   * Returns the live value at `key` and marks it accessed, deleting it first
   * if it has expired. O(1).
   */
  get(key: string): RedisValue | undefined {
    const v = this.peek(key);
    if (v !== undefined) v.lru = this.clock();
    return v;
  }

  /** Like {@link get} without marking the key accessed (OBJECT, TTL, TYPE-free reads). O(1). */
  peek(key: string): RedisValue | undefined {
    const v = this.data.get(key);
    if (v === undefined) return undefined;
    if (this.expires.size !== 0) {
      const at = this.expires.get(key);
      if (at !== undefined && at <= this.clock()) {
        this.delete(key);
        return undefined;
      }
    }
    return v;
  }

  /**
   * Records that `key` was modified (Redis's signalModifiedKey): a WATCHed
   * key makes the next EXEC fail. set, add and delete call it themselves;
   * commands that change a value in place call it. O(1).
   */
  touch(key: string): void {
    this.writes++;
    if (this.watched !== null && this.watched.has(key)) this.watchDirty = true;
  }

  /** WATCH key: remembers it (and whether it is alive now). O(1). */
  watch(key: string): void {
    this.watched ??= new Map();
    if (!this.watched.has(key)) this.watched.set(key, this.peek(key) !== undefined);
  }

  /** UNWATCH (also what EXEC and DISCARD do). O(1). */
  unwatch(): void {
    this.watched = null;
    this.watchDirty = false;
  }

  /**
   * True when a WATCHed key was modified since WATCH, or was alive then and
   * has expired since (Redis 7.0's isWatchedKeyExpired). O(watched keys).
   */
  get watchFailed(): boolean {
    if (this.watchDirty) return true;
    if (this.watched === null) return false;
    const now = this.clock();
    for (const [key, alive] of this.watched) {
      const at = this.expires.get(key);
      if (alive && at !== undefined && at <= now) return true;
    }
    return false;
  }

  /** Sets `key` (dropping any expiry unless `keepTtl`). O(1). */
  set(key: string, value: RedisValue, keepTtl = false): void {
    this.touch(key);
    value.lru = this.clock();
    if (!this.data.has(key)) this.order.add(key);
    this.data.set(key, value);
    if (!keepTtl) this.expires.delete(key);
  }

  /** Adds a new key whose absence was just checked; keeps no expiry. O(1). */
  add(key: string, value: RedisValue): void {
    this.touch(key);
    value.lru = this.clock();
    this.order.add(key);
    this.data.set(key, value);
  }

  /** Deletes `key`; returns whether it existed. O(log keys). */
  delete(key: string): boolean {
    this.expires.delete(key);
    if (!this.data.delete(key)) return false;
    this.order.delete(key);
    this.touch(key);
    return true;
  }

  /** Expiry times beyond 2^53 ms, kept exactly (PEXPIRETIME must print them exactly). */
  private readonly bigExpires = new Map<string, bigint>();

  /** The absolute expiry of `key` in ms, or null. O(1). */
  expiryOf(key: string): bigint | null {
    const at = this.expires.get(key);
    if (at === undefined) return null;
    if (at > Number.MAX_SAFE_INTEGER) {
      const exact = this.bigExpires.get(key);
      if (exact !== undefined && Number(exact) === at) return exact;
    }
    return BigInt(at);
  }

  /** Sets the absolute expiry of `key` in ms. O(1). */
  setExpiry(key: string, at: bigint): void {
    const n = Number(at);
    this.expires.set(key, n);
    if (n > Number.MAX_SAFE_INTEGER) this.bigExpires.set(key, at);
  }

  /** True when `key` has an expiry time that has passed (the key is then deleted). O(1). */
  expireIfNeeded(key: string): boolean {
    const at = this.expires.get(key);
    if (at !== undefined && at <= this.clock()) {
      this.delete(key);
      return true;
    }
    return false;
  }

  /** Removes every expired key. O(keys with an expiry). */
  purgeExpired(): void {
    if (this.expires.size === 0) return;
    const now = this.clock();
    for (const [key, at] of this.expires) if (at <= now) this.delete(key);
  }

  /** Live keys, in insertion order. O(N). */
  keys(): string[] {
    this.purgeExpired();
    return [...this.data.keys()];
  }

  /** Number of live keys. O(keys with an expiry). */
  get size(): number {
    this.purgeExpired();
    return this.data.size;
  }

  /** Removes everything (FLUSHALL): WATCHed keys that existed count as modified. O(watched). */
  clear(): void {
    if (this.watched !== null)
      for (const key of this.watched.keys()) if (this.data.has(key)) this.touch(key);
    this.data.clear();
    this.expires.clear();
    this.bigExpires.clear();
    this.order.clear();
  }

  /** A fresh, empty sorted set value (listpack encoding); see zset.ts to fill it. */
  newZSet(): ZSetValue {
    return {
      type: 'zset',
      list: new SkipList(this.skipListOptions),
      encoding: 'listpack',
      dict: new DictModel(),
      lru: 0,
    };
  }

  /** A fresh, empty hash value. */
  newHash(): HashValue {
    return {
      type: 'hash',
      map: new Map(),
      order: new ScanOrder(),
      encoding: 'listpack',
      dict: new DictModel(),
      lru: 0,
    };
  }

  /** A fresh, empty set value in the given encoding. */
  newSet(encoding: SetValue['encoding']): SetValue {
    return {
      type: 'set',
      set: new Set(),
      order: new ScanOrder(),
      encoding,
      dict: new DictModel(),
      lru: 0,
    };
  }
}

/**
 * A string object as Redis makes it: `tryInt` (SET, MSET, INCR…, through
 * tryObjectEncoding) uses the integer encoding for a canonical integer,
 * otherwise embstr up to 44 bytes, raw beyond. O(1).
 */
export function stringValue(value: string, tryInt = true): StringValue {
  let encoding: StringValue['encoding'] = value.length <= 44 ? 'embstr' : 'raw';
  let shared = false;
  if (tryInt && value.length <= 20) {
    const n = parseLongLong(value);
    if (n !== null) {
      encoding = 'int';
      shared = n >= 0n && n < 10000n;
    }
  }
  return { type: 'string', value, encoding, shared, lru: 0 };
}

/** True when a byte string of this length can live in a listpack-encoded sorted set or hash. */
export function fitsListpack(s: string, limit: number): boolean {
  return s.length <= limit;
}
