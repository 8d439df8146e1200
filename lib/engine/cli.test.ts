import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToBytes } from './bytes';
import { MAX_LINE_LENGTH, formatReply, parseCliLine, quoteBulk, runLine } from './cli';
import { Engine } from './engine';
import { ErrorReply, StatusReply } from './reply';

describe('parseCliLine (redis-cli sdssplitargs)', () => {
  const ok = (line: string) => {
    const r = parseCliLine(line);
    if (!r.ok) throw new Error(r.error);
    return r.argv;
  };

  it('splits on whitespace and reads both quote styles', () => {
    expect(ok('  zadd  lb 1 "a b"  ')).toEqual(['zadd', 'lb', '1', 'a b']);
    expect(ok(`set k 'it\\'s'`)).toEqual(['set', 'k', "it's"]);
    expect(ok('set k ""')).toEqual(['set', 'k', '']);
    expect(ok('a"b c"')).toEqual(['ab c']);
  });

  it('decodes escapes in double quotes, \\xHH as raw bytes, and typed text as UTF-8 bytes', () => {
    expect(ok('"\\n\\t\\r\\a\\b\\"\\\\\\q"')).toEqual(['\n\t\r\x07\b"\\q']);
    expect(ok('"\\xe2\\x82\\xac"')).toEqual([textToBytes('\u20ac')]);
    expect(ok('"\\xf0\\x9f\\x98\\x80x"')).toEqual([textToBytes('\u{1F600}x')]);
    expect(ok('"\\xff\\xfe"')).toEqual(['\xff\xfe']);
    expect(ok('\u20ac')).toEqual(['\xe2\x82\xac']);
    expect(ok("'\\n'")).toEqual(['\\n']);
  });

  it('refuses unbalanced quotes and text glued to a closing quote', () => {
    for (const bad of ['"abc', "'abc", '"a"b', "'a'b", 'set "k']) {
      expect(parseCliLine(bad)).toEqual({ ok: false, error: 'Invalid argument(s)' });
    }
  });

  it('accepts lines over 64 KB as redis-cli does, up to its own stated limit', () => {
    expect(ok(`set k ${'x'.repeat(65 * 1024)}`)[2]).toHaveLength(65 * 1024);
    const tooLong = parseCliLine('x'.repeat(MAX_LINE_LENGTH + 1));
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.error).toMatch(/accepts lines up to 4194304/);
  });
});

describe('formatReply (redis-cli TTY output)', () => {
  it('prints each reply type as redis-cli does', () => {
    expect(formatReply(1)).toBe('(integer) 1');
    expect(formatReply(9223372036854775807n)).toBe('(integer) 9223372036854775807');
    expect(formatReply('a')).toBe('"a"');
    expect(formatReply(null)).toBe('(nil)');
    expect(formatReply(new StatusReply('OK'))).toBe('OK');
    expect(formatReply(new ErrorReply('ERR syntax error'))).toBe('(error) ERR syntax error');
    expect(formatReply([])).toBe('(empty array)');
  });

  it('pads indexes to the widest and indents nested arrays under their number', () => {
    const ten = Array.from({ length: 10 }, (_, i) => String(i));
    expect(formatReply(ten).split('\n').slice(8)).toEqual([' 9) "8"', '10) "9"']);
    expect(formatReply(['0', ['a', 'b'], [], [new ErrorReply('ERR x')]])).toBe(
      ['1) "0"', '2) 1) "a"', '   2) "b"', '3) (empty array)', '4) 1) (error) ERR x'].join('\n'),
    );
  });

  it('quotes bulk strings byte by byte', () => {
    expect(quoteBulk('a\nb"c\\')).toBe('"a\\nb\\"c\\\\"');
    expect(quoteBulk(textToBytes('\u20acx'))).toBe('"\\xe2\\x82\\xacx"');
    expect(quoteBulk(textToBytes('\u{1F600}'))).toBe('"\\xf0\\x9f\\x98\\x80"');
  });
});

describe('runLine', () => {
  it('never throws, whatever is typed', () => {
    const engine = new Engine();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (line) => {
        const r = runLine(engine, line);
        expect(typeof r.text).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('answers HELP from the command table, inside MULTI too, as redis-cli does', () => {
    const engine = new Engine();
    expect(runLine(engine, 'HELP zrevrank').text).toContain('complexity: O(log(N))');
    expect(runLine(engine, 'help').text).toContain('ZADD key');
    expect(runLine(engine, 'multi').text).toBe('OK');
    expect(runLine(engine, 'help zadd').text).toContain('ZADD key');
    expect(runLine(engine, 'set k v').text).toBe('QUEUED');
    expect(runLine(engine, 'exec').text).toBe('1) OK');
  });

  it('reads a value set as bytes back as redis-cli prints it', () => {
    const engine = new Engine();
    runLine(engine, 'set k "\\xff\\xfe"');
    expect(runLine(engine, 'get k').text).toBe('"\\xff\\xfe"');
    expect(runLine(engine, 'strlen k').text).toBe('(integer) 2');
  });
});
