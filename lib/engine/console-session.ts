import { COMMAND_HELP } from './command-help';

/**
 * The console's pure helpers: tab completion of command names, bounded history, and
 * clipping of very long replies so a `ZRANGE key 0 -1` over a million members never
 * floods the page. No DOM here; the widget only renders what these return.
 */

const NAMES = COMMAND_HELP.map((c) => c.name).sort();

export interface Completion {
  /** The input after completion (unchanged when nothing or several things match). */
  readonly line: string;
  /** Every command name that matches the typed prefix, upper-case, sorted. */
  readonly matches: readonly string[];
}

/**
 * Completes the command name at the start of `line` (only while the reader is still
 * typing the first word). One match completes it and adds a space; several extend the
 * line to their longest common prefix. O(commands).
 */
export function completeCommand(line: string, names: readonly string[] = NAMES): Completion {
  const leading = line.match(/^\s*/)?.[0] ?? '';
  const word = line.slice(leading.length);
  if (word.length === 0 || /\s/.test(word)) return { line, matches: [] };
  const upper = word.toUpperCase();
  const matches = names.filter((n) => n.startsWith(upper));
  if (matches.length === 0) return { line, matches };
  if (matches.length === 1) return { line: `${leading}${matches[0]} `, matches };
  let prefix = matches[0] ?? '';
  for (const m of matches) while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return { line: prefix.length >= word.length ? leading + prefix : line, matches };
}

/** Appends a command to history unless it is empty or repeats the last one; keeps `limit`. */
export function pushHistory(history: readonly string[], line: string, limit = 100): string[] {
  const trimmed = line.trim();
  if (!trimmed || history[history.length - 1] === trimmed) return [...history];
  return [...history, trimmed].slice(-limit);
}

export interface ClippedText {
  readonly text: string;
  /** Lines left out, 0 when the text was short enough. */
  readonly omittedLines: number;
}

/**
 * Keeps at most `maxLines` lines and `maxChars` characters of a reply, so rendering stays
 * cheap; the caller says how much was left out. O(length).
 */
export function clipReply(text: string, maxLines = 400, maxChars = 40_000): ClippedText {
  let end = 0;
  for (let lines = 0; lines < maxLines && end < text.length; lines++) {
    const newline = text.indexOf('\n', end);
    end = newline < 0 ? text.length : newline + 1;
  }
  end = Math.min(end, maxChars);
  if (end >= text.length) return { text, omittedLines: 0 };
  const shown = text.slice(0, end).replace(/\n$/, '');
  return { text: shown, omittedLines: countLines(text) - countLines(shown) };
}

function countLines(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return text.endsWith('\n') ? count - 1 : count;
}
