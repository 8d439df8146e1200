import {
  CONSOLE_HISTORY_LIMIT,
  CONSOLE_LINE_MAX,
  PROGRESS_VERSION,
  emptyProgress,
  type ConsoleLine,
  type Flag,
  type JsonObject,
  type PracticeAttemptSummary,
  type PracticeEntry,
  type Progress,
  type SectionFlag,
  type SpeedRoundEntry,
} from './schema';

/** The outcome of reading a progress document: what could be kept, and what could not. */
export type ReadResult =
  | { readonly kind: 'ok'; readonly progress: Progress; readonly problems: readonly string[] }
  /** Written by a newer version of the site: this code must neither read nor overwrite it. */
  | { readonly kind: 'newer'; readonly version: number }
  /** Not a progress document at all. */
  | { readonly kind: 'invalid'; readonly reason: string };

const MAX_KEY = 300;
const MAX_TEXT = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY;
}

/** Reads a map of entries, keeping the valid ones and naming each one dropped. */
function readMap<T>(
  value: unknown,
  field: string,
  readEntry: (entry: unknown) => T | undefined,
  problems: string[],
): Record<string, T> {
  const out: Record<string, T> = {};
  if (value === undefined) return out;
  if (!isRecord(value)) {
    problems.push(`${field}: expected an object`);
    return out;
  }
  for (const [key, entry] of Object.entries(value)) {
    const read = isKey(key) ? readEntry(entry) : undefined;
    if (read === undefined)
      problems.push(`${field}[${JSON.stringify(key.slice(0, 60))}]: malformed`);
    else out[key] = read;
  }
  return out;
}

function readFlag(entry: unknown): Flag | undefined {
  if (!isRecord(entry) || typeof entry.on !== 'boolean' || !isTime(entry.at)) return undefined;
  return { on: entry.on, at: entry.at };
}

function readSectionFlag(entry: unknown): SectionFlag | undefined {
  const flag = readFlag(entry);
  if (!flag || !isRecord(entry)) return undefined;
  const how = entry.how === 'marked' ? 'marked' : entry.how === 'end' ? 'end' : undefined;
  return how ? { ...flag, how } : undefined;
}

function readText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

/** Validates a practice attempt summary; `undefined` when any field is missing or wrong. */
export function readPracticeSummary(value: unknown): PracticeAttemptSummary | undefined {
  if (!isRecord(value)) return undefined;
  const { id, finishedAt, variant, title, timeUsedMs, checksPassed, checksTotal } = value;
  if (!readText(id) || !readText(variant) || !readText(title)) return undefined;
  if (!isTime(finishedAt) || !isTime(timeUsedMs)) return undefined;
  if (!Number.isInteger(checksPassed) || !Number.isInteger(checksTotal)) return undefined;
  if ((checksPassed as number) < 0 || (checksPassed as number) > (checksTotal as number))
    return undefined;
  const summary: PracticeAttemptSummary = {
    id,
    finishedAt,
    variant,
    title,
    timeUsedMs,
    checksPassed: checksPassed as number,
    checksTotal: checksTotal as number,
  };
  const { rubricScore, rubricMax } = value;
  if (rubricScore === undefined && rubricMax === undefined) return summary;
  if (!isTime(rubricScore) || !isTime(rubricMax) || rubricScore > rubricMax) return undefined;
  return { ...summary, rubricScore, rubricMax };
}

function readPracticeEntry(entry: unknown): PracticeEntry | undefined {
  if (!isRecord(entry) || !isTime(entry.at)) return undefined;
  if (entry.summary === null) return { at: entry.at, summary: null };
  const summary = readPracticeSummary(entry.summary);
  return summary ? { at: entry.at, summary } : undefined;
}

function readSpeedRound(value: unknown, problems: string[]): SpeedRoundEntry | null {
  if (value === undefined || value === null) return null;
  if (!isRecord(value) || !isTime(value.at) || !(value.state === null || isRecord(value.state))) {
    problems.push('speedRound: malformed');
    return null;
  }
  return { at: value.at, state: value.state as JsonObject | null };
}

function readConsoleHistory(value: unknown, problems: string[]): ConsoleLine[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('consoleHistory: expected an array');
    return [];
  }
  const lines: ConsoleLine[] = [];
  value.forEach((entry, i) => {
    if (
      isRecord(entry) &&
      typeof entry.line === 'string' &&
      entry.line.length > 0 &&
      entry.line.length <= CONSOLE_LINE_MAX &&
      isTime(entry.at)
    )
      lines.push({ line: entry.line, at: entry.at });
    else problems.push(`consoleHistory[${i}]: malformed`);
  });
  return lines.sort((a, b) => a.at - b.at).slice(-CONSOLE_HISTORY_LIMIT);
}

/**
 * Schema migrations, keyed by the version they read: each turns a document of that
 * version into the next version's shape. Version 1 is the first document version (the
 * loose keys before it are migrated by `migrateLegacy`); a version 2 adds `1: (doc) => …`
 * here, and `readProgress` runs the chain.
 */
export const migrations: Readonly<
  Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>
> = {};

/**
 * Reads a progress document (already JSON-parsed), migrating older versions. Valid parts
 * are kept and each malformed part is named in `problems`, so a caller can refuse
 * (an import) or keep what it can and back up the rest (the browser store). O(size).
 */
export function readProgress(value: unknown): ReadResult {
  if (!isRecord(value)) return { kind: 'invalid', reason: 'not a JSON object' };
  let doc = value;
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1)
    return { kind: 'invalid', reason: 'no schema version' };
  let version: number = doc.version;
  if (version > PROGRESS_VERSION) return { kind: 'newer', version };
  while (version < PROGRESS_VERSION) {
    const step = migrations[version];
    if (!step) return { kind: 'invalid', reason: `no migration from version ${version}` };
    doc = step(doc);
    version = doc.version as number;
  }
  const problems: string[] = [];
  const clearedAt = isTime(doc.clearedAt) ? doc.clearedAt : 0;
  if (doc.clearedAt !== undefined && !isTime(doc.clearedAt)) problems.push('clearedAt: malformed');
  const progress: Progress = {
    ...emptyProgress,
    clearedAt,
    sections: readMap(doc.sections, 'sections', readSectionFlag, problems),
    selfChecks: readMap(doc.selfChecks, 'selfChecks', readFlag, problems),
    prerequisites: readMap(doc.prerequisites, 'prerequisites', readFlag, problems),
    speedRound: readSpeedRound(doc.speedRound, problems),
    consoleHistory: readConsoleHistory(doc.consoleHistory, problems),
    practiceAttempts: readMap(
      doc.practiceAttempts,
      'practiceAttempts',
      readPracticeEntry,
      problems,
    ),
  };
  return { kind: 'ok', progress, problems };
}
