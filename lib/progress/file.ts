import { canonicalJson } from './merge';
import { PROGRESS_VERSION, type Progress } from './schema';
import { readProgress } from './validate';

/** The `format` field that marks a file as a Leaderboard Lab progress export. */
export const PROGRESS_FILE_FORMAT = 'leaderboard-lab-progress';

/** Larger than any real export by orders of magnitude; a bigger file is something else. */
const MAX_FILE_BYTES = 5_000_000;

/** The export file's name for a given day. */
export function progressFileName(now: number): string {
  return `leaderboard-lab-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * The text of an export file: a small envelope (format, schema version, export time)
 * around the progress document, pretty-printed so a reader can see what it holds.
 */
export function progressFileText(progress: Progress, now: number): string {
  const envelope = {
    format: PROGRESS_FILE_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: new Date(now).toISOString(),
    progress: JSON.parse(canonicalJson(progress)) as unknown,
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export type FileReadResult =
  | { readonly ok: true; readonly progress: Progress }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads an export file. Anything but a complete, valid file is refused with a reason a
 * reader can act on; a refused file changes nothing. O(size).
 */
export function readProgressFile(text: string): FileReadResult {
  if (text.trim() === '') return { ok: false, reason: 'The file is empty.' };
  if (text.length > MAX_FILE_BYTES)
    return {
      ok: false,
      reason: `The file is ${(text.length / 1e6).toFixed(1)} MB, far larger than a progress file; it is probably a different file.`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `The file is not valid JSON (${detail}). It may be cut short or edited by hand.`,
    };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== PROGRESS_FILE_FORMAT
  )
    return {
      ok: false,
      reason:
        'The file is not a Leaderboard Lab progress file (it has no "format": "leaderboard-lab-progress" field). Export one from the Progress page.',
    };
  const result = readProgress((value as { progress?: unknown }).progress);
  if (result.kind === 'newer')
    return {
      ok: false,
      reason: `The file was saved by a newer version of the site (schema ${result.version}; this page reads up to ${PROGRESS_VERSION}). Reload the page to get the newer version, then import again.`,
    };
  if (result.kind === 'invalid')
    return { ok: false, reason: `The file's progress could not be read: ${result.reason}.` };
  if (result.problems.length > 0) {
    const [first, ...rest] = result.problems;
    return {
      ok: false,
      reason: `Part of the file is malformed: ${first}${rest.length ? ` (and ${rest.length} more)` : ''}. Nothing was imported.`,
    };
  }
  return { ok: true, progress: result.progress };
}
