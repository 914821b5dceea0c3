// Where a chart's time axis puts its grid lines: on whole days, months or years in the person's
// own time zone, a step a reader can count (1, 2, 7 or 14 days; 1, 2, 3 or 6 months; 1, 2, 5…
// years), each labelled as finely as its step needs. Chart.js's linear axis alone puts them at
// round numbers of milliseconds, which fall at odd hours and read as uneven days.
import type { DateStyle } from './dates';

const DAY_MS = 86_400_000;
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6];
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100];

export type TimeTicks = { values: number[]; style: DateStyle };

/** The local midnight that starts the day of `ms`. */
export function startOfDay(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** The local midnight that ends the day of `ms`. */
export function endOfDay(ms: number): number {
  const day = new Date(startOfDay(ms));
  day.setDate(day.getDate() + 1);
  return day.getTime();
}

/** Midnights from the first one at or after `min`, `step` days apart, up to `max`. */
function everyDays(min: number, max: number, step: number): number[] {
  const day = new Date(startOfDay(min));
  if (day.getTime() < min) day.setDate(day.getDate() + 1);
  const values: number[] = [];
  // Stepped with the calendar, not in fixed milliseconds, so a change of clocks moves no line.
  for (; day.getTime() <= max; day.setDate(day.getDate() + step)) values.push(day.getTime());
  return values;
}

/** First days of the months from `min` to `max` whose number (counted from year 0) `step` divides. */
function everyMonths(min: number, max: number, step: number): number[] {
  const start = new Date(min);
  let month = start.getFullYear() * 12 + start.getMonth();
  if (new Date(start.getFullYear(), start.getMonth(), 1).getTime() < min) month += 1;
  month = Math.ceil(month / step) * step;
  const values: number[] = [];
  for (; ; month += step) {
    const first = new Date(Math.floor(month / 12), month % 12, 1).getTime();
    if (first > max) return values;
    values.push(first);
  }
}

/** About `most` grid lines at most between `min` and `max` (milliseconds), with how to label them. */
export function timeTicks(min: number, max: number, most = 8): TimeTicks {
  const days = Math.max(max - min, 0) / DAY_MS;
  const gaps = Math.max(most - 1, 1);
  for (const step of DAY_STEPS) {
    if (days / step <= gaps) return { values: everyDays(min, max, step), style: 'dayMonth' };
  }
  const months = days / 30.44;
  for (const step of MONTH_STEPS) {
    if (months / step <= gaps) return { values: everyMonths(min, max, step), style: 'monthYear' };
  }
  const years = days / 365.25;
  const step = YEAR_STEPS.find((s) => years / s <= gaps) ?? YEAR_STEPS[YEAR_STEPS.length - 1]!;
  return { values: everyMonths(min, max, step * 12), style: 'year' };
}
