import { describe, expect, it } from 'vitest';
import type { Directive, DirectiveStatus } from '../lib/bindings';
import { controlId, formValues, groupDirectives, moveLabel, toInput } from './directives';

function directive(title: string, status: DirectiveStatus): Directive {
  return {
    id: title,
    client_id: 'c',
    formulation_id: null,
    title,
    instructions: `do ${title}`,
    timing: '',
    report_back: '',
    rationale: 'why',
    status,
    given_on: null,
    due_on: '2026-05-01',
    outcome: '',
    is_live: status === 'given' || status === 'reported_back',
    next_statuses: [],
    created_at: '2026-04-01T10:00:00.000Z',
    updated_at: '2026-04-01T10:00:00.000Z',
  };
}

describe('directives', () => {
  it('groups live, draft and ended directives, keeping the order within each', () => {
    const list = [directive('a', 'reported_back'), directive('b', 'given'), directive('c', 'draft'), directive('d', 'done'), directive('e', 'dropped')];
    const groups = groupDirectives(list);
    expect(groups.live.map((d) => d.title)).toEqual(['a', 'b']);
    expect(groups.drafts.map((d) => d.title)).toEqual(['c']);
    expect(groups.ended.map((d) => d.title)).toEqual(['d', 'e']);
  });

  it('names each move for what it does', () => {
    expect(moveLabel('draft', 'given')).toBe('Mark as given');
    expect(moveLabel('reported_back', 'given')).toBe('Give it again');
    expect(moveLabel('given', 'dropped')).toBe('Drop it');
  });

  it('turns a directive into form values and back without losing a field', () => {
    const d = directive('Ten quiet seconds', 'given');
    const values = formValues(d);
    expect(values.due_on).toBe('2026-05-01');
    const input = toInput(values, 'c', 'f');
    expect(input).toMatchObject({ client_id: 'c', formulation_id: 'f', title: 'Ten quiet seconds', rationale: 'why', due_on: '2026-05-01' });
    expect(formValues(null).title).toBe('');
  });

  it('gives each field the control id of the contract', () => {
    expect(controlId('report_back')).toBe('directive-report-back');
    expect(controlId('due_on')).toBe('directive-due-on');
  });
});
