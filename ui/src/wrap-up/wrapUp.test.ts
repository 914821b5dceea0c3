import { describe, expect, it } from 'vitest';
import type { FocusArea, RatingEntry, WrapUpArea } from '../lib/bindings';
import { missingRatings, sentSummary } from './wrapUp';

function area(id: string, rated: boolean): WrapUpArea {
  const rating: RatingEntry = { id: `r-${id}`, focus_area_id: id, session_id: 's', value: 6, taken_at: '2026-11-20T10:00:00.000Z', note: '' };
  return { area: { id } as FocusArea, rating: rated ? rating : null, previous: null };
}

describe('missingRatings', () => {
  it('lists the unrated areas in their order', () => {
    expect(missingRatings([area('a', true), area('b', false), area('c', false)])).toEqual(['b', 'c']);
    expect(missingRatings([area('a', true)])).toEqual([]);
    expect(missingRatings([])).toEqual([]);
  });
});

describe('sentSummary', () => {
  const none = { letter_exports: [], letter_copied_at: null, letter_emailed_at: null };
  const never = { exported: false, copied: false, emailed: false };

  it('says nothing until the letter went out', () => {
    expect(sentSummary(none, never)).toBeNull();
  });

  it('names how it went out, from the record or from this visit', () => {
    expect(sentSummary(none, { ...never, exported: true })).toBe('Letter exported');
    expect(sentSummary({ ...none, letter_copied_at: '2026-11-20T10:00:00.000Z' }, never)).toBe('Letter copied as e-mail text');
    expect(sentSummary({ ...none, letter_copied_at: '2026-11-20T10:00:00.000Z' }, { ...never, exported: true })).toBe(
      'Letter exported and copied as e-mail text',
    );
    expect(sentSummary({ ...none, letter_emailed_at: '2026-11-20T10:00:00.000Z' }, never)).toBe('Letter e-mailed');
    expect(sentSummary({ ...none, letter_emailed_at: '2026-11-20T10:00:00.000Z' }, { exported: true, copied: true, emailed: false })).toBe(
      'Letter exported, copied as e-mail text and e-mailed',
    );
  });
});
