import { commandHelp, COMMAND_HELP } from './command-help';
import type { Engine } from './engine';
import { ErrorReply, StatusReply, type Reply } from './reply';
import { decodeUtf8, encodeUtf8 } from './utf8';

/**
 * The text side of the console: redis-cli's argument splitting (sdssplitargs)
 * and its TTY reply formatting (cliFormatReplyTTY), so a line typed in the
 * browser prints what redis-cli would print.
 */

/** Longest line accepted: Redis's limit for an inline request (PROTO_INLINE_MAX_SIZE). */
export const MAX_LINE_LENGTH = 64 * 1024;

/** The result of splitting a line: arguments, or the reason it failed. */
export type ParsedLine = { ok: true; argv: string[] } | { ok: false; error: string };

const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\v' || c === '\f';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * Splits a redis-cli line into arguments: whitespace separates; "double
 * quotes" take \n \r \t \b \a \" \\ and \xHH escapes (bytes, decoded as
 * UTF-8); 'single quotes' take \' only. A closing quote must be followed by
 * a space or the end, and an unterminated quote fails, as in redis-cli
 * ("Invalid argument(s)"). O(length). Never throws.
 */
export function parseCliLine(line: string): ParsedLine {
  if (line.length > MAX_LINE_LENGTH) {
    return { ok: false, error: 'ERR Protocol error: too big inline request' };
  }
  const argv: string[] = [];
  let i = 0;
  const n = line.length;
  const invalid: ParsedLine = { ok: false, error: 'Invalid argument(s)' };
  while (true) {
    while (i < n && isSpace(line[i])) i++;
    if (i >= n) return { ok: true, argv };
    let current = '';
    let bytes: number[] = [];
    const flush = () => {
      if (bytes.length) {
        current += decodeUtf8(Uint8Array.from(bytes));
        bytes = [];
      }
    };
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      const c = line[i];
      if (inDouble) {
        if (c === '\\' && line[i + 1] === 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
          bytes.push(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < n) {
          i++;
          const e = line[i]!;
          const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };
          flush();
          current += map[e] ?? e;
        } else if (c === '"') {
          if (i + 1 < n && !isSpace(line[i + 1])) return invalid;
          done = true;
        } else if (c === undefined) {
          return invalid;
        } else {
          flush();
          current += c;
        }
      } else if (inSingle) {
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          current += "'";
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(line[i + 1])) return invalid;
          done = true;
        } else if (c === undefined) {
          return invalid;
        } else {
          current += c;
        }
      } else if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t') {
        done = true;
      } else if (c === '"') {
        inDouble = true;
      } else if (c === "'") {
        inSingle = true;
      } else {
        current += c;
      }
      if (i < n) i++;
    }
    flush();
    argv.push(current);
  }
}

/**
 * Quotes a bulk string as redis-cli does (sdscatrepr over its UTF-8 bytes):
 * printable ASCII as is, \\ \" \n \r \t \a \b escaped, every other byte \xhh.
 */
export function quoteBulk(s: string): string {
  let out = '"';
  const bytes = encodeUtf8(s);
  for (const b of bytes) {
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
  if (r instanceof StatusReply) return r.status + '\n';
  if (r instanceof ErrorReply) return `(error) ${r.message}\n`;
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
}

/**
 * Runs one line typed into the console: parses it, answers HELP itself, runs
 * everything else on `engine`, and formats the reply. Never throws: bad
 * quoting, a huge line or an engine failure all come back as error text.
 * Complexity: the command's own plus O(line length + reply size).
 */
export function runLine(engine: Engine, line: string): LineResult {
  try {
    const parsed = parseCliLine(line);
    if (!parsed.ok) {
      const reply = new ErrorReply(parsed.error);
      const text = parsed.error.startsWith('ERR') ? `(error) ${parsed.error}` : parsed.error;
      return { argv: [], reply, text };
    }
    const argv = parsed.argv;
    if (argv.length === 0) return { argv, reply: null, text: '' };
    if (argv[0]!.toLowerCase() === 'help' && !engine.inTransaction) {
      const help = formatHelp(argv.slice(1));
      if (help instanceof ErrorReply) return { argv, reply: help, text: formatReply(help) };
      return { argv, reply: new StatusReply(help), text: help };
    }
    const reply = engine.execute(argv);
    return { argv, reply, text: formatReply(reply) };
  } catch (e) {
    const reply = new ErrorReply(`ERR ${e instanceof Error ? e.message : String(e)}`);
    return { argv: [], reply, text: formatReply(reply) };
  }
}
