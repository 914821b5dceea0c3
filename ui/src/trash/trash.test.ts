import { describe, expect, it } from 'vitest';
import type { TrashedItem } from '../lib/bindings';
import { purgeableCount, recordLabel } from './trash';

function item(kind: TrashedItem['kind'], id: string, clientId: string, purgeable = false): TrashedItem {
  return {
    kind,
    id,
    client_id: clientId,
    client_name: 'Ada',
    label: id,
    held_on: null,
    taken_at: null,
    trashed_at: '2026-01-01T00:00:00.000Z',
    purgeable_from: '2026-01-31T00:00:00.000Z',
    purgeable,
    restore_first: null,
  };
}

describe('trash screen logic', () => {
  it('writes a session by its day, and a rating with the day it was taken on', () => {
    expect(recordLabel({ ...item('session', 's', 'c'), label: '', held_on: '2026-03-05' }, 'en-GB')).toBe('5 March 2026');
    const rating = { ...item('rating', 'r', 'c'), label: 'Health: 7', taken_at: '2026-03-05T10:00:00Z' };
    expect(recordLabel(rating, 'en-GB')).toBe('Health: 7 on 5 March 2026');
    expect(recordLabel(item('directive', 'Walk daily', 'c'), 'en-GB')).toBe('Walk daily');
  });

  it('counts only items old enough to purge', () => {
    expect(purgeableCount([item('rating', 'r', 'c', true), item('focus_area', 'f', 'c')])).toBe(1);
  });
});
