import { describe, expect, it } from 'vitest';
import {
  addConsoleLine,
  historyWithUnstored,
  markSection,
  reachSectionEnd,
  setPrerequisite,
} from './operations';
import { CONSOLE_LINE_MAX, emptyProgress } from './schema';

describe('operations', () => {
  it('keeps console history like pushHistory: trimmed, no repeats, long lines not stored', () => {
    let p = addConsoleLine(emptyProgress, '  PING ', 1);
    p = addConsoleLine(p, 'PING', 2);
    p = addConsoleLine(p, 'x'.repeat(CONSOLE_LINE_MAX + 1), 3);
    p = addConsoleLine(p, '   ', 4);
    expect(p.consoleHistory).toEqual([{ line: 'PING', at: 1 }]);
    for (let i = 0; i < 150; i++) p = addConsoleLine(p, `ECHO ${i}`, 10 + i);
    expect(p.consoleHistory).toHaveLength(100);
    expect(p.consoleHistory.at(-1)?.line).toBe('ECHO 149');
  });

  it('puts a line too long to store back where it was typed', () => {
    const p = addConsoleLine(addConsoleLine(emptyProgress, 'A', 1), 'C', 5);
    expect(
      historyWithUnstored(p, [
        { line: 'B-long', afterAt: 1 },
        { line: 'first-long', afterAt: 0 },
      ]),
    ).toEqual(['first-long', 'A', 'B-long', 'C']);
  });

  it('does not let reaching the end overrule a section the reader marked unread', () => {
    const unmarked = markSection(markSection(emptyProgress, '/x/', true, 1), '/x/', false, 2);
    expect(reachSectionEnd(unmarked, '/x/', 3)).toBe(unmarked);
    const reached = reachSectionEnd(emptyProgress, '/y/', 3);
    expect(reached.sections['/y/']).toEqual({ on: true, at: 3, how: 'end' });
    expect(reachSectionEnd(reached, '/y/', 4)).toBe(reached);
  });

  it('returns the same document when nothing changes', () => {
    const p = setPrerequisite(emptyProgress, 'a', true, 1);
    expect(setPrerequisite(p, 'a', true, 2)).toBe(p);
    expect(setPrerequisite(emptyProgress, 'a', false, 2)).toBe(emptyProgress);
  });
});
