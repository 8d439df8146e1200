import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { mdxTree } from './mdx-tree';

/**
 * Finds the Redis commands and Lua scripts a chapter prints, so a test can run each one on the
 * engine and on redis-server. A fenced block is read as:
 *
 * - a **session** when it has `127.0.0.1:6379>` prompts: each prompt line is a command and the
 *   lines up to the next prompt are the reply redis-cli printed;
 * - a **shell** session when it has `$ redis-cli … CMD` lines: the same, with `| grep 're'` on a
 *   command meaning "only the reply lines matching re" (other `$` lines are not Redis);
 * - a **command list** when every non-empty line starts with a Redis command name: commands
 *   without printed replies;
 * - a **script** when its language is `lua`;
 * - anything else (SQL, JSON, diagrams, HTTP) is not Redis and yields nothing.
 *
 * Every block runs on an empty database, so each must be self-contained. Pure: no I/O.
 */

export interface RedisCommandLine {
  /** The command as typed, without prompt or `redis-cli` options. */
  readonly line: string;
  /** The reply lines printed under it, or null when the block prints none. */
  readonly printed: string[] | null;
  /** For `… | grep 're'`: keep only reply lines matching this. */
  readonly grep?: RegExp;
}

export interface RedisBlock {
  readonly kind: 'session' | 'shell' | 'commands';
  /** 1-based line of the block's opening fence in the page. */
  readonly line: number;
  readonly commands: RedisCommandLine[];
}

export interface LuaBlock {
  readonly line: number;
  readonly code: string;
}

export interface PageCode {
  readonly redis: RedisBlock[];
  readonly lua: LuaBlock[];
}

const PROMPT = /^127\.0\.0\.1:\d+> ?(.*)$/;
const SHELL = /^\$ (.*)$/;
const CLI = /^redis-cli((?:\s+-[a-z]\s+\S+)*)\s+(.+)$/;

function firstWord(line: string): string {
  return line.trim().split(/\s+/, 1)[0] ?? '';
}

/** Splits `CMD … | grep 're'` into the command and the filter. */
function splitGrep(command: string): { line: string; grep?: RegExp } {
  const m = /^(.*?)\s*\|\s*grep\s+(?:'([^']*)'|"([^"]*)"|(\S+))\s*$/.exec(command);
  if (!m) return { line: command.trim() };
  return { line: m[1]!.trim(), grep: new RegExp(m[2] ?? m[3] ?? m[4]!) };
}

interface Pending {
  line: string;
  printed: string[];
  grep?: RegExp;
}

function sessionBlock(lines: string[], fence: number): RedisBlock {
  const commands: Pending[] = [];
  let current: { line: string; printed: string[] } | null = null;
  for (const raw of lines) {
    const m = PROMPT.exec(raw);
    if (m) {
      if (current) commands.push(current);
      current = { line: m[1]!.trim(), printed: [] };
    } else if (current) {
      current.printed.push(raw);
    }
  }
  if (current) commands.push(current);
  return {
    kind: 'session',
    line: fence,
    commands: commands.map((c) => ({ ...c, printed: trimEnd(c.printed) })),
  };
}

function shellBlock(lines: string[], fence: number): RedisBlock {
  const commands: Pending[] = [];
  let current: Pending | null = null;
  for (const raw of lines) {
    const m = SHELL.exec(raw);
    if (m) {
      if (current) commands.push(current);
      current = null;
      const cli = CLI.exec(m[1]!.trim());
      if (cli) current = { ...splitGrep(cli[2]!), printed: [] };
    } else if (current) {
      current.printed.push(raw);
    }
  }
  if (current) commands.push(current);
  return {
    kind: 'shell',
    line: fence,
    commands: commands.map((c) => ({ ...c, printed: trimEnd(c.printed) })),
  };
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/**
 * The Redis blocks and Lua scripts of an MDX page. `commandNames` is the set of Redis command
 * names (upper case) that decides what a command list is. O(length of the page).
 */
export function extractRedisCode(source: string, commandNames: ReadonlySet<string>): PageCode {
  const redis: RedisBlock[] = [];
  const lua: LuaBlock[] = [];
  visit(mdxTree(source), 'code', (node: Code) => {
    const fence = node.position?.start.line ?? 0;
    if (node.lang === 'lua') {
      lua.push({ line: fence, code: node.value });
      return;
    }
    if (node.lang && node.lang !== 'text') return;
    const lines = node.value.split('\n');
    if (lines.some((l) => PROMPT.test(l))) redis.push(sessionBlock(lines, fence));
    else if (lines.some((l) => SHELL.test(l) && CLI.test(l.slice(2).trim())))
      redis.push(shellBlock(lines, fence));
    else {
      const nonEmpty = lines.filter((l) => l.trim() !== '');
      const isCommand = (l: string) => {
        const w = firstWord(l);
        return w === w.toUpperCase() && commandNames.has(w.toUpperCase());
      };
      if (nonEmpty.length && nonEmpty.every(isCommand)) {
        redis.push({
          kind: 'commands',
          line: fence,
          commands: nonEmpty.map((l) => ({ line: l.trim(), printed: null })),
        });
      }
    }
  });
  return { redis, lua };
}

/**
 * A script's text as one comparable string: comments and blank lines dropped, whitespace
 * collapsed. Two scripts are the same script when their normal forms are equal. O(length).
 */
export function normaliseLua(code: string): string {
  return code
    .split('\n')
    .map((l) => l.replace(/--.*$/, '').trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/\s+/g, ' ');
}
