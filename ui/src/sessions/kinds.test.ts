import { describe, expect, it } from 'vitest';
import { excerpt } from './kinds';

describe('excerpt', () => {
  it('takes the first non-empty line and shortens it', () => {
    expect(excerpt('\n\n  First thought\nsecond')).toBe('First thought');
    expect(excerpt('abcdefghij', 5)).toBe('abcd…');
    expect(excerpt('')).toBe('');
  });
});
