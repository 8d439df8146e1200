import { describe, expect, it } from 'vitest';
import { shortDate } from './dates';

describe('shortDate', () => {
  // Every month, first and last days, a leap day, and times near midnight either side.
  const instants = [
    ...Array.from({ length: 12 }, (_, m) => new Date(2026, m, 1, 0, 0, 1).getTime()),
    ...Array.from({ length: 12 }, (_, m) => new Date(2026, m + 1, 0, 23, 59, 59).getTime()),
    new Date(2028, 1, 29, 12).getTime(),
    Date.UTC(2026, 11, 31, 23, 30),
    Date.UTC(1999, 0, 1, 0, 30),
    0,
  ];

  it('prints what the en-GB Intl formatter prints, in local time', () => {
    const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
    const withYear = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    for (const ms of instants) {
      expect(shortDate(ms)).toBe(dayMonth.format(ms));
      expect(shortDate(ms, { year: true })).toBe(withYear.format(ms));
    }
  });

  it('reads a known date', () => {
    expect(shortDate(new Date(2026, 11, 5, 13).getTime())).toBe('5 Dec');
    expect(shortDate(new Date(2026, 8, 30, 13).getTime(), { year: true })).toBe('30 Sept 2026');
  });
});
