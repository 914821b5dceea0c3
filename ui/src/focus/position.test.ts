import { describe, expect, it } from 'vitest';
import { answerFieldId, answerOfField, focusAtEnd } from './position';

const element = (id: string, questionId?: string) => ({ id, dataset: questionId ? { questionId } : {} }) as unknown as Element;
const named = (answer: string) => ({ answer, questionId: null });
const nothing = { answer: null, questionId: null };

describe('live position', () => {
  it('reads the answer from its field, and nothing from any other element', () => {
    expect(answerFieldId('barriers')).toBe('answer-barriers');
    expect(answerOfField(element('answer-barriers', 'q-4'))).toEqual(named('barriers'));
    expect(answerOfField(element('answer-notes'))).toEqual(named('notes'));
    expect(answerOfField(element('answer-shoe_size'))).toEqual(nothing);
    expect(answerOfField(element('session-notes'))).toEqual(nothing);
    expect(answerOfField(null)).toEqual(nothing);
  });

  it('reads any other question by its id', () => {
    expect(answerOfField(element('answer-q8', 'q-8'))).toEqual({ answer: null, questionId: 'q-8' });
    expect(answerOfField(element('session-answer-2', 'q-2'))).toEqual({ answer: null, questionId: 'q-2' });
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
