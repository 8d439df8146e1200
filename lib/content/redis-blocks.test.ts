import { describe, expect, it } from 'vitest';
import { extractRedisCode, normaliseLua } from './redis-blocks';

const NAMES = new Set(['ZADD', 'ZSCORE', 'GET', 'INFO', 'EVAL']);
const fence = '```';

const page = [
  'Prose with `ZADD lb 1 a` inline is not a block.',
  '',
  `${fence}text`,
  '127.0.0.1:6379> ZADD lb 1 a 2 b',
  '(integer) 2',
  '127.0.0.1:6379> ZSCORE lb b',
  '"2"',
  fence,
  '',
  `${fence}text`,
  "$ redis-server --port 6390 --save '' &",
  "$ redis-cli -p 6390 INFO memory | grep '^used_memory:'",
  'used_memory:939232',
  '$ redis-cli -p 6390 ZSCORE lb a',
  '(nil)',
  fence,
  '',
  `${fence}text`,
  'ZADD lb 3 c',
  'ZSCORE lb c',
  fence,
  '',
  `${fence}text`,
  'GET  /v1/boards/{boardId}/top?limit=100',
  'POST /v1/matches/{matchId}/scores',
  fence,
  '',
  `${fence}sql`,
  'SELECT 1;',
  fence,
  '',
  `${fence}lua`,
  '-- KEYS[1] = board',
  "local r = redis.call('ZSCORE', KEYS[1], ARGV[1])  -- the score",
  '',
  'return r',
  fence,
].join('\n');

describe('extractRedisCode', () => {
  const code = extractRedisCode(page, NAMES);

  it('reads a session with the replies printed under each prompt', () => {
    expect(code.redis[0]).toEqual({
      kind: 'session',
      line: 3,
      commands: [
        { line: 'ZADD lb 1 a 2 b', printed: ['(integer) 2'] },
        { line: 'ZSCORE lb b', printed: ['"2"'] },
      ],
    });
  });

  it('reads redis-cli lines of a shell session, with grep, and skips other shell lines', () => {
    const shell = code.redis[1]!;
    expect(shell.kind).toBe('shell');
    expect(shell.commands.map((c) => [c.line, c.printed, c.grep?.source])).toEqual([
      ['INFO memory', ['used_memory:939232'], '^used_memory:'],
      ['ZSCORE lb a', ['(nil)'], undefined],
    ]);
  });

  it('reads a block of bare commands, and not an HTTP sketch or SQL', () => {
    expect(code.redis[2]).toEqual({
      kind: 'commands',
      line: 18,
      commands: [
        { line: 'ZADD lb 3 c', printed: null },
        { line: 'ZSCORE lb c', printed: null },
      ],
    });
    expect(code.redis).toHaveLength(3);
  });

  it('finds Lua scripts and compares them without comments or layout', () => {
    expect(code.lua).toHaveLength(1);
    expect(normaliseLua(code.lua[0]!.code)).toBe(
      "local r = redis.call('ZSCORE', KEYS[1], ARGV[1]) return r",
    );
  });
});
