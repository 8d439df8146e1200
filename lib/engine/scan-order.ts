import { NOT_A_BYTE_STRING } from './bytes';

/**
 * The iteration order behind SCAN, HSCAN and SSCAN, with Redis's guarantee:
 * an element present from the first call to the last is returned at least
 * once, however many others are added or removed in between.
 *
 * Redis gets this from its reverse-binary cursor over a hash table. Here each
 * element gets an id from a counter when it is added, ids never change while
 * the element stays, and the cursor is "the next id to look at". Removing an
 * element leaves a tombstone (compacted away later without renumbering), so
 * nothing after it shifts toward the part already returned. An element
 * removed and added again gets a new, later id: it may be returned twice,
 * which Redis allows too.
 */
export class ScanOrder {
  private readonly idOf = new Map<string, number>();
  /** Ascending ids and their names; a removed name is NOT_A_BYTE_STRING. */
  private ids: number[] = [];
  private names: string[] = [];
  private dead = 0;
  private nextId = 1;

  /** Records a new name (absent until now). O(1) amortised. */
  add(name: string): void {
    const id = this.nextId++;
    this.idOf.set(name, id);
    this.ids.push(id);
    this.names.push(name);
  }

  /** Forgets a name; does nothing if it was not recorded. O(log N) amortised. */
  delete(name: string): void {
    const id = this.idOf.get(name);
    if (id === undefined) return;
    this.idOf.delete(name);
    this.names[this.slotOf(id)] = NOT_A_BYTE_STRING;
    this.dead++;
    if (this.dead > 32 && this.dead * 2 > this.names.length) this.compact();
  }

  /** Forgets everything; ids keep counting up, so old cursors stay harmless. O(1). */
  clear(): void {
    this.idOf.clear();
    this.ids = [];
    this.names = [];
    this.dead = 0;
  }

  /** Number of names recorded. O(1). */
  get size(): number {
    return this.idOf.size;
  }

  /**
   * Visits names with ids from `cursor` on, until `count` names have been
   * visited (tombstones count toward `count` too, as empty buckets do in
   * Redis, so a call's work stays bounded). Returns the next cursor, 0 when
   * the end was reached. `cursor` 0 starts from the beginning.
   * O(log N + count).
   */
  scan(cursor: number, count: number, visit: (name: string) => void): number {
    let slot = this.lowerBound(cursor);
    let examined = 0;
    while (slot < this.ids.length && examined < count) {
      const name = this.names[slot]!;
      if (name !== NOT_A_BYTE_STRING) visit(name);
      slot++;
      examined++;
    }
    return slot < this.ids.length ? this.ids[slot]! : 0;
  }

  private slotOf(id: number): number {
    const slot = this.lowerBound(id);
    if (this.ids[slot] !== id) throw new Error(`scan order lost id ${id}`);
    return slot;
  }

  private lowerBound(id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    const ids: number[] = [];
    const names: string[] = [];
    for (let i = 0; i < this.names.length; i++) {
      if (this.names[i] === NOT_A_BYTE_STRING) continue;
      ids.push(this.ids[i]!);
      names.push(this.names[i]!);
    }
    this.ids = ids;
    this.names = names;
    this.dead = 0;
  }
}
