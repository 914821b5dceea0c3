import { describe, expect, it } from 'vitest';
import type { AnsweredQuestion, Question } from '../lib/bindings';
import { parseTarget, questionFieldId, ratedQuestionId } from './questions';

function answered(position: number, kind: Question['kind'], field: AnsweredQuestion['field'] = null): AnsweredQuestion {
  const question: Question = { id: `q${position}`, lineage: `l${position}`, position, text: 'Q', hint: '', kind, rating_label: '' };
  return { question, field, text: '', ratings: [] };
}

describe('question fields on the live screen', () => {
  it('keeps the strategy names and numbers the others by place', () => {
    expect(questionFieldId(answered(4, 'free_text', 'barriers'))).toBe('answer-barriers');
    expect(questionFieldId(answered(8, 'short_list'))).toBe('answer-q8');
  });

  it('takes the area rating under the first rating question only', () => {
    expect(ratedQuestionId([answered(1, 'free_text'), answered(2, 'rating'), answered(3, 'rating')])).toBe('q2');
    expect(ratedQuestionId([answered(1, 'free_text')])).toBeNull();
  });
});

describe('parseTarget', () => {
  it('accepts empty as no target and whole numbers 1–10', () => {
    expect(parseTarget('')).toEqual({ ok: true, value: null });
    expect(parseTarget(' 8 ')).toEqual({ ok: true, value: 8 });
    expect(parseTarget('10')).toEqual({ ok: true, value: 10 });
  });

  it('refuses anything else with a reason', () => {
    for (const bad of ['0', '11', '7.5', 'eight', '-3']) {
      expect(parseTarget(bad).ok).toBe(false);
    }
  });
});
