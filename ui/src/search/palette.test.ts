import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../lib/bindings';
import { MATCH_END, MATCH_START, moveSelection, rowsOf, screenFor, snippetParts } from './palette';

describe('snippetParts', () => {
  it('splits marked words from the text around them', () => {
    expect(snippetParts(`walks ${MATCH_START}the dog${MATCH_END} daily`)).toEqual([
      { text: 'walks ', match: false },
      { text: 'the dog', match: true },
      { text: ' daily', match: false },
    ]);
  });
  it('keeps text without marks whole and drops empty runs', () => {
    expect(snippetParts('plain')).toEqual([{ text: 'plain', match: false }]);
    expect(snippetParts(`${MATCH_START}all${MATCH_END}`)).toEqual([{ text: 'all', match: true }]);
    expect(snippetParts('')).toEqual([]);
  });
});

describe('rowsOf and moveSelection', () => {
  const hit = (id: string) => ({ kind: 'session' as const, item_id: id, title: id, snippet: id, score: -1 });
  const results: SearchResults = {
    truncated: false,
    ranked_newest: null,
    groups: [
      { client_id: 'a', client_name: 'A', sections: [{ kind: 'session', hits: [hit('1'), hit('2')] }] },
      { client_id: 'b', client_name: 'B', sections: [{ kind: 'session', hits: [hit('3')] }] },
    ],
  };
  it('lists hits in display order with their client', () => {
    expect(rowsOf(results).map((r) => `${r.clientId}${r.hit.item_id}`)).toEqual(['a1', 'a2', 'b3']);
  });
  it('wraps around at both ends', () => {
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});

describe('screenFor', () => {
  it('opens notes and homework on the session screen, the rest on the overview', () => {
    expect(screenFor('session')).toBe('session');
    expect(screenFor('homework')).toBe('session');
    expect(screenFor('focus_area')).toBe('overview');
    expect(screenFor('client')).toBe('overview');
  });
});
