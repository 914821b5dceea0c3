import { describe, expect, it } from 'vitest';
import type { ClientHistory, FocusArea, RatingEntry, Session } from '../lib/bindings';
import { TEST_COLORS } from '../lib/chartColors';
import { client } from '../clients/fixtures.test-helpers';
import { TARGET_SUFFIX, historyChart, historyRows } from './historyData';
import { endOfDay, startOfDay } from '../lib/timeTicks';

function area(id: string, title: string, target: number | null = null): FocusArea {
  return {
    id,
    client_id: 'c',
    title,
    position: 1,
    desired_outcome: '',
    why_it_matters: '',
    path_and_evidence: '',
    barriers: '',
    ten_looks_like: '',
    ten_in_three_months: '',
    three_month_target: target,
    notes: '',
    retired_at: null,
    created_at: '',
    updated_at: '',
  };
}

const r = (id: string, area: string, value: number, taken_at: string, session_id: string | null = null): RatingEntry => ({
  id,
  focus_area_id: area,
  session_id,
  value,
  taken_at,
  note: '',
});

const session: Session = {
  id: 's1',
  client_id: 'c',
  held_on: '2026-03-02',
  kind: 'strategy',
  prep_checklist: [],
  notes: '',
  time: null,
  ahead: false,
  created_at: '',
  updated_at: '',
};

const history: ClientHistory = {
  client: client(),
  areas: [
    { area: area('a', 'Health', 8), ratings: [r('1', 'a', 4, '2026-03-02T10:00:00Z', 's1'), r('3', 'a', 6, '2026-04-01T10:00:00Z')] },
    { area: area('b', 'Career'), ratings: [r('2', 'b', 5, '2026-03-02T10:10:00Z', 's1')] },
    { area: area('c', 'Unrated', 9), ratings: [] },
  ],
  sessions: [session],
  flagged_maps: [],
};

describe('historyRows', () => {
  it('lists every rating oldest first across areas, with its session', () => {
    const rows = historyRows(history);
    expect(rows.map((x) => [x.area, x.value])).toEqual([
      ['Health', 4],
      ['Career', 5],
      ['Health', 6],
    ]);
    expect(rows[0]!.session).toContain('2026');
    expect(rows[0]!.session).toContain('Strategy');
    expect(rows[2]!.session).toBe('Between sessions');
  });
});

describe('historyChart', () => {
  const config = historyChart(history, TEST_COLORS, 'en-GB');
  const datasets = config.data.datasets;

  it('draws one line per rated area with its points in time order', () => {
    const lines = datasets.filter((d) => !String(d.label).endsWith(TARGET_SUFFIX));
    expect(lines.map((d) => d.label)).toEqual(['Health', 'Career']);
    expect(lines[0]!.data).toEqual([
      { x: Date.parse('2026-03-02T10:00:00Z'), y: 4 },
      { x: Date.parse('2026-04-01T10:00:00Z'), y: 6 },
    ]);
  });

  it('adds a dashed target line in the area colour across the whole time span', () => {
    const target = datasets.find((d) => d.label === 'Health' + TARGET_SUFFIX)!;
    expect(target.borderDash).toEqual([6, 5]);
    expect(target.borderColor).toBe(TEST_COLORS.series[0]);
    expect(target.data).toEqual([
      { x: startOfDay(Date.parse('2026-03-02T10:00:00Z')), y: 8 },
      { x: endOfDay(Date.parse('2026-04-01T10:00:00Z')), y: 8 },
    ]);
    // No target line for an area without ratings, nor for one without a target.
    expect(datasets.filter((d) => String(d.label).endsWith(TARGET_SUFFIX))).toHaveLength(1);
  });

  it('takes colours from the theme and keeps the 1–10 scale', () => {
    expect(datasets[0]!.borderColor).toBe(TEST_COLORS.series[0]);
    expect(datasets.find((d) => d.label === 'Career')!.borderColor).toBe(TEST_COLORS.series[1]);
    const y = config.options?.scales?.y;
    expect([y?.min, y?.max]).toEqual([1, 10]);
    expect(config.options?.scales?.x?.grid?.color).toBe(TEST_COLORS.grid);
  });

  it('runs its time axis over whole days, with a line at each week', () => {
    const x = config.options!.scales!.x!;
    expect([x.min, x.max]).toEqual([startOfDay(Date.parse('2026-03-02T10:00:00Z')), endOfDay(Date.parse('2026-04-01T10:00:00Z'))]);
    const axis = { ticks: [] as { value: number }[] };
    (x.afterBuildTicks as (axis: unknown) => void)(axis);
    expect(axis.ticks.length).toBeGreaterThan(1);
    for (const [i, { value }] of axis.ticks.entries()) {
      expect(new Date(value).getHours()).toBe(0);
      if (i > 0) expect(Math.round((value - axis.ticks[i - 1]!.value) / 86_400_000)).toBe(7);
    }
  });

  it('draws whole the points on its edges: the first and last ratings, a 10 and a 1', () => {
    const lines = datasets.filter((d) => !String(d.label).endsWith(TARGET_SUFFIX));
    expect(lines.map((d) => d.clip)).toEqual([false, false]);
  });

  it('names a point by its full date, the year included', () => {
    const title = config.options!.plugins!.tooltip!.callbacks!.title as unknown as (items: { parsed: { x: number } }[]) => string;
    expect(title([{ parsed: { x: Date.parse('2026-03-02T10:00:00Z') } }])).toBe('2 March 2026');
  });

  it('copes with no ratings at all', () => {
    const empty = historyChart({ ...history, areas: [] }, TEST_COLORS);
    expect(empty.data.datasets).toEqual([]);
  });
});
