import type { KeyValueStorage } from './store';

/** A storage event as a browser delivers it to the other tabs. */
interface Delivery {
  readonly key: string | null;
  readonly newValue: string | null;
}

/**
 * The browser's localStorage as several tabs see it: one shared area, and per tab a
 * cached copy that catches up, and receives the other tabs' `storage` events, only when
 * the test calls `deliver()`. This reproduces what makes tabs race: each renderer reads
 * its own copy, which lags behind another tab's write.
 */
export class SharedStorage {
  readonly area = new Map<string, string>();
  private readonly tabs: TabStorage[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.area.set(k, v);
  }

  /** A new tab, whose copy starts up to date (it was just opened). */
  openTab(): TabStorage {
    const tab = new TabStorage(this);
    this.tabs.push(tab);
    return tab;
  }

  /** Called by a tab's write: every other tab gets the event, later. */
  publish(from: TabStorage, delivery: Delivery): void {
    if (delivery.key !== null) {
      if (delivery.newValue === null) this.area.delete(delivery.key);
      else this.area.set(delivery.key, delivery.newValue);
    }
    for (const tab of this.tabs) if (tab !== from) tab.pending.push(delivery);
  }

  /** Lets every tab catch up: copies refreshed, events handed to each tab's listener. */
  deliver(): void {
    for (const tab of this.tabs) tab.catchUp();
  }
}

export class TabStorage implements KeyValueStorage {
  readonly copy: Map<string, string>;
  readonly pending: Delivery[] = [];
  /** The tab's `storage` event handler. */
  onEvent: (key: string | null, newValue: string | null) => void = () => {};
  /** Set to make the next writes throw, as a full storage does. */
  full = false;

  constructor(private readonly shared: SharedStorage) {
    this.copy = new Map(shared.area);
  }

  get length(): number {
    return this.copy.size;
  }
  key(index: number): string | null {
    return [...this.copy.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.copy.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.copy.set(key, value);
    this.shared.publish(this, { key, newValue: value });
  }
  removeItem(key: string): void {
    this.copy.delete(key);
    this.shared.publish(this, { key, newValue: null });
  }

  catchUp(): void {
    const events = this.pending.splice(0);
    this.copy.clear();
    for (const [k, v] of this.shared.area) this.copy.set(k, v);
    for (const e of events) this.onEvent(e.key, e.newValue);
  }
}
