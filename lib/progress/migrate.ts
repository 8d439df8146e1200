import {
  CONSOLE_HISTORY_LIMIT,
  CONSOLE_LINE_MAX,
  LEGACY_KEYS,
  emptyProgress,
  type ConsoleLine,
  type Flag,
  type Progress,
} from './schema';

/** The raw values of the pre-store keys, as `localStorage.getItem` returns them. */
export type LegacyValues = { readonly [K in keyof typeof LEGACY_KEYS]: string | null };

export interface LegacyMigration {
  readonly progress: Progress;
  /** Keys whose whole content is now in `progress`: safe to remove. */
  readonly migrated: readonly string[];
  /** Keys left in place because some of their content could not be carried over, and why. */
  readonly kept: readonly { readonly key: string; readonly reason: string }[];
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * Turns what the site stored before the progress store (schema "version 0": one key per
 * widget) into a progress document. Nothing is discarded: a key is reported `migrated`
 * only when every value in it was carried over; a key with anything the store cannot hold
 * (broken JSON, a non-string tick, an over-long console line) is reported `kept`, and the
 * caller leaves it where it is. Migrated facts are stamped `now`; console lines keep their
 * order, one millisecond apart, the newest at `now`. O(size of the values).
 */
export function migrateLegacy(values: LegacyValues, now: number): LegacyMigration {
  const migrated: string[] = [];
  const kept: { key: string; reason: string }[] = [];
  let progress: Progress = emptyProgress;

  const prerequisites = values.prerequisites;
  if (prerequisites !== null) {
    const parsed = parseJson(prerequisites);
    const list = parsed.ok && Array.isArray(parsed.value) ? (parsed.value as unknown[]) : null;
    if (!list) kept.push({ key: LEGACY_KEYS.prerequisites, reason: 'not a JSON array' });
    else {
      const ticks: Record<string, Flag> = {};
      for (const id of list) if (typeof id === 'string' && id) ticks[id] = { on: true, at: now };
      progress = { ...progress, prerequisites: ticks };
      if (Object.keys(ticks).length === list.length) migrated.push(LEGACY_KEYS.prerequisites);
      else kept.push({ key: LEGACY_KEYS.prerequisites, reason: 'entries that are not item ids' });
    }
  }

  const speedRound = values.speedRound;
  if (speedRound !== null) {
    const parsed = parseJson(speedRound);
    const value = parsed.ok ? parsed.value : undefined;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      progress = { ...progress, speedRound: { at: now, state: value as Record<string, unknown> } };
      migrated.push(LEGACY_KEYS.speedRound);
    } else kept.push({ key: LEGACY_KEYS.speedRound, reason: 'not a JSON object' });
  }

  const consoleHistory = values.consoleHistory;
  if (consoleHistory !== null) {
    const parsed = parseJson(consoleHistory);
    const list = parsed.ok && Array.isArray(parsed.value) ? (parsed.value as unknown[]) : null;
    if (!list) kept.push({ key: LEGACY_KEYS.consoleHistory, reason: 'not a JSON array' });
    else {
      const lines = list.filter(
        (line): line is string =>
          typeof line === 'string' && line.trim().length > 0 && line.length <= CONSOLE_LINE_MAX,
      );
      const recent = lines.slice(-CONSOLE_HISTORY_LIMIT);
      const history: ConsoleLine[] = recent.map((line, i) => ({
        line,
        at: Math.max(0, now - (recent.length - 1 - i)),
      }));
      progress = { ...progress, consoleHistory: history };
      if (recent.length === list.length) migrated.push(LEGACY_KEYS.consoleHistory);
      else
        kept.push({
          key: LEGACY_KEYS.consoleHistory,
          reason: 'lines the store does not keep (empty, over-long or beyond the last 100)',
        });
    }
  }

  return { progress, migrated, kept };
}
