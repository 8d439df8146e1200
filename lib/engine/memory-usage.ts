import { type RedisValue } from './keyspace';
import { formatScore, parseLongLong } from './numbers';
import type { SkipList } from './skip-list';

/**
 * MEMORY USAGE as Redis 7.0 computes it (objectComputeSize in object.c plus
 * the key and its dictEntry), from a model of Redis's structures rather than
 * from the engine's own memory, which is laid out differently. Every
 * allocation is rounded up to jemalloc 5.3's size class, as `zmalloc_size`
 * reports it; listpacks and intsets are sized byte by byte; hash tables count
 * 8 bytes per bucket (both tables while rehashing, see dict-model.ts); skip
 * list nodes are sized from the engine's own node levels, which follow the
 * same distribution as Redis's (p = 1/4), so a large set agrees to a fraction
 * of a percent and a small one within the spread of the random levels.
 *
 * What is sampled is what Redis samples: with SAMPLES n (default 5) the first
 * n elements (in order for a skip list, in the engine's table order for a
 * hash or set, where Redis's order depends on its hash seed) are measured
 * and the average is multiplied by the count; SAMPLES 0 measures all.
 */

const ROBJ = 16;
const DICT = 56;
const DICT_ENTRY = 24;
const ZSET = 16;
const ZSKIPLIST = 32;
const POINTER = 8;
/** 24 bytes of fields plus 32 levels of (forward, span). */
const ZSL_HEADER = 24 + 32 * 16;

/**
 * jemalloc 5.3's size class for a request of `n` bytes on x86-64: 8, 16,
 * then multiples of 16 up to 128, then four classes per doubling (160, 192,
 * 224, 256, 320, …). O(1).
 */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~15;
  const k = Math.floor(Math.log2(n - 1));
  const step = 2 ** (k - 2);
  return Math.ceil(n / step) * step;
}

/** Header bytes of the sds type Redis picks for a string of `len` bytes (sdsReqType). */
function sdsHeader(len: number): number {
  if (len < 32) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  return 9;
}

/** sdsSize for lengths under 256, precomputed: a 1M-member walk asks a million times. */
const SDS_SIZES = Array.from({ length: 256 }, (_, len) => jemallocSize(sdsHeader(len) + len + 1));

/** sdsZmallocSize of an sds made with sdsnewlen for `len` bytes. */
export function sdsSize(len: number): number {
  return len < 256 ? SDS_SIZES[len]! : jemallocSize(sdsHeader(len) + len + 1);
}

/** Bytes of one listpack entry (encoding, data, back-length) holding `s`. */
function listpackEntry(s: string): number {
  let body: number;
  const n = s.length <= 20 ? parseLongLong(s) : null;
  if (n !== null) {
    if (n >= 0n && n <= 127n) body = 1;
    else if (n >= -4096n && n <= 4095n) body = 2;
    else if (n >= -32768n && n <= 32767n) body = 3;
    else if (n >= -8388608n && n <= 8388607n) body = 4;
    else if (n >= -2147483648n && n <= 2147483647n) body = 5;
    else body = 9;
  } else {
    const len = s.length;
    body = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
  }
  const back = body < 128 ? 1 : body < 16384 ? 2 : body < 2097152 ? 3 : body < 268435456 ? 4 : 5;
  return body + back;
}

/** How a listpack stores a score: an integer when it is one (as d2string then lpInsert do). */
function scoreText(score: number): string {
  if (Number.isInteger(score) && Math.abs(score) < 2 ** 52) return String(score === 0 ? 0 : score);
  if (Number.isInteger(score) && Math.abs(score) <= 2 ** 63) return BigInt(score).toString();
  return formatScore(score);
}

const LISTPACK_OVERHEAD = 7;

function zsetListpackBytes(list: SkipList): number {
  let bytes = LISTPACK_OVERHEAD;
  for (let x = list.head; x !== 0; x = list.next(x)) {
    bytes += listpackEntry(list.member(x)) + listpackEntry(scoreText(list.score(x)));
  }
  return bytes;
}

/** zmalloc_size of a skip-list node by level (1..32): 24 bytes plus 16 per level. */
const NODE_SIZES = Array.from({ length: 33 }, (_, level) => jemallocSize(24 + 16 * level));

function valueSize(v: RedisValue, samples: number): number {
  switch (v.type) {
    case 'string':
      if (v.encoding === 'int') return ROBJ;
      if (v.encoding === 'embstr') return jemallocSize(ROBJ + 3 + v.value.length + 1);
      return sdsSize(v.value.length) + ROBJ;
    case 'zset': {
      const list = v.list;
      if (v.encoding === 'listpack') return ROBJ + jemallocSize(zsetListpackBytes(list));
      let size = ROBJ + ZSET + ZSKIPLIST + DICT + POINTER * v.dict.slots + jemallocSize(ZSL_HEADER);
      let measured = 0;
      let elements = 0;
      if (samples >= list.length) {
        // Every element: from the list's running counts, the same sum as the walk below
        // in O(levels + distinct member lengths) instead of a pass over scattered nodes.
        const levels = list.levelCounts();
        for (let l = 1; l < levels.length; l++) elements += levels[l]! * NODE_SIZES[l]!;
        for (const [len, n] of list.memberLengthCounts()) elements += n * sdsSize(len);
        elements += DICT_ENTRY * list.length;
        measured = list.length;
      } else {
        for (let x = list.head; x !== 0 && measured < samples; x = list.next(x)) {
          elements += sdsSize(list.member(x).length) + DICT_ENTRY + NODE_SIZES[list.nodeLevel(x)]!;
          measured++;
        }
      }
      if (measured) size = Math.floor(size + (elements / measured) * list.length);
      return size;
    }
    case 'hash': {
      if (v.encoding === 'listpack') {
        let bytes = LISTPACK_OVERHEAD;
        for (const [f, val] of v.map) bytes += listpackEntry(f) + listpackEntry(val);
        return ROBJ + jemallocSize(bytes);
      }
      let size = ROBJ + DICT + POINTER * v.dict.slots;
      let measured = 0;
      let elements = 0;
      for (const [f, val] of v.map) {
        if (measured >= samples) break;
        elements += sdsSize(f.length) + sdsSize(val.length) + DICT_ENTRY;
        measured++;
      }
      if (measured) size = Math.floor(size + (elements / measured) * v.map.size);
      return size;
    }
    case 'set': {
      if (v.encoding === 'intset') {
        let width = 2;
        for (const m of v.set) {
          const n = BigInt(m);
          if (n < -2147483648n || n > 2147483647n) width = 8;
          else if (width < 4 && (n < -32768n || n > 32767n)) width = 4;
        }
        return ROBJ + jemallocSize(8 + width * v.set.size);
      }
      let size = ROBJ + DICT + POINTER * v.dict.slots;
      let measured = 0;
      let elements = 0;
      for (const m of v.set) {
        if (measured >= samples) break;
        elements += DICT_ENTRY + sdsSize(m.length);
        measured++;
      }
      if (measured) size = Math.floor(size + (elements / measured) * v.set.size);
      return size;
    }
  }
}

/**
 * What `MEMORY USAGE key SAMPLES samples` reports for `value` stored under
 * `key` (0 samples means all). O(samples), plus O(N) for a listpack or an
 * intset (which Redis reads in O(1) from its allocation). A skip list measured
 * whole (SAMPLES 0, or at least its length) is summed from its running counts
 * per level and member length, in O(levels + distinct lengths).
 */
export function memoryUsage(key: string, value: RedisValue, samples: number): number {
  const n = samples === 0 ? Infinity : samples;
  return valueSize(value, n) + sdsSize(key.length) + DICT_ENTRY;
}
