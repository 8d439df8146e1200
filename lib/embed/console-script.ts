/**
 * A console script carried by a link (`?script=` or a named preset): the commands to run
 * when the console opens. Pure. The console runs them through its usual path, one at a
 * time, with its usual limits on line length and reply size; this only decides which
 * lines are commands.
 */

/** At most this many commands run from one link; the rest are reported, not run. */
export const MAX_SCRIPT_COMMANDS = 200;

export interface ConsoleScript {
  /** What the console calls it: "the script in this link" or a preset's title. */
  readonly title: string;
  /** The commands, in order, as typed. */
  readonly commands: readonly string[];
  /** What was left out and why, for the reader to see before anything runs. */
  readonly notes: readonly string[];
}

/**
 * Splits `text` into commands: one per line (LF or CRLF), blank lines dropped, `#` lines
 * kept out as comments, and CLEAR (which would hide the script) left out. At most
 * `maxCommands` are kept, with a note saying how many were dropped. O(length).
 */
export function parseConsoleScript(
  text: string,
  title: string,
  maxCommands = MAX_SCRIPT_COMMANDS,
): ConsoleScript {
  const commands: string[] = [];
  const notes: string[] = [];
  let cleared = 0;
  let over = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (/^(clear|cls)$/i.test(line)) {
      cleared++;
      continue;
    }
    if (commands.length >= maxCommands) over++;
    else commands.push(line);
  }
  if (cleared > 0) notes.push('CLEAR is left out: it would hide the script.');
  if (over > 0)
    notes.push(
      `Only the first ${maxCommands} commands run; ${over.toLocaleString('en-US')} more are left out.`,
    );
  return { title, commands, notes };
}
