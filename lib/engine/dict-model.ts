/**
 * The bucket count of one of Redis 7.0's hash tables (dict.c), which MEMORY
 * USAGE adds up as 8 bytes per slot: the engine keeps its own index, but
 * reports the memory Redis would use, so it follows the same growth rules.
 *
 * A table is created at 4 buckets (or presized to the next power of two),
 * and when an add finds as many entries as buckets it doubles to the next
 * power of two above the count. The old table is then moved over
 * incrementally, one non-empty bucket per lookup, add or delete, and until
 * that ends both tables count. Which buckets are empty depends on Redis's
 * randomly seeded SipHash, so the number of steps left is modelled by its
 * expectation: a table of S buckets holding S entries has S·(1 − 1/e)
 * non-empty buckets.
 */
export class DictModel {
  /** Buckets of the main table (0 until the first add). */
  private size = 0;
  /** Buckets of the table being moved away from, while rehashing. */
  private oldSize = 0;
  private stepsLeft = 0;
  private used = 0;

  /** Slots counted by MEMORY USAGE: both tables while a rehash is in progress. O(1). */
  get slots(): number {
    return this.size + this.oldSize;
  }

  /** Presizes an empty table for `n` entries (dictExpand on a new dict). O(1). */
  presize(n: number): void {
    if (this.used === 0 && this.oldSize === 0) this.size = Math.max(this.size, nextPower(n));
  }

  /** Accounts `n` lookups (each moves one bucket while rehashing). O(1). */
  lookup(n = 1): void {
    if (this.oldSize !== 0) this.step(n);
  }

  /**
   * Accounts one dictAdd / dictAddRaw: a rehash step, then growth if full.
   * dictAddRaw runs the growth check before it finds an existing key, so a
   * set's SADD of a member it already has can still double the table;
   * `isNew` false counts that attempt without adding an entry. O(1).
   */
  add(isNew = true): void {
    if (this.oldSize !== 0) this.step(1);
    else if (this.size === 0) this.size = 4;
    else if (this.used >= this.size) {
      this.oldSize = this.size;
      this.size = nextPower(this.used + 1);
      this.stepsLeft = Math.round(this.oldSize * (1 - Math.exp(-this.used / this.oldSize)));
    }
    if (isNew) this.used++;
  }

  /** Accounts one delete. O(1). */
  remove(): void {
    if (this.oldSize !== 0) this.step(1);
    if (this.used > 0) this.used--;
  }

  /**
   * dictResize after deletions (what Redis's commands do when fewer than 10%
   * of the buckets are in use): shrink to the next power of two ≥ used.
   */
  shrinkIfSparse(): void {
    if (this.oldSize !== 0 || this.size <= 4 || (this.used * 100) / this.size >= 10) return;
    const target = nextPower(Math.max(this.used, 4));
    if (target >= this.size) return;
    this.oldSize = this.size;
    this.size = target;
    this.stepsLeft = Math.min(this.used, this.oldSize);
  }

  private step(n: number): void {
    this.stepsLeft -= n;
    if (this.stepsLeft <= 0) {
      this.oldSize = 0;
      this.stepsLeft = 0;
    }
  }
}

/** The smallest power of two ≥ n, at least 4 (DICT_HT_INITIAL_SIZE). */
function nextPower(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}
