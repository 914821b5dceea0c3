import { describe, expect, it } from 'vitest';
import { ANSWER_ORDER, QUESTIONS, parseTarget } from './questions';

describe('questions', () => {
  it('asks seven questions, the fifth being the rating', () => {
    expect(QUESTIONS).toHaveLength(7);
    expect(QUESTIONS[4]?.kind).toBe('rating');
    expect(QUESTIONS.filter((q) => q.kind === 'rating')).toHaveLength(1);
  });

  it('tabs through the six written answers and then the notes', () => {
    expect(ANSWER_ORDER).toEqual([
      'desired_outcome',
      'why_it_matters',
      'path_and_evidence',
      'barriers',
      'ten_looks_like',
      'ten_in_three_months',
      'notes',
    ]);
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
