/**
 * The shape of a reader's progress as the site stores it in the browser: one versioned
 * document under one localStorage key. Every field is built to merge: two tabs (or an
 * imported file) that changed different things never lose either change.
 *
 * - A yes/no fact (a section read, a self-check opened, a prerequisite ticked) is a
 *   last-writer-wins register: `{ on, at }`, where `at` is the wall-clock time of the change.
 *   Unticking writes `on: false` with a newer `at`, so an untick beats an older tick.
 * - The speed-round schedule is one register: the newest whole state wins.
 * - Console history is a time-ordered log: merging is a union.
 * - `clearedAt` is the last "forget everything": anything older than it is gone.
 */

/** The schema version this code writes. Older versions are migrated on read. */
export const PROGRESS_VERSION = 1;

/** The localStorage key of the progress document. */
export const PROGRESS_KEY = 'leaderboard-lab:progress';

/** How many console lines are kept, as the console kept before (`pushHistory`). */
export const CONSOLE_HISTORY_LIMIT = 100;

/**
 * Longest console line kept in history. A pasted megabyte of ZADD arguments stays in the
 * console's own session history but is not written to storage, whose quota (about 5 MB
 * per site) it would exhaust.
 */
export const CONSOLE_LINE_MAX = 10_000;

/** A yes/no fact with the time it was last set. */
export interface Flag {
  readonly on: boolean;
  readonly at: number;
}

/** How a section came to be read: the reader reached its end, or marked it. */
export type ReadHow = 'end' | 'marked';

export interface SectionFlag extends Flag {
  readonly how: ReadHow;
}

/** A JSON object as stored, before a widget validates it against its own rules. */
export type JsonObject = { readonly [key: string]: unknown };

export interface SpeedRoundEntry {
  readonly at: number;
  /**
   * The drill's own state (`DrillState` of lib/practice/speed-round), kept as written so
   * cards added or removed later are reconciled by the drill when it reads it; `null` once
   * the reader resets the drill.
   */
  readonly state: JsonObject | null;
}

export interface ConsoleLine {
  readonly line: string;
  readonly at: number;
}

/**
 * What the practice room records about one finished attempt. The attempt itself (drawing,
 * notes, estimates) stays in the practice room's own IndexedDB under `id`.
 */
export interface PracticeAttemptSummary {
  /** The attempt's key in the practice room's store. */
  readonly id: string;
  /** When the attempt ended, epoch milliseconds. */
  readonly finishedAt: number;
  /** The prompt variant's id, and its title as the room showed it. */
  readonly variant: string;
  readonly title: string;
  /** Time the candidate used, in milliseconds. */
  readonly timeUsedMs: number;
  /** Requirement checks the design passed, out of how many. */
  readonly checksPassed: number;
  readonly checksTotal: number;
  /** The candidate's own rubric score, when they gave one. */
  readonly rubricScore?: number;
  readonly rubricMax?: number;
}

export interface PracticeEntry {
  readonly at: number;
  /** `null` once the attempt was deleted in the practice room. */
  readonly summary: PracticeAttemptSummary | null;
}

export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  /** Time of the last "forget everything" (0: never). */
  readonly clearedAt: number;
  /** Keyed by the section's path, e.g. `/leaderboard-design/sharding/`. */
  readonly sections: Readonly<Record<string, SectionFlag>>;
  /** Keyed by page path and question id, e.g. `/interview-skills/self-check/#plan-order`. */
  readonly selfChecks: Readonly<Record<string, Flag>>;
  /** Keyed by the checklist item's id on the home page. */
  readonly prerequisites: Readonly<Record<string, Flag>>;
  readonly speedRound: SpeedRoundEntry | null;
  /** Oldest first, at most CONSOLE_HISTORY_LIMIT lines. */
  readonly consoleHistory: readonly ConsoleLine[];
  /** Keyed by attempt id. */
  readonly practiceAttempts: Readonly<Record<string, PracticeEntry>>;
}

/** A store nobody has written to yet. */
export const emptyProgress: Progress = Object.freeze({
  version: PROGRESS_VERSION,
  clearedAt: 0,
  sections: Object.freeze({}),
  selfChecks: Object.freeze({}),
  prerequisites: Object.freeze({}),
  speedRound: null,
  consoleHistory: Object.freeze([]),
  practiceAttempts: Object.freeze({}),
});

/** The keys the site wrote before the progress store existed (schema "version 0"). */
export const LEGACY_KEYS = {
  prerequisites: 'leaderboard-lab:prerequisites:v1',
  speedRound: 'leaderboard-lab:speed-round:v1',
  consoleHistory: 'leaderboard-lab:console-history:v1',
} as const;
