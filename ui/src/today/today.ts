// How the Today page groups and words what the core found: today's sessions apart from the
// rest of the week, and short labels for days and lateness.
import type { DaySession, Session, TodayView } from '../lib/bindings';
import { dateFormatter, parseIsoDate } from '../lib/dates';

export type WeekSplit = { today: DaySession[]; earlier: DaySession[]; later: DaySession[] };

/** This week's sessions: the ones held today, the ones before it and the ones still to come. */
export function splitWeek(view: Pick<TodayView, 'date' | 'sessions'>): WeekSplit {
  const split: WeekSplit = { today: [], earlier: [], later: [] };
  for (const s of view.sessions) {
    if (s.session.held_on === view.date) split.today.push(s);
    else if (s.session.held_on < view.date) split.earlier.push(s);
    else split.later.push(s);
  }
  return split;
}

/** How many rows a card of the Today page shows before its "Show all" button. */
export const FIRST_ROWS = 8;

/** The rows a card shows: every one once the coach asked for all, else the first few. */
export function shownRows<T>(rows: readonly T[], expanded: boolean): readonly T[] {
  return expanded ? rows : rows.slice(0, FIRST_ROWS);
}

/** "Mon 16 Nov" for a day of this week. */
export function dayLabel(iso: string, locale?: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return dateFormatter('weekdayShort', locale).format(date);
}

/** "Saturday 21 November" for the page's heading. */
export function longDay(iso: string, locale?: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return dateFormatter('weekdayLong', locale).format(date);
}

/** "1 day late" / "12 days late". */
export function lateness(days: number): string {
  return days === 1 ? '1 day late' : `${days} days late`;
}

/** "checklist 1 of 3 done" for a call still to come that has a checklist, so the coach sees which
 *  calls of the day still need preparing; empty for one held or with nothing on its list. */
export function checklistProgress(session: Pick<Session, 'ahead' | 'prep_checklist'>): string {
  const items = session.prep_checklist;
  if (!session.ahead || items.length === 0) return '';
  return `checklist ${items.filter((item) => item.done).length} of ${items.length} done`;
}

/** A row's second line from its parts, the empty ones left out: "Strategy · 10:00 · homework: 2 items". */
export function rowLine(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' · ');
}

/** How many things on the page ask for something to be done (sessions are only information). */
export function attentionCount(view: Pick<TodayView, 'flagged_maps' | 'overdue_directives' | 'unsent_letters'>): number {
  return view.flagged_maps.length + view.overdue_directives.length + view.unsent_letters.length;
}
