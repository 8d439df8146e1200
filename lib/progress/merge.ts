import { CONSOLE_HISTORY_LIMIT, type ConsoleLine, type Progress } from './schema';

interface Stamped {
  readonly at: number;
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The later of two writes of the same fact. Equal times (two tabs in one millisecond) are
 * broken by comparing the values' canonical JSON, so every tab picks the same winner and
 * merging stays commutative.
 */
function later<T extends Stamped>(a: T, b: T): T {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

function mergeMaps<T extends Stamped>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  clearedAt: number,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    const winner = x && y ? later(x, y) : (x ?? y);
    if (winner && winner.at > clearedAt) out[key] = winner;
  }
  return out;
}

function compareLines(a: ConsoleLine, b: ConsoleLine): number {
  return a.at - b.at || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0);
}

function mergeHistory(
  a: readonly ConsoleLine[],
  b: readonly ConsoleLine[],
  clearedAt: number,
): ConsoleLine[] {
  const seen = new Set<string>();
  const out: ConsoleLine[] = [];
  for (const entry of [...a, ...b].sort(compareLines)) {
    const id = `${entry.at}\u0000${entry.line}`;
    if (entry.at <= clearedAt || seen.has(id)) continue;
    seen.add(id);
    out.push(entry);
  }
  return out.slice(-CONSOLE_HISTORY_LIMIT);
}

/**
 * Merges two progress documents, as two tabs (or a tab and a lost write) left them.
 * Commutative, associative and idempotent, so tabs that exchange documents in any order
 * agree: each fact keeps its latest write, console history is the union (newest 100), and
 * the later "forget everything" removes whatever is older than it. O(size of a + b).
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const clearedAt = Math.max(a.clearedAt, b.clearedAt);
  const speedRound =
    a.speedRound && b.speedRound
      ? later(a.speedRound, b.speedRound)
      : (a.speedRound ?? b.speedRound);
  return {
    version: a.version,
    clearedAt,
    sections: mergeMaps(a.sections, b.sections, clearedAt),
    selfChecks: mergeMaps(a.selfChecks, b.selfChecks, clearedAt),
    prerequisites: mergeMaps(a.prerequisites, b.prerequisites, clearedAt),
    speedRound: speedRound && speedRound.at > clearedAt ? speedRound : null,
    consoleHistory: mergeHistory(a.consoleHistory, b.consoleHistory, clearedAt),
    practiceAttempts: mergeMaps(a.practiceAttempts, b.practiceAttempts, clearedAt),
  };
}

/** `entry` moved to just after `floor` when it is not already later. */
function lift<T extends Stamped>(entry: T, floor: number): T {
  return entry.at > floor ? entry : { ...entry, at: floor + 1 };
}

function liftMap<T extends Stamped>(map: Readonly<Record<string, T>>, floor: number) {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, lift(v, floor)]));
}

/**
 * Adds an imported document to the current one. Unlike a merge between tabs, an import
 * is the reader's explicit wish to have the file's progress here, so facts older than
 * this browser's last "forget everything" are brought back (restamped just after it,
 * console lines keeping their order) instead of being dropped as forgotten. Where both
 * hold the same fact, the later write wins. O(size).
 */
export function importProgress(current: Progress, imported: Progress): Progress {
  const floor = current.clearedAt;
  const history = [...imported.consoleHistory].sort(compareLines);
  const stale = history.filter((l) => l.at <= floor).length;
  const lifted: Progress = {
    ...imported,
    clearedAt: floor,
    sections: liftMap(imported.sections, floor),
    selfChecks: liftMap(imported.selfChecks, floor),
    prerequisites: liftMap(imported.prerequisites, floor),
    speedRound: imported.speedRound ? lift(imported.speedRound, floor) : null,
    consoleHistory: history.map((l, i) => (i < stale ? { ...l, at: floor + 1 + i } : l)),
    practiceAttempts: liftMap(imported.practiceAttempts, floor),
  };
  return mergeProgress(current, lifted);
}

/** Whether two documents hold the same progress, whatever the order of their keys. */
export function sameProgress(a: Progress, b: Progress): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}
