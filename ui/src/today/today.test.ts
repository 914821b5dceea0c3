import { describe, expect, it } from 'vitest';
import type { DaySession } from '../lib/bindings';
import { FIRST_ROWS, attentionCount, checklistProgress, dayLabel, lateness, longDay, rowLine, shownRows, splitWeek } from './today';

function day(held_on: string, client_name: string): DaySession {
  return { session: { held_on } as DaySession['session'], client_name, homework_count: 0 };
}

describe('splitWeek', () => {
  it('puts today apart from the days before and after, keeping the order', () => {
    const sessions = [day('2026-11-16', 'A'), day('2026-11-19', 'B'), day('2026-11-19', 'C'), day('2026-11-21', 'D')];
    const split = splitWeek({ date: '2026-11-19', sessions });
    expect(split.today.map((s) => s.client_name)).toEqual(['B', 'C']);
    expect(split.earlier.map((s) => s.client_name)).toEqual(['A']);
    expect(split.later.map((s) => s.client_name)).toEqual(['D']);
  });

  it('is empty for an empty week', () => {
    expect(splitWeek({ date: '2026-11-19', sessions: [] })).toEqual({ today: [], earlier: [], later: [] });
  });
});

describe('labels', () => {
  it('names days short and long', () => {
    expect(dayLabel('2026-11-16', 'en-GB')).toBe('Mon 16 Nov');
    expect(longDay('2026-11-21', 'en-GB')).toBe('Saturday 21 November');
    expect(dayLabel('not a date')).toBe('not a date');
  });

  it('counts days late in words', () => {
    expect(lateness(1)).toBe('1 day late');
    expect(lateness(7)).toBe('7 days late');
  });

  it('counts what asks for action, not the sessions', () => {
    expect(attentionCount({ flagged_maps: [{}, {}] as never, overdue_directives: [{}] as never, unsent_letters: [] })).toBe(3);
  });
});

describe('shownRows', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `row ${i + 1}`);

  it('shows the first few rows of a long card until the coach asks for all', () => {
    expect(shownRows(rows, false)).toEqual(rows.slice(0, FIRST_ROWS));
    expect(shownRows(rows, true)).toEqual(rows);
  });

  it('shows a short card whole', () => {
    expect(shownRows(rows.slice(0, 3), false)).toEqual(rows.slice(0, 3));
  });
});

describe('checklistProgress', () => {
  const items = [
    { label: 'Reread the hypothesis', done: true },
    { label: 'Check the homework', done: false },
    { label: 'Print the map', done: false },
  ];

  it('counts what is ticked off for a call still to come', () => {
    expect(checklistProgress({ ahead: true, prep_checklist: items })).toBe('checklist 1 of 3 done');
    expect(checklistProgress({ ahead: true, prep_checklist: items.map((item) => ({ ...item, done: true })) })).toBe(
      'checklist 3 of 3 done',
    );
  });

  it('says nothing once the call is held or when its list is empty', () => {
    expect(checklistProgress({ ahead: false, prep_checklist: items })).toBe('');
    expect(checklistProgress({ ahead: true, prep_checklist: [] })).toBe('');
  });
});

describe('rowLine', () => {
  it('joins the parts given, leaving out the empty ones', () => {
    expect(rowLine('Strategy', '', 'checklist 1 of 2 done')).toBe('Strategy · checklist 1 of 2 done');
    expect(rowLine('Strategy')).toBe('Strategy');
  });
});
