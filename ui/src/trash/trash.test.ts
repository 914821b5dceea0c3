import { describe, expect, it } from 'vitest';
import type { TrashedItem } from '../lib/bindings';
import { purgeableCount } from './trash';

function item(kind: TrashedItem['kind'], id: string, clientId: string, purgeable = false): TrashedItem {
  return {
    kind,
    id,
    client_id: clientId,
    client_name: 'Ada',
    label: id,
    trashed_at: '2026-01-01T00:00:00.000Z',
    purgeable_from: '2026-01-31T00:00:00.000Z',
    purgeable,
    restore_first: null,
  };
}

describe('trash screen logic', () => {
  it('counts only items old enough to purge', () => {
    expect(purgeableCount([item('rating', 'r', 'c', true), item('focus_area', 'f', 'c')])).toBe(1);
  });
});
