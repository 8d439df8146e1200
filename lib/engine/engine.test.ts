import { describe, expect, it } from 'vitest';
import { textToBytes } from './bytes';
import { createClient } from './client';
import { COMMAND_HELP, COMMAND_NAMES, completeCommand } from './command-help';
import { COMMANDS } from './command-table';
import { Engine } from './engine';
import { formatScore, parseScoreBound, parseStrictDouble, strtod } from './numbers';
import { ErrorReply, StatusReply } from './reply';
import { loadLeaderboard, createLeaderboardWorkload, mulberry32 } from './workload';

describe('scores: parsing and formatting as Redis 7.0', () => {
  it('formats with %.17g (values checked against redis-server 7.0.15)', () => {
    const cases: [number, string][] = [
      [1.1, '1.1000000000000001'],
      [1e20, '1e+20'],
      [1e-5, '1.0000000000000001e-05'],
      [0.1, '0.10000000000000001'],
      [123456789.123, '123456789.123'],
      [1e16, '10000000000000000'],
      [-0, '-0'],
      [0, '0'],
      [1.5, '1.5'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [5e-324, '4.9406564584124654e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [2 ** 53, '9007199254740992'],
      [0.0001, '0.0001'],
    ];
    for (const [d, text] of cases) expect(formatScore(d), String(d)).toBe(text);
  });

  it('parses like getDoubleFromObject', () => {
    expect(parseStrictDouble('1.5')).toBe(1.5);
    expect(parseStrictDouble('+inf')).toBe(Infinity);
    expect(parseStrictDouble('-Infinity')).toBe(-Infinity);
    expect(parseStrictDouble('0x10')).toBe(16);
    expect(parseStrictDouble('.5')).toBe(0.5);
    expect(parseStrictDouble('5.')).toBe(5);
    expect(parseStrictDouble('1e-320')).toBe(1e-320);
    for (const bad of ['nan', '', ' 1', '1 ', '1e400', '1e-400', '1e', 'abc', '(1']) {
      expect(parseStrictDouble(bad), bad).toBeNull();
    }
  });

  it('parses range bounds like zslParseRange', () => {
    expect(parseScoreBound('(1')).toEqual({ value: 1, exclusive: true });
    expect(parseScoreBound('')).toEqual({ value: 0, exclusive: false });
    expect(parseScoreBound('(')).toEqual({ value: 0, exclusive: true });
    expect(parseScoreBound(' 1')).toEqual({ value: 1, exclusive: false });
    expect(parseScoreBound('1e400')).toEqual({ value: Infinity, exclusive: false });
    expect(parseScoreBound('nan')).toBeNull();
    expect(parseScoreBound('[1')).toBeNull();
    expect(strtod('  -2.5e1xyz')).toEqual({ value: -25, end: 8, range: false });
  });
});

describe('keyspace semantics', () => {
  it('expires keys by an injectable clock', () => {
    let now = 1_000_000;
    const e = new Engine({ clock: () => now });
    e.execute(['set', 'k', 'v', 'EX', '10']);
    e.execute(['zadd', 'z', '1', 'a']);
    e.execute(['pexpire', 'z', '1500']);
    expect(e.execute(['ttl', 'k'])).toBe(10);
    expect(e.execute(['pttl', 'z'])).toBe(1500);
    now += 1499;
    expect(e.execute(['zcard', 'z'])).toBe(1);
    now += 1;
    expect(e.execute(['exists', 'z'])).toBe(0);
    expect(e.execute(['dbsize'])).toBe(1);
    now += 8500;
    expect(e.execute(['get', 'k'])).toBeNull();
    expect(e.execute(['ttl', 'k'])).toBe(-2);
  });

  it('reports listpack until the 129th member or a 65-byte member, and never converts back', () => {
    const e = new Engine();
    for (let i = 0; i < 128; i++) e.execute(['zadd', 'z', String(i), `m${i}`]);
    expect(e.execute(['object', 'encoding', 'z'])).toBe('listpack');
    e.execute(['zadd', 'z', '0', 'm128']);
    expect(e.execute(['object', 'encoding', 'z'])).toBe('skiplist');
    e.execute(['zremrangebyrank', 'z', '0', '100']);
    expect(e.execute(['object', 'encoding', 'z'])).toBe('skiplist');
    e.execute(['zadd', 'y', '1', 'x'.repeat(64)]);
    expect(e.execute(['object', 'encoding', 'y'])).toBe('listpack');
    // The engine takes bytes: 33 × "é" is 66 bytes of UTF-8.
    e.execute(['zadd', 'y', '1', textToBytes('\u00e9'.repeat(33))]);
    expect(e.execute(['object', 'encoding', 'y'])).toBe('skiplist');
  });

  it('stores -0 as 0 in a listpack but keeps the sign in a skiplist, as Redis does', () => {
    const e = new Engine();
    e.execute(['zadd', 'small', '-0', 'a']);
    expect(e.execute(['zscore', 'small', 'a'])).toBe('0');
    e.execute(['zadd', 'big', '-0', 'b'.repeat(65)]);
    expect(e.execute(['zscore', 'big', 'b'.repeat(65)])).toBe('-0');
  });

  it('gives WRONGTYPE across types and transactions their Redis shapes', () => {
    const e = new Engine();
    e.execute(['set', 's', '1']);
    expect(e.execute(['zadd', 's', '1', 'a'])).toEqual(
      new ErrorReply('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
    expect(e.execute(['multi'])).toEqual(new StatusReply('OK'));
    expect(e.execute(['incr', 's'])).toEqual(new StatusReply('QUEUED'));
    expect(e.execute(['zadd', 's', '1', 'a'])).toEqual(new StatusReply('QUEUED'));
    const result = e.execute(['exec']);
    expect(result).toEqual([2, expect.any(ErrorReply)]);
  });
});

describe('regressions found by the differential tests', () => {
  it('ZINTERSTORE: inf × weight 0 in a later input makes the sum NaN, which resets it to 0', () => {
    const e = new Engine();
    e.execute(['sadd', 's', 'b']);
    e.execute(['zadd', 'z', 'inf', 'b']);
    // Values checked against redis-server 7.0.15.
    e.execute(['zinterstore', 'd', '3', 's', 's', 'z', 'WEIGHTS', '1', '1', '0']);
    expect(e.execute(['zscore', 'd', 'b'])).toBe('0');
    e.execute(['zinterstore', 'd', '2', 'z', 's', 'WEIGHTS', '0', '1']);
    expect(e.execute(['zscore', 'd', 'b'])).toBe('1');
    e.execute(['zunionstore', 'd', '2', 's', 'z', 'WEIGHTS', '1', '0']);
    expect(e.execute(['zscore', 'd', 'b'])).toBe('1');
  });

  it('ZUNIONSTORE into a listpack turns every -0 into 0, not just those before the first moved node', () => {
    const e = new Engine();
    const members = Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    e.execute(['zadd', 'big', '1', 'x'.repeat(65), ...members.flatMap((m) => ['-0', m])]);
    e.execute(['zrem', 'big', 'x'.repeat(65)]);
    e.execute(['zunionstore', 'd', '1', 'big']);
    expect(e.execute(['object', 'encoding', 'd'])).toBe('listpack');
    expect(e.execute(['zrange', 'd', '0', '-1', 'WITHSCORES'])).toEqual(
      members.flatMap((m) => [m, '0']),
    );
  });

  it('ZPOPMIN with count 0 still reports WRONGTYPE', () => {
    const e = new Engine();
    e.execute(['set', 's', 'x']);
    expect(e.execute(['zpopmin', 's', '0'])).toBeInstanceOf(ErrorReply);
  });
});

describe('createClient (ioredis-shaped)', () => {
  it('resolves what ioredis resolves and rejects with Redis text', async () => {
    const r = createClient();
    expect(await r.zadd('lb', 100, 'alice', 250, 'bob', 250, 'carol')).toBe(3);
    expect(await r.zrevrank('lb', 'alice')).toBe(2);
    expect(await r.zrevrange('lb', 0, 1, 'WITHSCORES')).toEqual(['carol', '250', 'bob', '250']);
    expect(await r.zincrby('lb', 0.5, 'alice')).toBe('100.5');
    expect(await r.zscore('lb', 'nobody')).toBeNull();
    expect(await r.hset('h', { a: 1, b: 'x' })).toBe(2);
    expect(await r.hgetall('h')).toEqual({ a: '1', b: 'x' });
    expect(await r.call('ZCARD', 'lb')).toBe(3);
    await expect(r.call('zadd', 'lb')).rejects.toThrow(
      "ERR wrong number of arguments for 'zadd' command",
    );
    await expect(r.zadd('lb', 'x', 'm')).rejects.toThrow('ERR value is not a valid float');
  });

  it('gives each client its own keyspace', async () => {
    const a = createClient();
    const b = createClient();
    await a.set('k', 'v');
    expect(await b.get('k')).toBeNull();
  });

  it('pipelines and transactions resolve to [err, result] pairs like ioredis', async () => {
    const r = createClient();
    const res = (await r.pipeline().zadd('z', 1, 'a').zscore('z', 'a').call('zadd', 'z').exec())!;
    expect(res[0]).toEqual([null, 1]);
    expect(res[1]).toEqual([null, '1']);
    expect(res[2]![0]).toBeInstanceOf(Error);
    const tx = (await r.multi().zincrby('z', 2, 'a').set('s', 'x').zadd('s', 1, 'm').exec())!;
    expect(tx[0]).toEqual([null, '3']);
    expect(tx[1]).toEqual([null, 'OK']);
    expect((tx[2]![0] as Error).message).toMatch(/^WRONGTYPE/);
    await expect(r.multi().zadd('z').zcard('z').exec()).rejects.toMatchObject({
      message: 'EXECABORT Transaction discarded because of previous errors.',
      previousErrors: [expect.any(Error)],
    });
  });
});

describe('ZRANDMEMBER', () => {
  it('returns distinct members for a positive count, repeats allowed for a negative one', () => {
    const e = new Engine({ random: mulberry32(9) });
    for (let i = 0; i < 300; i++) e.execute(['zadd', 'z', String(i), `m${i}`]);
    for (const count of [5, 150, 299, 300, 1000]) {
      const r = e.execute(['zrandmember', 'z', String(count)]) as string[];
      expect(r).toHaveLength(Math.min(count, 300));
      expect(new Set(r).size).toBe(r.length);
    }
    const withScores = e.execute(['zrandmember', 'z', '-500', 'WITHSCORES']) as string[];
    expect(withScores).toHaveLength(1000);
    for (let i = 0; i < withScores.length; i += 2) {
      expect(withScores[i]).toBe(`m${withScores[i + 1]}`);
    }
  });
});

describe('command table', () => {
  it('gives every command syntax, complexity, a summary and (but for MULTI/EXEC/DISCARD) a handler', () => {
    expect(COMMAND_HELP.length).toBeGreaterThanOrEqual(55);
    for (const h of COMMAND_HELP) {
      expect(h.syntax.startsWith(h.name)).toBe(true);
      expect(h.complexity).toMatch(/^O\(|^Depends/);
      expect(h.summary.length).toBeGreaterThan(5);
      const spec = COMMANDS.get(h.name.toLowerCase());
      expect(spec?.handler !== undefined).toBe(!['MULTI', 'EXEC', 'DISCARD'].includes(h.name));
    }
    expect(COMMAND_NAMES).toContain('ZREVRANK');
    expect(completeCommand('zre')).toEqual([
      'ZREM',
      'ZREMRANGEBYLEX',
      'ZREMRANGEBYRANK',
      'ZREMRANGEBYSCORE',
      'ZREVRANGE',
      'ZREVRANGEBYLEX',
      'ZREVRANGEBYSCORE',
      'ZREVRANK',
    ]);
  });
});

describe('seeded workload', () => {
  it('is reproducible, 12-character names, sorted, with ties', () => {
    const a = createLeaderboardWorkload({ seed: 5, count: 5000, maxScore: 1000 }).nextChunk(
      10_000,
    )!;
    const b = createLeaderboardWorkload({ seed: 5, count: 5000, maxScore: 1000 }).nextChunk(
      10_000,
    )!;
    expect(a.members).toEqual(b.members);
    expect(a.members.every((m) => m.length === 12)).toBe(true);
    expect(new Set(a.members).size).toBe(5000);
    expect(new Set(a.scores).size).toBeLessThan(1001);
    const e = new Engine();
    expect(loadLeaderboard(e, 'lb', { seed: 5, count: 5000, maxScore: 1000 })).toBe(5000);
    const z = e.db.get('lb');
    if (z?.type !== 'zset') throw new Error('not loaded');
    z.list.checkInvariants();
  });
});
