import { describe, expect, it } from 'vitest';
import { counted } from './counted';

describe('counted', () => {
  it('takes the one form for exactly one and the many form otherwise, zero included', () => {
    expect(counted(1, 'question', 'questions')).toBe('1 question');
    expect(counted(0, 'question', 'questions')).toBe('0 questions');
    expect(counted(12, 'row with problems', 'rows with problems')).toBe('12 rows with problems');
  });
});
