import { SkipList, type SkipListOptions } from './skip-list';
import { parseLongLong } from './numbers';
import { utf8Length } from './utf8';

/**
 * Redis 7.0's default thresholds for the compact encodings
 * (zset-max-listpack-entries/value, hash-max-listpack-*, set-max-intset-entries).
 */
export const ZSET_MAX_LISTPACK_ENTRIES = 128;
export const ZSET_MAX_LISTPACK_VALUE = 64;
export const HASH_MAX_LISTPACK_ENTRIES = 128;
export const HASH_MAX_LISTPACK_VALUE = 64;
export const SET_MAX_INTSET_ENTRIES = 512;

/** A string value. */
export interface StringValue {
  type: 'string';
  value: string;
}

/** A hash; a Map keeps listpack's insertion order. */
export interface HashValue {
  type: 'hash';
  map: Map<string, string>;
  encoding: 'listpack' | 'hashtable';
}

/** A set; intset encoding means every member is an integer (and SMEMBERS sorts). */
export interface SetValue {
  type: 'set';
  set: Set<string>;
  encoding: 'intset' | 'hashtable';
}

/**
 * A sorted set. The data always lives in the skip list; `encoding` tracks
 * what Redis 7.0 would report (listpack while small, skiplist after, never
 * back), and listpack mode stores -0 as 0 the way a listpack does.
 */
export interface ZSetValue {
  type: 'zset';
  list: SkipList;
  encoding: 'listpack' | 'skiplist';
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
 * The database: keys → values, plus absolute expiry times. Expired keys are
 * removed lazily when touched and when keys are listed, which is what a
 * reader can observe of Redis's lazy plus active expiry.
 */
export class Keyspace {
  readonly data = new Map<string, RedisValue>();
  readonly expires = new Map<string, number>();
  readonly clock: Clock;
  readonly skipListOptions: SkipListOptions;

  constructor(options: KeyspaceOptions = {}) {
    this.clock = options.clock ?? (() => Date.now());
    this.skipListOptions = options.skipList ?? {};
  }

  /** Returns the live value at `key`, deleting it first if it has expired. O(1). */
  get(key: string): RedisValue | undefined {
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

  /** Sets `key` (dropping any expiry unless `keepTtl`). O(1). */
  set(key: string, value: RedisValue, keepTtl = false): void {
    this.data.set(key, value);
    if (!keepTtl) this.expires.delete(key);
  }

  /** Adds a new key whose absence was just checked; keeps no expiry. O(1). */
  add(key: string, value: RedisValue): void {
    this.data.set(key, value);
  }

  /** Deletes `key`; returns whether it existed. O(1). */
  delete(key: string): boolean {
    this.expires.delete(key);
    return this.data.delete(key);
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

  /** Removes everything. O(1). */
  clear(): void {
    this.data.clear();
    this.expires.clear();
  }

  /** A fresh, empty sorted set value (listpack encoding). */
  newZSet(): ZSetValue {
    return { type: 'zset', list: new SkipList(this.skipListOptions), encoding: 'listpack' };
  }
}

/** Redis's OBJECT ENCODING for a string: int, embstr (≤ 44 bytes) or raw. */
export function stringEncoding(value: string): 'int' | 'embstr' | 'raw' {
  if (value.length <= 20 && parseLongLong(value) !== null) return 'int';
  return utf8Length(value) <= 44 ? 'embstr' : 'raw';
}

/** True when `member` can live in a listpack-encoded sorted set or hash. */
export function fitsListpack(s: string, limit: number): boolean {
  return s.length * 3 <= limit || utf8Length(s) <= limit;
}
