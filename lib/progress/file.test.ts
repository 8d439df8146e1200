import { describe, expect, it } from 'vitest';
import { PROGRESS_FILE_FORMAT, progressFileName, progressFileText, readProgressFile } from './file';
import { addConsoleLine, markSection, openSelfCheck } from './operations';
import { emptyProgress } from './schema';

const sample = openSelfCheck(
  addConsoleLine(markSection(emptyProgress, '/interview-skills/', true, 10), 'PING', 11),
  '/interview-skills/self-check/#q1',
  12,
);

describe('progress files', () => {
  it('round-trips a document', () => {
    const text = progressFileText(sample, Date.UTC(2026, 11, 4));
    const read = readProgressFile(text);
    expect(read).toEqual({ ok: true, progress: sample });
    expect(JSON.parse(text)).toMatchObject({ format: PROGRESS_FILE_FORMAT, version: 1 });
    expect(progressFileName(Date.UTC(2026, 11, 4))).toBe(
      'leaderboard-lab-progress-2026-12-04.json',
    );
  });

  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['{"format":"leaderboard-lab-progress","version":1,"progress":{', /not valid JSON/],
    ['[1,2,3]', /not a Leaderboard Lab progress file/],
    ['{"version":1,"sections":{}}', /not a Leaderboard Lab progress file/],
    [
      '{"format":"leaderboard-lab-progress","version":7,"progress":{"version":7}}',
      /newer version of the site \(schema 7/,
    ],
    ['{"format":"leaderboard-lab-progress","progress":{"sections":{}}}', /no schema version/],
    [
      '{"format":"leaderboard-lab-progress","progress":{"version":1,"sections":{"/a/":{"on":1}}}}',
      /malformed: sections\["\/a\/"\]/,
    ],
  ])('refuses %j with a reason', (text, reason) => {
    const read = readProgressFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });
});
