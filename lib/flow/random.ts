/**
 * Seeded randomness for the simulation. The generator state is one 32-bit integer kept inside
 * the simulation state, so cloning the state clones the stream and a replay from a checkpoint
 * draws exactly the same numbers.
 */

/** Normalises any number to a valid non-zero 32-bit generator state. O(1). */
export function seedToState(seed: number): number {
  const s = Math.trunc(seed) >>> 0;
  // Mix so that nearby seeds (1, 2, 3) start far apart in the stream.
  return fmix32(s ^ 0x9e3779b9) || 0x6d2b79f5;
}

/**
 * One Mulberry32 step.
 * @returns `[value, nextState]` with `value` uniform in [0, 1). O(1), no allocation beyond the
 * tuple.
 */
export function nextRandom(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/**
 * Murmur3's 32-bit finaliser: a cheap, well-mixed integer hash.
 * @returns an unsigned 32-bit integer. O(1).
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Partition of a player's events, like Kafka's default partitioner hashing the record key:
 * every event of one player lands in one partition, which keeps them in order.
 * @returns an integer in [0, partitions). O(1).
 */
export function partitionFor(player: number, partitions: number): number {
  return fmix32(player + 1) % partitions;
}
