/**
 * The changes a reader makes, as pure functions of a progress document and the time of
 * the change. The browser store applies them to the latest stored document, so a change
 * made in one tab never replaces what another tab wrote. Each returns the same object
 * when nothing changes, so callers can skip the write.
 */
import {
  CONSOLE_HISTORY_LIMIT,
  CONSOLE_LINE_MAX,
  emptyProgress,
  type JsonObject,
  type PracticeAttemptSummary,
  type Progress,
  type ReadHow,
} from './schema';

/** Marks a section read (or not) by the reader's own choice. */
export function markSection(p: Progress, path: string, on: boolean, at: number): Progress {
  const current = p.sections[path];
  if (current && current.on === on && current.how === 'marked') return p;
  return { ...p, sections: { ...p.sections, [path]: { on, at, how: 'marked' } } };
}

/**
 * Records that the reader reached the end of a section. A section already read stays as
 * it is, and one the reader explicitly marked unread stays unread: reaching the end again
 * must not overrule that choice.
 */
export function reachSectionEnd(p: Progress, path: string, at: number): Progress {
  const current = p.sections[path];
  if (current && (current.on || current.how === 'marked')) return p;
  const how: ReadHow = 'end';
  return { ...p, sections: { ...p.sections, [path]: { on: true, at, how } } };
}

/** Records that a self-check answer was opened; `key` is `path#question-id`. */
export function openSelfCheck(p: Progress, key: string, at: number): Progress {
  if (p.selfChecks[key]?.on) return p;
  return { ...p, selfChecks: { ...p.selfChecks, [key]: { on: true, at } } };
}

/** Ticks or unticks one prerequisite. */
export function setPrerequisite(p: Progress, id: string, on: boolean, at: number): Progress {
  const current = p.prerequisites[id];
  if (current ? current.on === on : !on) return p;
  return { ...p, prerequisites: { ...p.prerequisites, [id]: { on, at } } };
}

/** Replaces the speed-round drill's state (`null` resets the drill). */
export function setSpeedRound(p: Progress, state: JsonObject | null, at: number): Progress {
  if (state === null && p.speedRound === null) return p;
  return { ...p, speedRound: { at, state } };
}

/**
 * Appends a console line to the history, as the console's `pushHistory` does: trimmed,
 * not repeated right after itself, the newest CONSOLE_HISTORY_LIMIT kept. A line longer
 * than CONSOLE_LINE_MAX is not stored.
 */
export function addConsoleLine(p: Progress, line: string, at: number): Progress {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > CONSOLE_LINE_MAX) return p;
  if (p.consoleHistory[p.consoleHistory.length - 1]?.line === trimmed) return p;
  return {
    ...p,
    consoleHistory: [...p.consoleHistory, { line: trimmed, at }].slice(-CONSOLE_HISTORY_LIMIT),
  };
}

/** Records (or updates) the summary of a finished practice attempt. */
export function addPracticeAttempt(
  p: Progress,
  summary: PracticeAttemptSummary,
  at: number,
): Progress {
  return { ...p, practiceAttempts: { ...p.practiceAttempts, [summary.id]: { at, summary } } };
}

/** Removes a practice attempt's summary (the practice room deleted the attempt). */
export function removePracticeAttempt(p: Progress, id: string, at: number): Progress {
  if (!p.practiceAttempts[id]?.summary) return p;
  return { ...p, practiceAttempts: { ...p.practiceAttempts, [id]: { at, summary: null } } };
}

/** "Forget everything": an empty document that also outranks every older write. */
export function forgetEverything(_p: Progress, at: number): Progress {
  return { ...emptyProgress, clearedAt: at };
}

/** Paths of the sections currently marked read. */
export function readSections(p: Progress): Set<string> {
  return new Set(
    Object.entries(p.sections)
      .filter(([, f]) => f.on)
      .map(([path]) => path),
  );
}

/** Ids of the ticked prerequisites. */
export function tickedPrerequisites(p: Progress): string[] {
  return Object.entries(p.prerequisites)
    .filter(([, f]) => f.on)
    .map(([id]) => id)
    .sort();
}

/** A console line too long to store, and the stored line it followed (`afterAt`, 0: none). */
export interface UnstoredLine {
  readonly line: string;
  readonly afterAt: number;
}

/**
 * The history a console shows: the stored lines, with the lines this page view typed that
 * were too long to store put back after the stored line they followed. O(lines).
 */
export function historyWithUnstored(p: Progress, unstored: readonly UnstoredLine[]): string[] {
  const out = unstored.filter((u) => u.afterAt === 0).map((u) => u.line);
  for (const entry of p.consoleHistory) {
    out.push(entry.line);
    for (const u of unstored) if (u.afterAt === entry.at) out.push(u.line);
  }
  return out.slice(-CONSOLE_HISTORY_LIMIT);
}

/** Console history lines, oldest first. */
export function consoleLines(p: Progress): string[] {
  return p.consoleHistory.map((l) => l.line);
}

/** Practice attempt summaries, newest first. */
export function practiceAttempts(p: Progress): PracticeAttemptSummary[] {
  return Object.values(p.practiceAttempts)
    .flatMap((e) => (e.summary ? [e.summary] : []))
    .sort((a, b) => b.finishedAt - a.finishedAt);
}
