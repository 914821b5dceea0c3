import { describe, expect, it } from 'vitest';
import type { AssessmentDimension, AssessmentMap, DimensionChange } from '../lib/bindings';
import { TEST_COLORS } from '../lib/chartColors';
import { dimensionRows, emptyDraft, placeMapError, previousOnToday, radarChart, readDraft, wheelChart, wrapLabel } from './mapData';

const dims: AssessmentDimension[] = [
  { position: 1, label: 'Trust' },
  { position: 2, label: 'Goals' },
  { position: 3, label: 'Momentum' },
];

function map(id: string, scores: number[], taken_at = '2026-05-01T10:00:00Z'): AssessmentMap {
  return {
    id,
    client_id: 'c',
    session_id: null,
    taken_at,
    note: '',
    template_version_id: 'v1',
    scores: scores.map((score, i) => ({ dimension: i + 1, score, note: i === 1 ? 'pushed too hard' : '' })),
  };
}

describe('dimensionRows', () => {
  it('follows the core: flagged only where the core says so', () => {
    const changes: DimensionChange[] = [
      { dimension: 1, label: 'Trust', latest: 7, previous: 7, change: 0, flagged: false },
      { dimension: 2, label: 'Goals', latest: 4, previous: 7, change: -3, flagged: true },
      // Even a fall of 5 is not flagged unless the core flags it.
      { dimension: 3, label: 'Momentum', latest: 2, previous: 7, change: -5, flagged: false },
    ];
    const rows = dimensionRows(dims, map('b', [7, 4, 2]), changes);
    expect(rows.map((r) => r.flagged)).toEqual([false, true, false]);
    expect(rows[1]).toMatchObject({ label: 'Goals', latest: 4, previous: 7, change: -3, note: 'pushed too hard' });
  });

  it('shows the scores alone for a first map, and nothing without a map', () => {
    const rows = dimensionRows(dims, map('a', [5, 6, 7]), []);
    expect(rows.map((r) => [r.latest, r.previous, r.flagged])).toEqual([
      [5, null, false],
      [6, null, false],
      [7, null, false],
    ]);
    expect(dimensionRows(dims, null, [])).toEqual([]);
  });
});

describe('radarChart', () => {
  it('draws the latest map filled in the accent over the previous one dashed', () => {
    const config = radarChart(dims, map('b', [7, 4, 2]), map('a', [7, 7, 7]), TEST_COLORS);
    expect(config.data.labels).toEqual([['Trust'], ['Goals'], ['Momentum']]);
    const [before, latest] = config.data.datasets;
    expect(before!.data).toEqual([7, 7, 7]);
    expect(before!.borderDash).toEqual([5, 4]);
    expect(before!.borderColor).toBe(TEST_COLORS.previous);
    expect(latest!.data).toEqual([7, 4, 2]);
    expect(latest!.borderColor).toBe(TEST_COLORS.series[0]);
    expect(config.options?.scales?.r?.max).toBe(10);
  });

  it('draws a first map alone', () => {
    const config = radarChart(dims, map('a', [5, 6, 7]), null, TEST_COLORS);
    expect(config.data.datasets).toHaveLength(1);
  });
});

describe('wheelChart', () => {
  it('gives each dimension an equal segment filled to its score, the flagged one warm', () => {
    const changes: DimensionChange[] = [
      { dimension: 1, label: 'Trust', latest: 7, previous: 7, change: 0, flagged: false },
      { dimension: 2, label: 'Goals', latest: 4, previous: 7, change: -3, flagged: true },
      { dimension: 3, label: 'Momentum', latest: 8, previous: 6, change: 2, flagged: false },
    ];
    const rows = dimensionRows(dims, map('b', [7, 4, 8]), changes);
    const config = wheelChart(rows, TEST_COLORS, '1 May');
    expect(config.type).toBe('polarArea');
    expect(config.data.labels).toEqual([['Trust'], ['Goals'], ['Momentum']]);
    const [latest] = config.data.datasets;
    expect(latest!.data).toEqual([7, 4, 8]);
    expect(latest!.borderColor).toEqual([TEST_COLORS.series[0], TEST_COLORS.flagged, TEST_COLORS.series[0]]);
    expect(config.options?.scales?.r?.min).toBe(0);
    expect(config.options?.scales?.r?.max).toBe(10);
  });
});

describe('the new-map form', () => {
  it('turns a complete form into seven scores with trimmed notes', () => {
    const draft = emptyDraft(3);
    draft.scores = ['7', ' 4 ', '10'];
    draft.notes = ['', ' too hard ', ''];
    expect(readDraft(draft)).toEqual({
      scores: [
        { dimension: 1, score: 7, note: '' },
        { dimension: 2, score: 4, note: 'too hard' },
        { dimension: 3, score: 10, note: '' },
      ],
      errors: {},
    });
  });

  it('reads numbers and empty values as a number input gives them', () => {
    const draft = emptyDraft(3);
    draft.scores = [7, null, 10];
    const { scores, errors } = readDraft(draft);
    expect(scores.map((s) => s.score)).toEqual([7, 10]);
    expect(Object.keys(errors)).toEqual(['2']);
  });

  it('names each missing or impossible score by its dimension', () => {
    const draft = emptyDraft(3);
    draft.scores = ['', '11', '6.5'];
    const { errors } = readDraft(draft);
    expect(Object.keys(errors)).toEqual(['1', '2', '3']);
    expect(errors[1]).toMatch(/1 to 10/);
  });

  it('places a core error under its dimension', () => {
    expect(placeMapError({ kind: 'invalid', message: 'x', field: 'scores.4' })).toEqual({ dimension: 4, message: 'x' });
    expect(placeMapError({ kind: 'storage', message: 'disk' })).toEqual({ dimension: null, message: 'disk' });
  });
});

describe('wrapLabel', () => {
  it('breaks long names between words and keeps short ones whole', () => {
    expect(wrapLabel('Follow-through between sessions', 16)).toEqual(['Follow-through', 'between sessions']);
    expect(wrapLabel('Trust and safety', 16)).toEqual(['Trust and safety']);
    expect(wrapLabel('', 16)).toEqual([]);
  });
});

describe('maps on other templates', () => {
  it('accepts 0 on a template scored from 0, and refuses it on one scored from 1', () => {
    const draft = { scores: ['0', '10', '5'], notes: ['', '', ''], note: '' };
    expect(readDraft(draft, 0).errors).toEqual({});
    expect(Object.keys(readDraft(draft, 1).errors)).toEqual(['1']);
  });

  it('draws the previous map on today\u2019s dimensions as the core matched them', () => {
    const previous = {
      id: 'm1',
      client_id: 'c',
      session_id: null,
      taken_at: '2026-03-01T10:00:00Z',
      note: '',
      template_version_id: 'v1',
      scores: [{ dimension: 3, score: 8, note: 'was third' }],
    };
    const moved = previousOnToday(previous, [{ dimension: 1, label: 'Health', latest: 5, previous: 8, change: -3, flagged: true }]);
    expect(moved.scores).toEqual([{ dimension: 1, score: 8, note: '' }]);
  });
});
