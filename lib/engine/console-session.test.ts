import { describe, expect, it } from 'vitest';
import { clipReply, completeCommand, pushHistory } from './console-session';

describe('completeCommand', () => {
  it('completes a unique prefix and adds a space', () => {
    expect(completeCommand('zincr')).toEqual({ line: 'ZINCRBY ', matches: ['ZINCRBY'] });
  });
  it('extends to the common prefix of several matches and lists them', () => {
    const r = completeCommand('zrevrange');
    expect(r.matches).toEqual(['ZREVRANGE', 'ZREVRANGEBYLEX', 'ZREVRANGEBYSCORE']);
    expect(r.line).toBe('ZREVRANGE');
    expect(completeCommand('zrevra').matches).toHaveLength(4);
  });
  it('leaves arguments and unknown words alone', () => {
    expect(completeCommand('ZADD lead')).toEqual({ line: 'ZADD lead', matches: [] });
    expect(completeCommand('nosuch')).toEqual({ line: 'nosuch', matches: [] });
    expect(completeCommand('')).toEqual({ line: '', matches: [] });
  });
});

describe('pushHistory', () => {
  it('skips blanks and repeats and keeps the newest entries', () => {
    let h: string[] = [];
    for (const l of ['a', 'a', ' ', 'b', 'c']) h = pushHistory(h, l, 2);
    expect(h).toEqual(['b', 'c']);
  });
});

describe('clipReply', () => {
  it('passes short replies through', () => {
    expect(clipReply('1) "a"\n2) "b"')).toEqual({ text: '1) "a"\n2) "b"', omittedLines: 0 });
  });
  it('clips long replies and counts what it left out', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${i + 1}) "m${i}"`).join('\n');
    const clipped = clipReply(text, 10);
    expect(clipped.text.split('\n')).toHaveLength(10);
    expect(clipped.omittedLines).toBe(990);
  });
  it('clips a single enormous line by characters', () => {
    const clipped = clipReply('x'.repeat(100_000), 400, 1000);
    expect(clipped.text.length).toBe(1000);
  });
});
