import { describe, expect, it } from 'vitest';
import type { FocusArea } from '../lib/bindings';
import { neighbour, splitAreas } from './areas';

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
