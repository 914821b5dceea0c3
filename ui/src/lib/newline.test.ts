import { describe, expect, it, vi } from 'vitest';
import { insertLiteralNewline } from './newline';

function area(value: string, at: number) {
  const t = {
    value,
    selectionStart: at as number | null,
    selectionEnd: at as number | null,
    setRangeText(text: string, start: number, end: number) {
      t.value = t.value.slice(0, start) + text + t.value.slice(end);
      t.selectionStart = t.selectionEnd = start + text.length;
    },
    dispatchEvent: vi.fn(() => true),
  };
  return t;
}

describe('insertLiteralNewline', () => {
  it('inserts a line break at the caret for a literal newline key and reports the input', () => {
    const t = area('ab', 1);
    const preventDefault = vi.fn();
    expect(insertLiteralNewline({ key: '\n', preventDefault }, t)).toBe(true);
    expect(t.value).toBe('a\nb');
    expect(preventDefault).toHaveBeenCalled();
    expect(t.dispatchEvent).toHaveBeenCalledTimes(1);
  });

  it('leaves every other key, Enter included, to the browser', () => {
    const t = area('ab', 2);
    const preventDefault = vi.fn();
    expect(insertLiteralNewline({ key: 'Enter', preventDefault }, t)).toBe(false);
    expect(insertLiteralNewline({ key: 'x', preventDefault }, t)).toBe(false);
    expect(t.value).toBe('ab');
    expect(preventDefault).not.toHaveBeenCalled();
  });
});
