import { mulberry32 } from '../workload';

/**
 * Seeded random Redis commands that hit the corners, for the differential
 * tests: every command the engine supports, bad arguments, byte-level
 * members and patterns (Uint8Array arguments), and Lua scripts that call
 * the same commands. An argument is text (sent as UTF-8 by ioredis and by
 * the engine's client alike) or raw bytes.
 */

export type GenArg = string | Uint8Array;
export type GenCommand = [string, ...GenArg[]];

/** Commands whose replies are random or time-dependent by design: compared by shape. */
export const LOOSE = new Set([
  'zrandmember',
  'scan',
  'zscan',
  'hscan',
  'sscan',
  'keys',
  'smembers',
  'ttl',
  'pttl',
  'expiretime',
  'pexpiretime',
  'object',
  'memory',
  'hgetall',
]);

const bytes = (...b: number[]) => Uint8Array.from(b);

/** A generator of commands for one seed. */
export function makeGenerator(seed: number) {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => rnd() < p;

  const zkeys = ['z1', 'z2', 'z3', 'zbig'];
  const otherKeys = ['s1', 's2', 'h1', 'h2', 'set1', 'set2', 'nokey', 'k\u00e9y'];
  const allKeys = [...zkeys, ...otherKeys];
  const members: GenArg[] = [
    'a',
    'b',
    'c',
    'd',
    'ab',
    'aa',
    'B',
    '',
    ' ',
    'x y',
    '\u00e9',
    '\u20ac',
    '\u{1F600}',
    '\uffff',
    '\ue000',
    '\u{1D11E}',
    'a\u{1F600}',
    'a\uffff',
    '\ud800',
    '\udfff',
    '1',
    '2',
    '10',
    '-3',
    'm'.repeat(64),
    'n'.repeat(65),
    '\u00e9'.repeat(33),
    bytes(0xff, 0xfe),
    bytes(0xc3),
    bytes(0x61, 0x00, 0x62),
    bytes(0x80),
  ];
  const goodScores = [
    '0',
    '1',
    '2',
    '3',
    '-1',
    '-2',
    '5',
    '1.5',
    '0.1',
    '-0.25',
    '1e20',
    '-1e-20',
    '1e308',
    '-1e308',
    '5e-324',
    'inf',
    '-inf',
    '+inf',
    '-0',
    '0x10',
    '.5',
    '5.',
    '3.0000000000000004',
    '123456789.123',
    '9007199254740993',
    '1e16',
    '0.00001',
  ];
  const badScores = ['nan', 'abc', '', ' 1', '1 ', '1e400', '1e-400', '(1', '1e', '--1', 'inf1'];
  const rangeBounds = [
    '-inf',
    '+inf',
    'inf',
    '0',
    '1',
    '(1',
    '(0',
    '2',
    '(2',
    '-1',
    '1.5',
    '(',
    '',
    ' 1',
    '1e400',
    '[1',
    'nan',
    'abc',
    '(inf',
    '(-inf',
    '5e-324',
  ];
  const lexBounds: GenArg[] = [
    '-',
    '+',
    '[a',
    '(a',
    '[b',
    '(c',
    '[',
    '(',
    'a',
    '[\u{1F600}',
    '(\uffff',
    '+x',
    bytes(0x5b, 0xff),
  ];
  const patterns: GenArg[] = [
    '*',
    'z*',
    '?1',
    'h[12]',
    's*',
    '*e*',
    'k\u00e9y',
    '[^z]*',
    '?',
    '??',
    'k?y',
    'k??y',
    '[a-\u00ff]*',
    'a*a*a*a*a*b',
    '*\\*',
    '[',
    '[a-',
    '\\',
    bytes(0x2a, 0xc3, 0x2a),
    bytes(0x5b, 0x5e, 0xff, 0x5d, 0x2a),
    bytes(0x5b, 0x61, 0x2d, 0xff, 0x5d, 0x2a),
  ];
  const indexes = ['0', '1', '2', '-1', '-2', '3', '5', '-5', '10', '-100', '100'];
  const badIndexes = ['1.5', 'a', '', '9223372036854775808', '+1', ' 1', '01'];
  const counts = ['1', '2', '3', '0', '-1', '-3', '10', '200'];

  const key = () => (chance(0.12) ? pick(allKeys) : pick(zkeys));
  const member = () => pick(members);
  const score = () => (chance(0.06) ? pick(badScores) : pick(goodScores));
  const bound = () => pick(rangeBounds);
  const index = () => (chance(0.05) ? pick(badIndexes) : pick(indexes));
  const numkeys = (n: number) => String(chance(0.05) ? pick(['0', '-1', 'x', '9']) : n);

  const zaddOptions = () => {
    const opts: string[] = [];
    for (const o of ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR']) if (chance(0.12)) opts.push(o);
    return opts;
  };

  function storeCommand(name: string): GenCommand {
    const n = 1 + int(3);
    const args: GenCommand = [name, pick(['zdst', 'z3', 's1']), numkeys(n)];
    for (let i = 0; i < n; i++) args.push(pick([...zkeys, 'set1', 'set2', 'nokey', 's1']));
    if (chance(0.3)) {
      args.push('WEIGHTS');
      for (let i = 0; i < n; i++) args.push(pick(['1', '2', '0', '-1', 'inf', '0.5', 'x']));
    }
    if (chance(0.3)) args.push('AGGREGATE', pick(['SUM', 'MIN', 'MAX', 'AVG']));
    return args;
  }

  function setOp(name: string): GenCommand {
    const n = 1 + int(3);
    const args: GenCommand = [name, numkeys(n)];
    for (let i = 0; i < n; i++) args.push(pick([...zkeys, 'set1', 'nokey', 's1']));
    if (name !== 'zdiff' && name !== 'zintercard' && chance(0.2)) {
      args.push('WEIGHTS');
      for (let i = 0; i < n; i++) args.push(pick(['1', '2', '0', '-1', 'inf', 'x']));
    }
    if (name !== 'zdiff' && name !== 'zintercard' && chance(0.2)) {
      args.push('AGGREGATE', pick(['SUM', 'MIN', 'MAX']));
    }
    if (name === 'zintercard' && chance(0.4)) args.push('LIMIT', pick(['0', '1', '2', '-1', 'x']));
    if (name !== 'zintercard' && chance(0.4)) args.push('WITHSCORES');
    return args;
  }

  function rangeArgs(args: GenCommand, allowWithScores: boolean): void {
    const type = pick(['rank', 'byscore', 'bylex']);
    if (type === 'rank') args.push(index(), index());
    else if (type === 'byscore') args.push(bound(), bound(), 'BYSCORE');
    else args.push(pick(lexBounds), pick(lexBounds), 'BYLEX');
    if (chance(0.3)) args.push('REV');
    if (chance(0.3)) args.push('LIMIT', pick(counts), pick(counts));
    if (allowWithScores && chance(0.4)) args.push('WITHSCORES');
    if (chance(0.04)) args.push(pick(['FOO', 'LIMIT', 'BYSCORE', 'WITHSCORES']));
  }

  const generators: Record<string, () => GenCommand> = {
    zadd: () => {
      const args: GenCommand = ['zadd', key(), ...zaddOptions()];
      const n = chance(0.08) ? 20 + int(150) : 1 + int(3);
      for (let i = 0; i < n; i++) args.push(score(), n > 10 ? `bulk${int(400)}` : member());
      if (chance(0.03)) args.pop();
      return args;
    },
    zincrby: () => ['zincrby', key(), score(), member()],
    zscore: () => ['zscore', key(), member()],
    zmscore: () => ['zmscore', key(), member(), member(), member()],
    zcard: () => ['zcard', key()],
    zcount: () => ['zcount', key(), bound(), bound()],
    zlexcount: () => ['zlexcount', key(), pick(lexBounds), pick(lexBounds)],
    zrank: () => ['zrank', key(), member()],
    zrevrank: () => ['zrevrank', key(), member()],
    zrange: () => {
      const args: GenCommand = ['zrange', key()];
      rangeArgs(args, true);
      return args;
    },
    zrangestore: () => {
      const args: GenCommand = ['zrangestore', pick(['zdst', 'z3', 's1']), key()];
      rangeArgs(args, false);
      // Which members BYLEX reaches in a skiplist of mixed scores depends on
      // Redis's random levels: stored lex ranges come from the equal-score set.
      if (args.some((a) => a === 'BYLEX')) args[2] = 'zlex';
      return args;
    },
    zaddlex: () => [
      'zadd',
      'zlex',
      '0',
      member(),
      '0',
      member(),
      ...(chance(0.1) ? ['0', `w${int(200)}`] : []),
    ],
    zrevrange: () => {
      const args: GenCommand = ['zrevrange', key(), index(), index()];
      if (chance(0.5)) args.push(chance(0.9) ? 'WITHSCORES' : 'REV');
      return args;
    },
    zrangebyscore: () => {
      const args: GenCommand = ['zrangebyscore', key(), bound(), bound()];
      if (chance(0.4)) args.push('WITHSCORES');
      if (chance(0.3)) args.push('LIMIT', pick(counts), pick(counts));
      return args;
    },
    zrevrangebyscore: () => {
      const args: GenCommand = ['zrevrangebyscore', key(), bound(), bound()];
      if (chance(0.3)) args.push('LIMIT', pick(counts), pick(counts));
      if (chance(0.4)) args.push('WITHSCORES');
      return args;
    },
    zrangebylex: () => {
      const args: GenCommand = ['zrangebylex', key(), pick(lexBounds), pick(lexBounds)];
      if (chance(0.3)) args.push('LIMIT', pick(counts), pick(counts));
      return args;
    },
    zrevrangebylex: () => {
      const args: GenCommand = ['zrevrangebylex', key(), pick(lexBounds), pick(lexBounds)];
      if (chance(0.3)) args.push('LIMIT', pick(counts), pick(counts));
      return args;
    },
    zrem: () => ['zrem', key(), member(), ...(chance(0.5) ? [member()] : [])],
    zremrangebyrank: () => ['zremrangebyrank', key(), index(), index()],
    zremrangebyscore: () => ['zremrangebyscore', key(), bound(), bound()],
    zremrangebylex: () => ['zremrangebylex', 'zlex', pick(lexBounds), pick(lexBounds)],
    zpopmax: () => ['zpopmax', key(), ...(chance(0.6) ? [pick(counts)] : [])],
    zpopmin: () => ['zpopmin', key(), ...(chance(0.6) ? [pick(counts)] : [])],
    zmpop: () => {
      const n = 1 + int(2);
      const args: GenCommand = ['zmpop', numkeys(n)];
      for (let i = 0; i < n; i++) args.push(key());
      args.push(pick(['MIN', 'MAX', 'min', 'FOO']));
      if (chance(0.5)) args.push('COUNT', pick(counts));
      return args;
    },
    bzpopmin: () => ['bzpopmin', key(), key(), pick(['0.001', '0.01', 'x', '-1'])],
    bzpopmax: () => ['bzpopmax', key(), pick(['0.001', 'x', '-1'])],
    bzmpop: () => ['bzmpop', pick(['0.001', 'x']), '1', key(), pick(['MIN', 'MAX'])],
    zunionstore: () => storeCommand('zunionstore'),
    zinterstore: () => storeCommand('zinterstore'),
    zdiffstore: () => {
      const n = 1 + int(3);
      const args: GenCommand = ['zdiffstore', pick(['zdst', 'z3']), numkeys(n)];
      for (let i = 0; i < n; i++) args.push(pick([...zkeys, 'set1', 'nokey']));
      return args;
    },
    zunion: () => setOp('zunion'),
    zinter: () => setOp('zinter'),
    zdiff: () => setOp('zdiff'),
    zintercard: () => setOp('zintercard'),
    zrandmember: () => {
      const args: GenCommand = ['zrandmember', key()];
      if (chance(0.7)) args.push(pick([...counts, '-9223372036854775808', '9223372036854775807']));
      if (chance(0.3)) args.push('WITHSCORES');
      return args;
    },
    del: () => ['del', pick(allKeys), ...(chance(0.3) ? [pick(allKeys)] : [])],
    unlink: () => ['unlink', pick(allKeys)],
    exists: () => ['exists', pick(allKeys), pick(allKeys)],
    touch: () => ['touch', pick(allKeys), pick(allKeys)],
    type: () => ['type', pick(allKeys)],
    keys: () => ['keys', pick(patterns)],
    scan: () => [
      'scan',
      pick(['0', '0', 'x', '-1', '18446744073709551616', '']),
      ...(chance(0.3) ? ['COUNT', pick(['100', '0', 'x'])] : []),
      ...(chance(0.2) ? ['MATCH', pick(patterns)] : []),
      ...(chance(0.2) ? ['TYPE', pick(['zset', 'string', 'nosuchtype'])] : []),
    ],
    zscan: () => [
      'zscan',
      key(),
      pick(['0', 'x', '1']),
      ...(chance(0.3) ? ['MATCH', pick(patterns)] : []),
      ...(chance(0.2) ? ['COUNT', pick(['5', '0'])] : []),
    ],
    hscan: () => [
      'hscan',
      pick(['h1', 'h2', 'z1', 'nokey']),
      '0',
      ...(chance(0.3) ? ['MATCH', 'f*'] : []),
    ],
    sscan: () => ['sscan', pick(['set1', 'set2', 'z1', 'nokey']), '0'],
    expire: () => [
      'expire',
      pick(allKeys),
      pick(['100', '1000', '0', '-1', 'x', '99999', '9223372036854775807']),
      ...(chance(0.3) ? [pick(['NX', 'XX', 'GT', 'LT', 'nx', 'FOO'])] : []),
      ...(chance(0.1) ? [pick(['NX', 'XX', 'GT', 'LT'])] : []),
    ],
    pexpire: () => ['pexpire', pick(allKeys), pick(['100000', '-5', '0', '5000000'])],
    expireat: () => [
      'expireat',
      pick(allKeys),
      pick(['1', '99999999999', 'x', '0']),
      ...(chance(0.2) ? ['GT'] : []),
    ],
    pexpireat: () => [
      'pexpireat',
      pick(allKeys),
      pick(['1', '99999999999999', '9223372036854775807']),
    ],
    expiretime: () => ['expiretime', pick(allKeys)],
    pexpiretime: () => ['pexpiretime', pick(allKeys)],
    ttl: () => ['ttl', pick(allKeys)],
    pttl: () => ['pttl', pick(allKeys)],
    persist: () => ['persist', pick(allKeys)],
    rename: () => ['rename', pick(allKeys), pick(allKeys)],
    renamenx: () => ['renamenx', pick(allKeys), pick(allKeys)],
    copy: () => [
      'copy',
      pick(allKeys),
      pick(allKeys),
      ...(chance(0.4) ? ['REPLACE'] : []),
      ...(chance(0.05) ? ['DB', pick(['0', '16', 'x'])] : []),
    ],
    dbsize: () => ['dbsize'],
    get: () => ['get', pick(allKeys)],
    getex: () => [
      'getex',
      pick(['s1', 's2', 's3', 'z1']),
      ...(chance(0.5)
        ? [pick(['EX', 'PX', 'EXAT', 'PXAT']), pick(['100000', '0', '-1', 'x'])]
        : []),
      ...(chance(0.2) ? ['PERSIST'] : []),
    ],
    strlen: () => ['strlen', pick(['s1', 's2', 's3', 'z1', 'nokey'])],
    set: () => {
      const args: GenCommand = [
        'set',
        pick(otherKeys.slice(0, 2).concat(['s3'])),
        pick<GenArg>([
          'v',
          '1',
          '10',
          '-7',
          'abc',
          '9223372036854775807',
          '1.5',
          bytes(0xff, 0xfe),
          'x'.repeat(50),
        ]),
      ];
      if (chance(0.2)) args.push(pick(['NX', 'XX']));
      if (chance(0.2)) args.push(pick(['EX', 'PX']), pick(['100000', '9000000', '0', '-1', 'x']));
      if (chance(0.05)) args.push('GET');
      if (chance(0.05)) args.push('KEEPTTL');
      return args;
    },
    setex: () => ['setex', pick(['s1', 's3']), pick(['100000', '0', 'x']), pick(['v', '5'])],
    psetex: () => ['psetex', pick(['s1', 's3']), pick(['100000000', '-1']), 'v'],
    mset: () => {
      const args: GenCommand = ['mset', pick(['s1', 's2', 's3']), pick(['1', 'v', '7'])];
      if (chance(0.5)) args.push(pick(['s1', 's2']), pick(['2', 'w']));
      if (chance(0.05)) args.pop();
      return args;
    },
    incr: () => ['incr', pick(['s1', 's2', 's3', 'z1', 'h1'])],
    decr: () => ['decr', pick(['s1', 's2', 's3'])],
    incrby: () => [
      'incrby',
      pick(['s1', 's2', 's3']),
      pick(['5', '-3', '9223372036854775807', 'x', '1.5']),
    ],
    decrby: () => ['decrby', pick(['s1', 's2', 's3']), pick(['5', '-9223372036854775808', 'x'])],
    incrbyfloat: () => [
      'incrbyfloat',
      pick(['s1', 's2', 's3', 'f1']),
      pick(['0.1', '0.2', '-1.5', '1e308', 'inf', 'x', '10.50', '3', '1e-5', '0x10', '5.0e3']),
    ],
    mget: () => ['mget', pick(allKeys), pick(allKeys), pick(allKeys)],
    hset: () => {
      const args: GenCommand = ['hset', pick(['h1', 'h2', 'z1'])];
      const n = 1 + int(3);
      for (let i = 0; i < n; i++) {
        args.push(pick(['f1', 'f2', 'f3', '\u00e9']), pick(['1', 'v', '-2', '10', 'x'.repeat(70)]));
      }
      if (chance(0.05)) args.pop();
      return args;
    },
    hmset: () => [
      'hmset',
      pick(['h1', 'h2']),
      pick(['f1', 'f4']),
      pick(['1', 'w']),
      ...(chance(0.1) ? ['odd'] : []),
    ],
    hget: () => ['hget', pick(['h1', 'h2', 'z1']), pick(['f1', 'f2', 'nof'])],
    hmget: () => ['hmget', pick(['h1', 'h2', 'z1', 'nokey']), 'f1', 'f2', 'nof'],
    hexists: () => ['hexists', pick(['h1', 'h2', 'z1', 'nokey']), pick(['f1', 'nof'])],
    hlen: () => ['hlen', pick(['h1', 'h2', 'z1', 'nokey'])],
    hgetall: () => ['hgetall', pick(['h1', 'h2', 'z1', 'nokey'])],
    hincrby: () => [
      'hincrby',
      pick(['h1', 'h2']),
      pick(['f1', 'f2', 'cnt']),
      pick(['1', '-5', 'x', '9223372036854775807']),
    ],
    hdel: () => [
      'hdel',
      pick(['h1', 'h2', 'z1']),
      pick(['f1', 'f2', 'f3']),
      pick(['f1', '\u00e9']),
    ],
    sadd: () => [
      'sadd',
      pick(['set1', 'set2', 'z1']),
      pick(['1', '2', '3', 'a', '-5', '\u{1F600}']),
      pick(['4', '1', 'b']),
    ],
    srem: () => ['srem', pick(['set1', 'set2', 'z1']), pick(['1', 'a', '4'])],
    smembers: () => ['smembers', pick(['set1', 'set2', 'z1', 'nokey'])],
    sismember: () => ['sismember', pick(['set1', 'set2', 'z1']), pick(['1', 'a', 'zz'])],
    scard: () => ['scard', pick(['set1', 'set2', 'z1', 'nokey'])],
    object: () =>
      chance(0.8)
        ? ['object', pick(['encoding', 'refcount', 'idletime', 'ENCODING']), pick(allKeys)]
        : ['object', pick(['foo', 'encoding', 'help', 'freq'])],
    memory: () =>
      chance(0.9)
        ? [
            'memory',
            'usage',
            pick(allKeys),
            ...(chance(0.5) ? ['SAMPLES', pick(['0', '5', 'x', '-1'])] : []),
          ]
        : ['memory', pick(['help', 'foo'])],
    ping: () => (chance(0.5) ? ['ping'] : ['ping', member()]),
    echo: () => ['echo', member()],
    flushall: () => (chance(0.8) ? ['flushall'] : ['flushall', pick(['ASYNC', 'sync', 'now'])]),
    unknown: () => [pick(['foo', 'zfoo', 'ZADDX']), ...(chance(0.5) ? ['a', 'b\nc'] : [])],
    eval: () => script(),
    evalsha: () => [
      'evalsha',
      pick(['e0e1f9fabfc9d4800c877a703b823ac0578ff8db', 'ffff', 'x']),
      '0',
    ],
    script: () =>
      pick<GenCommand>([
        ['script', 'load', 'return 1'],
        ['script', 'exists', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', 'ffff'],
        ['script', 'load', 'return +'],
        ['script', 'flush', pick(['SYNC', 'ASYNC', 'x'])],
        ['script', 'foo'],
      ]),
  };

  /** Scripts: fixed ones from the guide and conversions, and random commands run through redis.pcall. */
  function script(): GenCommand {
    const fixed: GenCommand[] = [
      ['eval', 'return {1, 2.9, -3.7, "x", true, false, nil, 4}', '0'],
      ['eval', "return {err='My Error'}", '0'],
      ['eval', "return redis.error_reply('CODE msg')", '0'],
      ['eval', "return redis.status_reply('FINE')", '0'],
      ['eval', 'return redis.sha1hex(ARGV[1])', '0', member()],
      ['eval', 'return #KEYS + #ARGV', '2', key(), key(), 'a'],
      ['eval', 'return nosuchvar', '0'],
      ['eval', "return redis.call('nosuch')", '0'],
      ['eval', "return redis.call('zadd', KEYS[1])", '1', key()],
      ['eval', 'return 1 +', '0'],
      ['eval', 'return 1', '-1'],
      ['eval', 'return 1', '3', 'a'],
      [
        'eval',
        "local old = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '0') local new = tonumber(ARGV[2]) redis.call('ZADD', KEYS[1], 'GT', new, ARGV[1]) if new > old then return redis.call('ZINCRBY', KEYS[2], new - old, ARGV[3]) end return false",
        '2',
        pick(zkeys),
        pick(zkeys),
        member(),
        pick(['5', '10', '-2']),
        'guild',
      ],
      [
        'eval',
        "local r = redis.call('ZREVRANK', KEYS[1], ARGV[1]) if not r then return false end local from = math.max(0, r - tonumber(ARGV[2])) return { r, redis.call('ZREVRANGE', KEYS[1], from, r + tonumber(ARGV[2]), 'WITHSCORES') }",
        '1',
        pick(zkeys),
        member(),
        pick(['0', '1', '2']),
      ],
    ];
    if (chance(0.5)) return pick(fixed);
    // A random deterministic command, run through the script bridge.
    let inner = next();
    // Lex ranges over skiplists of mixed scores depend on Redis's random levels.
    while (
      LOOSE.has(inner[0].toLowerCase()) ||
      /^(eval|evalsha|script|multi|exec|flushall|zrangebylex|zrevrangebylex|zlexcount)$/i.test(
        inner[0],
      ) ||
      inner.some((a) => a === 'BYLEX')
    ) {
      inner = next();
    }
    return ['eval', 'return redis.pcall(unpack(ARGV))', '0', ...inner];
  }

  const weighted: [string, number][] = [
    ['zadd', 14],
    ['zincrby', 6],
    ['zscore', 3],
    ['zmscore', 2],
    ['zcard', 2],
    ['zcount', 3],
    ['zlexcount', 1],
    ['zrank', 3],
    ['zrevrank', 3],
    ['zrange', 7],
    ['zrangestore', 2],
    ['zrevrange', 2],
    ['zrangebyscore', 2],
    ['zrevrangebyscore', 2],
    ['zrangebylex', 1],
    ['zrevrangebylex', 1],
    ['zrem', 4],
    ['zremrangebyrank', 1],
    ['zremrangebyscore', 1],
    ['zremrangebylex', 1],
    ['zaddlex', 2],
    ['zpopmax', 1],
    ['zpopmin', 1],
    ['zmpop', 1],
    ['bzpopmin', 0.3],
    ['bzpopmax', 0.3],
    ['bzmpop', 0.3],
    ['zunionstore', 1.5],
    ['zinterstore', 1.5],
    ['zdiffstore', 1],
    ['zunion', 1],
    ['zinter', 1],
    ['zdiff', 1],
    ['zintercard', 1],
    ['zrandmember', 1],
    ['del', 1],
    ['unlink', 0.3],
    ['exists', 1],
    ['touch', 0.3],
    ['type', 1],
    ['keys', 1],
    ['scan', 0.5],
    ['zscan', 0.5],
    ['hscan', 0.3],
    ['sscan', 0.3],
    ['expire', 1],
    ['pexpire', 0.5],
    ['expireat', 0.5],
    ['pexpireat', 0.3],
    ['expiretime', 0.3],
    ['pexpiretime', 0.3],
    ['ttl', 0.5],
    ['pttl', 0.5],
    ['persist', 0.5],
    ['rename', 0.5],
    ['renamenx', 0.5],
    ['copy', 0.7],
    ['dbsize', 0.3],
    ['get', 1],
    ['getex', 0.5],
    ['strlen', 0.5],
    ['set', 1.5],
    ['setex', 0.3],
    ['psetex', 0.2],
    ['mset', 0.5],
    ['incr', 1],
    ['decr', 0.5],
    ['incrby', 0.5],
    ['decrby', 0.5],
    ['incrbyfloat', 1],
    ['mget', 0.5],
    ['hset', 1.5],
    ['hmset', 0.5],
    ['hget', 1],
    ['hmget', 0.5],
    ['hexists', 0.5],
    ['hlen', 0.5],
    ['hgetall', 1],
    ['hincrby', 1],
    ['hdel', 0.5],
    ['sadd', 1.5],
    ['srem', 0.5],
    ['smembers', 1],
    ['sismember', 0.5],
    ['scard', 0.5],
    ['object', 1.5],
    ['memory', 1],
    ['ping', 0.3],
    ['echo', 0.2],
    ['flushall', 0.05],
    ['unknown', 0.3],
    ['eval', 3],
    ['evalsha', 0.3],
    ['script', 0.3],
  ];
  const total = weighted.reduce((s, [, w]) => s + w, 0);

  function next(): GenCommand {
    let r = rnd() * total;
    let name = weighted[0]![0];
    for (const [n, w] of weighted) {
      r -= w;
      if (r < 0) {
        name = n;
        break;
      }
    }
    const argv = generators[name]!();
    if (chance(0.02)) argv.splice(1 + int(Math.max(1, argv.length - 1)), 1);
    else if (chance(0.01)) argv.push('extra');
    if (chance(0.1)) argv[0] = argv[0].toUpperCase();
    return argv;
  }

  return { next, chance, int, pick };
}
