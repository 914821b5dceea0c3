import { describe, expect, it } from 'vitest';
import type { Formulation, FormulationStep } from '../lib/bindings';
import { STEPS, answerLabel, blankPerson, isAnswered, isBlankRow, neighbourStep, sameRows, stepIndex, stepSpec } from './steps';

const ALL_STEPS: Record<FormulationStep, true> = {
  presenting_problem: true,
  attempted_solutions: true,
  pattern: true,
  what_it_protects: true,
  people_in_system: true,
  client_position: true,
  resistance: true,
  first_sign_of_change: true,
  hypothesis_and_ideas: true,
};

const empty = {
  presenting_problem: '',
  pattern: '',
  pattern_protects: '',
  client_position: '',
  resistance: '',
  first_sign_of_change: '',
  hypothesis: '',
  directive_ideas: '',
  attempted_solutions: [],
  people_in_system: [],
} satisfies Partial<Formulation>;

describe('formulation steps', () => {
  it('lists every step of the core exactly once, in the core’s order', () => {
    expect(STEPS.map((s) => s.id)).toEqual(Object.keys(ALL_STEPS));
  });

  it('puts every free-text answer on exactly one step', () => {
    const fields = STEPS.flatMap((s) => (s.kind === 'text' ? s.fields.map((f) => f.field) : []));
    expect([...fields].sort()).toEqual(
      ['client_position', 'directive_ideas', 'first_sign_of_change', 'hypothesis', 'pattern', 'pattern_protects', 'presenting_problem', 'resistance'].sort(),
    );
  });

  it('moves between neighbouring steps and stops at either end', () => {
    expect(neighbourStep('presenting_problem', 1)).toBe('attempted_solutions');
    expect(neighbourStep('presenting_problem', -1)).toBeNull();
    expect(neighbourStep('hypothesis_and_ideas', 1)).toBeNull();
    expect(neighbourStep('hypothesis_and_ideas', -1)).toBe('first_sign_of_change');
    expect(stepIndex('pattern')).toBe(2);
    expect(stepSpec('people_in_system').kind).toBe('people');
  });

  it('counts a step as answered once anything is typed in it', () => {
    const last = stepSpec('hypothesis_and_ideas');
    expect(isAnswered(empty, last)).toBe(false);
    expect(isAnswered({ ...empty, directive_ideas: 'Wait ten seconds' }, last)).toBe(true);
    const people = stepSpec('people_in_system');
    expect(isAnswered({ ...empty, people_in_system: [blankPerson()] }, people)).toBe(false);
    expect(isAnswered({ ...empty, people_in_system: [{ who: 'Partner', wants: '' }] }, people)).toBe(true);
  });

  it('compares rows by their text', () => {
    expect(isBlankRow({ who: ' ', wants: '' })).toBe(true);
    expect(sameRows([{ who: 'a', wants: 'b' }], [{ who: 'a', wants: 'b' }])).toBe(true);
    expect(sameRows([{ who: 'a', wants: 'b' }], [{ who: 'a', wants: 'c' }])).toBe(false);
    expect(sameRows([], [{ who: '', wants: '' }])).toBe(false);
  });
});

describe('answerLabel', () => {
  it('names a text answer by its field and a list by its step', () => {
    expect(answerLabel('pattern')).toBe('Case formulation: The repeating pattern');
    expect(answerLabel('directive_ideas')).toBe('Case formulation: Directive ideas');
    expect(answerLabel('attempted_solutions')).toBe('Case formulation: What has been tried');
    expect(answerLabel('people_in_system')).toBe('Case formulation: The people around it');
  });
});
