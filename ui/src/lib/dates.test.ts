import { describe, expect, it } from 'vitest';
import { formatDate, parseIsoDate, todayIso } from './dates';

describe('dates', () => {
  it('reads a calendar date in local time', () => {
    const d = parseIsoDate('2024-03-01');
    expect([d?.getFullYear(), d?.getMonth(), d?.getDate()]).toEqual([2024, 2, 1]);
  });

  it('rejects impossible dates', () => {
    expect(parseIsoDate('2024-02-30')).toBeNull();
    expect(parseIsoDate('yesterday')).toBeNull();
  });

  it('formats for people and passes odd text through', () => {
    expect(formatDate('2024-03-01', 'en-GB')).toBe('1 March 2024');
    expect(formatDate(null)).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('today', () => {
  it('writes a local date as YYYY-MM-DD with padding', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
