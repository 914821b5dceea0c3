import { describe, expect, it } from 'vitest';
import { dateFormatter, formatDate, formatInstantDate, formatTime, parseIsoDate, todayIso } from './dates';

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

describe('dateFormatter', () => {
  it('makes one formatter per locale and style and hands it out again', () => {
    expect(dateFormatter('long', 'en-GB')).toBe(dateFormatter('long', 'en-GB'));
    expect(dateFormatter('long', 'de-DE')).not.toBe(dateFormatter('long', 'en-GB'));
    expect(dateFormatter('time', 'en-GB')).not.toBe(dateFormatter('long', 'en-GB'));
  });

  it('keeps each locale its own way of writing a date after another locale was used', () => {
    expect(formatDate('2024-03-01', 'de-DE')).toBe('1. März 2024');
    expect(formatDate('2024-03-01', 'en-GB')).toBe('1 March 2024');
    expect(formatDate('2024-03-01', 'de-DE')).toBe('1. März 2024');
    expect(formatInstantDate('2024-03-01T12:00:00', 'en-GB')).toBe('1 March 2024');
    expect(formatTime('2024-03-01T14:05:00', 'en-GB')).toBe('14:05');
  });
});

describe('today', () => {
  it('writes a local date as YYYY-MM-DD with padding', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
