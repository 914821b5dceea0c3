import { describe, expect, it } from 'vitest';
import { endOfDay, startOfDay, timeTicks } from './timeTicks';

const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const days = (values: number[]) => values.map((v) => new Date(v).toDateString());

describe('timeTicks', () => {
  it('puts a line on every day of a short span, at midnight', () => {
    const ticks = timeTicks(at(2026, 11, 22, 10), at(2026, 11, 25, 10));
    expect(ticks.style).toBe('dayMonth');
    expect(ticks.values).toEqual([at(2026, 11, 23), at(2026, 11, 24), at(2026, 11, 25)]);
  });

  it('steps two days, then a week, then a fortnight as the span grows', () => {
    const fortnight = timeTicks(at(2026, 11, 22), at(2026, 12, 6));
    expect(days(fortnight.values)).toEqual(days([at(2026, 11, 22), at(2026, 11, 24), at(2026, 11, 26), at(2026, 11, 28), at(2026, 11, 30), at(2026, 12, 2), at(2026, 12, 4), at(2026, 12, 6)]));
    const sevenWeeks = timeTicks(at(2026, 1, 1), at(2026, 2, 19));
    expect(sevenWeeks.values.map((v, i, all) => (i ? (v - all[i - 1]!) / 86_400_000 : 0)).slice(1)).toEqual(Array(7).fill(7));
    expect(timeTicks(at(2026, 1, 1), at(2026, 3, 30)).values).toHaveLength(7);
  });

  it('keeps whole days across a change of clocks', () => {
    // Each value is a local midnight whatever the time zone's rules.
    for (const value of timeTicks(at(2026, 3, 20), at(2026, 4, 5)).values) {
      expect(new Date(value).getHours()).toBe(0);
    }
  });

  it('goes to months, labelled with the year, past a few months', () => {
    const ticks = timeTicks(at(2026, 1, 15), at(2026, 8, 1));
    expect(ticks.style).toBe('monthYear');
    expect(days(ticks.values)).toEqual(days([2, 3, 4, 5, 6, 7, 8].map((m) => at(2026, m, 1))));
    expect(days(timeTicks(at(2026, 1, 15), at(2026, 9, 1)).values)).toEqual(days([3, 5, 7, 9].map((m) => at(2026, m, 1))));
    const quarters = timeTicks(at(2025, 2, 10), at(2026, 9, 1));
    expect(days(quarters.values)).toEqual(days([[2025, 4], [2025, 7], [2025, 10], [2026, 1], [2026, 4], [2026, 7]].map(([y, m]) => at(y!, m!, 1))));
  });

  it('goes to years over ten years of ratings, never more than about the lines asked for', () => {
    const ticks = timeTicks(at(2016, 6, 1), at(2026, 6, 1));
    expect(ticks.style).toBe('year');
    expect(days(ticks.values)).toEqual(days([2018, 2020, 2022, 2024, 2026].map((y) => at(y, 1, 1))));
    expect(timeTicks(at(1900, 1, 1), at(2026, 1, 1)).values.length).toBeLessThanOrEqual(8);
  });

  it('copes with a single moment', () => {
    expect(timeTicks(at(2026, 5, 5, 9), at(2026, 5, 5, 9))).toEqual({ values: [], style: 'dayMonth' });
    expect(timeTicks(at(2026, 5, 5), at(2026, 5, 5)).values).toEqual([at(2026, 5, 5)]);
  });

  it('finds the midnights around a moment', () => {
    expect(startOfDay(at(2026, 12, 31, 15))).toBe(at(2026, 12, 31));
    expect(endOfDay(at(2026, 12, 31, 15))).toBe(at(2027, 1, 1));
  });
});
