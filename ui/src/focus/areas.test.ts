import { describe, expect, it } from 'vitest';
import type { FocusArea, RatingEntry } from '../lib/bindings';
import { moved, neighbour, previousRating, sessionRating, splitAreas } from './areas';

function area(id: string, position: number, retired_at: string | null = null): FocusArea {
  return {
    id,
    client_id: 'c',
    title: id,
    position,
    desired_outcome: '',
    why_it_matters: '',
    path_and_evidence: '',
    barriers: '',
    ten_looks_like: '',
    ten_in_three_months: '',
    three_month_target: null,
    notes: '',
    retired_at,
    created_at: '',
    updated_at: '',
  };
}

function rating(value: number, session_id: string | null, taken_at: string): RatingEntry {
  return { id: `${value}-${taken_at}`, focus_area_id: 'a', session_id, value, taken_at, note: '' };
}

describe('moved', () => {
  it('moves an id up or down one place', () => {
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('refuses to move past either end or an unknown id', () => {
    expect(moved(['a', 'b'], 'a', -1)).toBeNull();
    expect(moved(['a', 'b'], 'b', 1)).toBeNull();
    expect(moved(['a', 'b'], 'x', 1)).toBeNull();
  });
});

describe('splitAreas', () => {
  it('orders active areas by position and puts retired ones apart', () => {
    const { active, retired } = splitAreas([area('c', 3), area('r', 2, '2026-01-01T00:00:00Z'), area('a', 1)]);
    expect(active.map((a) => a.id)).toEqual(['a', 'c']);
    expect(retired.map((a) => a.id)).toEqual(['r']);
  });
});

describe('neighbour', () => {
  it('steps through the areas and stays at the ends', () => {
    expect(neighbour(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(neighbour(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(neighbour(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(neighbour(['a', 'b'], null, 1)).toBe('a');
    expect(neighbour([], 'a', 1)).toBeNull();
  });
});

describe('ratings of a session', () => {
  const ratings = [
    rating(4, 's1', '2026-01-01T10:00:00Z'),
    rating(5, 's2', '2026-02-01T10:00:00Z'),
    rating(6, 's2', '2026-02-01T10:05:00Z'),
    rating(3, null, '2026-03-01T10:00:00Z'),
  ];

  it('finds the latest rating made in the session', () => {
    expect(sessionRating(ratings, 's2')?.value).toBe(6);
    expect(sessionRating(ratings, 'none')).toBeNull();
  });

  it('finds the latest rating made anywhere else', () => {
    expect(previousRating(ratings, 's2')?.value).toBe(3);
    expect(previousRating(ratings, 's1')?.value).toBe(3);
    expect(previousRating([], 's1')).toBeNull();
  });
});
