import { describe, expect, it } from 'vitest';
import { KIND_LABELS, SESSION_KINDS, excerpt, suggestedKind } from './kinds';

describe('suggestedKind', () => {
  it('follows discovery, values, strategy, then follow-ups', () => {
    expect(suggestedKind([])).toBe('discovery');
    expect(suggestedKind([{ kind: 'discovery' }])).toBe('values');
    expect(suggestedKind([{ kind: 'discovery' }, { kind: 'values' }])).toBe('strategy');
    expect(suggestedKind([{ kind: 'strategy' }, { kind: 'values' }, { kind: 'discovery' }])).toBe('follow_up');
  });
});

describe('excerpt', () => {
  it('takes the first non-empty line and shortens it', () => {
    expect(excerpt('\n\n  First thought\nsecond')).toBe('First thought');
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
    expect(excerpt('')).toBe('');
  });
});

describe('labels', () => {
  it('names every session kind once', () => {
    expect(SESSION_KINDS.map((k) => KIND_LABELS[k])).toEqual(['Discovery', 'Values', 'Strategy', 'Follow-up', 'Other']);
  });
});
