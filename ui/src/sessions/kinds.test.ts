import { describe, expect, it } from 'vitest';
import { excerpt, kindLabel } from './kinds';

describe('excerpt', () => {
  it('takes the first non-empty line and shortens it', () => {
    expect(excerpt('\n\n  First thought\nsecond')).toBe('First thought');
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
    expect(excerpt('')).toBe('');
  });
});

describe('kindLabel', () => {
  it('names a kind the coach added from the practice, a built-in one either way', () => {
    const known = [{ code: '0193-walk', label: 'Walk and talk', is_builtin: false, question_set_id: null }];
    expect(kindLabel('0193-walk', known)).toBe('Walk and talk');
    expect(kindLabel('follow_up')).toBe('Follow-up');
    expect(kindLabel('0193-unknown')).toBe('Other');
  });
});
