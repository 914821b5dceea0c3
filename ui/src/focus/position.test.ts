import { describe, expect, it } from 'vitest';
import { answerFieldId, answerOfField, focusAtEnd } from './position';

const element = (id: string) => ({ id }) as Element;

describe('live position', () => {
  it('reads the answer from its field, and nothing from any other element', () => {
    expect(answerFieldId('barriers')).toBe('answer-barriers');
    expect(answerOfField(element('answer-barriers'))).toBe('barriers');
    expect(answerOfField(element('answer-notes'))).toBe('notes');
    expect(answerOfField(element('answer-shoe_size'))).toBeNull();
    expect(answerOfField(element('session-notes'))).toBeNull();
    expect(answerOfField(null)).toBeNull();
  });

  it('puts the cursor at the end of the text', () => {
    const calls: string[] = [];
    const field = {
      value: 'Late meetings.\nSays yes too fast.',
      scrollIntoView: () => calls.push('scroll'),
      focus: () => calls.push('focus'),
      setSelectionRange: (start: number, end: number) => calls.push(`select ${start}-${end}`),
    } as unknown as HTMLTextAreaElement;
    focusAtEnd(field);
    expect(calls).toEqual(['scroll', 'focus', 'select 33-33']);
    focusAtEnd(null);
  });
});
