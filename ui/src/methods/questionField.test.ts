import { describe, expect, it } from 'vitest';
import { questionFieldRows, questionPlaceholder } from './questionField';

describe('question fields', () => {
  it('gives a short list more room than a written answer', () => {
    expect(questionFieldRows('short_list')).toBeGreaterThan(questionFieldRows('free_text'));
  });

  it('shows the hint, or how a short list is filled in when it has none', () => {
    expect(questionPlaceholder({ kind: 'free_text', hint: 'Their words.' })).toBe('Their words.');
    expect(questionPlaceholder({ kind: 'short_list', hint: '  ' })).toBe('One item per line.');
    expect(questionPlaceholder({ kind: 'free_text', hint: '' })).toBe('');
  });
});
