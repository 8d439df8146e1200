import { commandHelp, COMMAND_HELP } from './command-help';
import type { Engine } from './engine';
import { ErrorReply, StatusReply, type Reply } from './reply';
import { bytesToText, textToBytes } from './bytes';

/**
 * The text side of the console: redis-cli's argument splitting (sdssplitargs)
 * and its TTY reply formatting (cliFormatReplyTTY), so a line typed in the
 * browser prints what redis-cli would print.
 */

/**
 * Longest line the console accepts, in characters. redis-cli has no limit
 * of its own (it sends a line as a multi-bulk request, so Redis's 64 KB
 * inline limit does not apply); this one only keeps a pasted megabyte
 * from costing the tab more than a moment.
 */
export const MAX_LINE_LENGTH = 4 * 1024 * 1024;

/** The result of splitting a line: arguments, or the reason it failed. */
export type ParsedLine = { ok: true; argv: string[] } | { ok: false; error: string };

const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\v' || c === '\f';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * Splits a redis-cli line into arguments (byte strings, see bytes.ts):
 * whitespace separates; "double quotes" take \n \r \t \b \a \" \\ and \xHH
 * escapes (\xHH is one raw byte, so "\xff\xfe" is two bytes); 'single
 * quotes' take \' only; everything else is the UTF-8 bytes of the text typed.
 * A closing quote must be followed by a space or the end, and an
 * unterminated quote fails, as in redis-cli ("Invalid argument(s)").
 * O(length). Never throws.
 */
export function parseCliLine(line: string): ParsedLine {
  if (line.length > MAX_LINE_LENGTH) {
    return {
      ok: false,
      error: `ERR line of ${line.length} characters; this console accepts lines up to ${MAX_LINE_LENGTH} (redis-cli has no limit)`,
    };
  }
  const argv: string[] = [];
  let i = 0;
  const n = line.length;
  const invalid: ParsedLine = { ok: false, error: 'Invalid argument(s)' };
  while (true) {
    while (i < n && isSpace(line[i])) i++;
    if (i >= n) return { ok: true, argv };
    let current = '';
    let text = '';
    const flush = () => {
      if (text) {
        current += textToBytes(text);
        text = '';
      }
    };
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = line[i];
      if (inDouble) {
        if (c === '\\' && line[i + 1] === 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
          flush();
          current += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < n) {
          i++;
          const e = line[i]!;
          const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };
          text += map[e] ?? e;
        } else if (c === '"') {
          if (i + 1 < n && !isSpace(line[i + 1])) return invalid;
          done = true;
        } else if (c === undefined) {
          return invalid;
        } else {
          text += c;
        }
      } else if (inSingle) {
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          text += "'";
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(line[i + 1])) return invalid;
          done = true;
        } else if (c === undefined) {
          return invalid;
        } else {
          text += c;
        }
      } else if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t') {
        done = true;
      } else if (c === '"') {
        inDouble = true;
      } else if (c === "'") {
        inSingle = true;
      } else {
        text += c;
      }
      if (i < n) i++;
    }
    flush();
    argv.push(current);
  }
}

/**
 * Quotes a bulk string (a byte string) as redis-cli does (sdscatrepr):
 * printable ASCII as is, \\ \" \n \r \t \a \b escaped, every other byte \xhh.
 */
export function quoteBulk(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i) & 0xff;
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x22) out += '\\"';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b === 0x07) out += '\\a';
    else if (b === 0x08) out += '\\b';
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out + '"';
}

/**
 * Formats a reply exactly as redis-cli prints it on a terminal: `(integer) 1`,
 * `"bulk"`, `(nil)`, `(error) ERR …`, `(empty array)`, numbered lists padded
 * to the widest index with nested lists indented under their number.
 * Returns the text without a trailing newline. O(size of the reply).
 */
export function formatReply(reply: Reply): string {
  return formatTTY(reply, '').replace(/\n$/, '');
}

function formatTTY(r: Reply, prefix: string): string {
  if (r === null) return '(nil)\n';
  if (typeof r === 'number' || typeof r === 'bigint') return `(integer) ${r}\n`;
  if (typeof r === 'string') return quoteBulk(r) + '\n';
  if (r instanceof StatusReply) return bytesToText(r.status) + '\n';
  if (r instanceof ErrorReply) return `(error) ${bytesToText(r.message)}\n`;
  if (r.length === 0) return '(empty array)\n';
  const width = String(r.length).length;
  const nested = prefix + ' '.repeat(width + 2);
  let out = '';
  for (let i = 0; i < r.length; i++) {
    out += (i === 0 ? '' : prefix) + String(i + 1).padStart(width, ' ') + ') ';
    out += formatTTY(r[i]!, nested);
  }
  return out;
}

/**
 * What HELP prints: for one command its syntax, summary, complexity and
 * group in redis-cli's help layout; with no argument, every command by group.
 */
export function formatHelp(args: string[]): string | ErrorReply {
  if (args.length === 0) {
    const lines = ['Commands (type HELP <command> for syntax and complexity):'];
    for (const h of COMMAND_HELP) lines.push(`  ${h.syntax}`);
    return lines.join('\n');
  }
  const h = commandHelp(args[0]!);
  if (!h) return new ErrorReply(`ERR no help for '${args[0]}': not a supported command`);
  return [
    `  ${h.syntax}`,
    `  summary: ${h.summary}`,
    `  complexity: ${h.complexity}`,
    `  group: ${h.group}`,
  ].join('\n');
}

/** The outcome of one console line. */
export interface LineResult {
  argv: string[];
  /** The reply (an ErrorReply for parse failures); null text-only for HELP / empty lines. */
  reply: Reply;
  /** What redis-cli would print (without the trailing newline). */
  text: string;
  /** Elements of an array reply left out of `reply` and `text` (see `maxItems`). */
  omitted?: number;
}

/**
 * Runs one line typed into the console: parses it, answers HELP itself, runs
 * everything else on `engine`, and formats the reply. Never throws: bad
 * quoting, a huge line or an engine failure all come back as error text.
 * Complexity: the command's own plus O(line length + reply size).
 */
export function runLine(
  engine: Engine,
  line: string,
  { maxItems = Infinity }: { maxItems?: number } = {},
): LineResult {
  try {
    const parsed = parseCliLine(line);
    if (!parsed.ok) {
      const reply = new ErrorReply(parsed.error);
      const text = parsed.error.startsWith('ERR') ? `(error) ${parsed.error}` : parsed.error;
      return { argv: [], reply, text };
    }
    const argv = parsed.argv;
    if (argv.length === 0) return { argv, reply: null, text: '' };
    const words = argv.map(bytesToText);
    // redis-cli answers HELP (and ?) itself, inside MULTI too: it never reaches the server.
    const first = words[0]!.toLowerCase();
    if (first === 'help' || first === '?') {
      const help = formatHelp(words.slice(1));
      if (help instanceof ErrorReply) return { argv: words, reply: help, text: formatReply(help) };
      return { argv: words, reply: new StatusReply(help), text: help };
    }
    const reply = engine.execute(argv);
    // A console cannot show a million lines, and copying them to the page would stall it:
    // keep the first `maxItems` elements and say how many were left out.
    if (Array.isArray(reply) && reply.length > maxItems) {
      const shown = reply.slice(0, maxItems);
      const omitted = reply.length - maxItems;
      return { argv: words, reply: shown, text: formatReply(shown), omitted };
    }
    return { argv: words, reply, text: formatReply(reply) };
  } catch (e) {
    const reply = new ErrorReply(`ERR ${e instanceof Error ? e.message : String(e)}`);
    return { argv: [], reply, text: formatReply(reply) };
  }
}
