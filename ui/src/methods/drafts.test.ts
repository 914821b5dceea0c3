import { describe, expect, it } from 'vitest';
import type { QuestionSet } from '../lib/bindings';
import { blankQuestion, errorFor, formError, moveRow, previewQuestions, setDraft, setFields, setInput, templateDraft, templateInput } from './drafts';

const grow: QuestionSet = {
  id: 's1',
  name: 'GROW',
  session_kind: 'k1',
  version_id: 'v1',
  version: 1,
  retired_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  questions: [
    { id: 'q1', lineage: 'l1', position: 1, text: 'Goal', hint: '', kind: 'free_text', rating_label: '' },
    { id: 'q2', lineage: 'l2', position: 2, text: 'How sure?', hint: '', kind: 'rating', rating_label: 'Confidence' },
  ],
};

describe('set drafts', () => {
  it('keeps each question lineage, so the core sees a rewording, and adds new ones without', () => {
    const draft = setDraft(grow, 'other');
    draft.questions[0]!.text = 'Goal: what do you want?';
    draft.questions.push({ ...blankQuestion(), text: 'Will' });
    const input = setInput(draft);
    expect(input.questions.map((q) => q.lineage)).toEqual(['l1', 'l2', null]);
    expect(input.questions[0]?.text).toBe('Goal: what do you want?');
    expect(input.session_kind).toBe('k1');
  });

  it('drops the rating label of a question that is no longer a rating', () => {
    const draft = setDraft(grow, 'other');
    draft.questions[1]!.kind = 'free_text';
    expect(setInput(draft).questions[1]?.rating_label).toBe('');
  });

  it('starts a new set with one empty question for the chosen kind', () => {
    const draft = setDraft(null, 'values');
    expect(draft.session_kind).toBe('values');
    expect(draft.questions).toHaveLength(1);
  });

  it('previews empty questions by their place', () => {
    const draft = setDraft(null, 'values');
    expect(previewQuestions(draft)[0]?.text).toBe('Question 1');
  });

  it('moves a row and refuses to move past either end', () => {
    const rows = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    expect(moveRow(rows, 2, -1).map((r) => r.key)).toEqual(['a', 'c', 'b']);
    expect(moveRow(rows, 0, -1)).toBe(rows);
  });
});

describe('template drafts', () => {
  it('starts with five empty dimensions on a 1–10 scale', () => {
    const input = templateInput(templateDraft(null));
    expect(input.scale_min).toBe(1);
    expect(input.dimensions).toHaveLength(5);
  });
});

describe('errors by field', () => {
  it('shows an error by its field, and elsewhere only when no field of the form names it', () => {
    const draft = setDraft(grow, 'other');
    const onText = { kind: 'invalid' as const, message: 'A question is required', field: 'questions.2.text' };
    expect(errorFor(onText, 'questions.2.text')).toBe('A question is required');
    expect(errorFor(onText, 'name')).toBeNull();
    expect(formError(onText, setFields(draft))).toBeNull();
    expect(formError({ kind: 'storage', message: 'Disk full' }, setFields(draft))).toBe('Disk full');
  });
});
