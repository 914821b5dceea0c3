// The wizard's nine steps: what each asks the coach and which answers it holds. The order
// is the core's (FormulationStep); the words are the coach's prompts.
import type { AttemptedSolution, Formulation, FormulationStep, FormulationText, PersonInSystem } from '../lib/bindings';

export type TextField = {
  field: FormulationText;
  label: string;
  hint: string;
  rows: number;
};

export type StepSpec = { id: FormulationStep; title: string; prompt: string } & (
  | { kind: 'text'; fields: TextField[] }
  | { kind: 'solutions' }
  | { kind: 'people' }
);

/** A column of a list step; `key` names the row's field and the inputs' ids. */
export type Column<Row> = { key: keyof Row & string; label: string; multiline: boolean };

export const SOLUTION_COLUMNS: readonly Column<AttemptedSolution>[] = [
  { key: 'who', label: 'Who tried it', multiline: false },
  { key: 'what', label: 'What they tried', multiline: true },
  { key: 'how_it_went', label: 'How it went', multiline: true },
];

export const PEOPLE_COLUMNS: readonly Column<PersonInSystem>[] = [
  { key: 'who', label: 'Who', multiline: false },
  { key: 'wants', label: 'What they want', multiline: true },
];

const text = (field: FormulationText, label: string, hint: string, rows = 6): TextField => ({ field, label, hint, rows });

export const STEPS: readonly StepSpec[] = [
  {
    id: 'presenting_problem',
    title: 'The problem, in their words',
    prompt:
      'How does the client describe what is wrong? Write it as they said it: their own phrases are what you will speak back to later.',
    kind: 'text',
    fields: [text('presenting_problem', 'The problem as the client puts it', 'Quote them where you can.')],
  },
  {
    id: 'attempted_solutions',
    title: 'What has been tried',
    prompt:
      'Everything already tried to fix this, by the client or by people around them. Attempts often keep a problem alive, so note how each one went.',
    kind: 'solutions',
  },
  {
    id: 'pattern',
    title: 'The pattern that repeats',
    prompt: 'Trace the loop: what sets it off, what follows, and how it ends up back where it started.',
    kind: 'text',
    fields: [text('pattern', 'The repeating pattern', 'First this, then that, and then…')],
  },
  {
    id: 'what_it_protects',
    title: 'What the pattern protects',
    prompt:
      'Suppose the pattern is doing something useful. What does it keep safe, and what would be put at risk if it stopped tomorrow?',
    kind: 'text',
    fields: [text('pattern_protects', 'What it protects, and what change would risk', 'A relationship, a role, a self-image, a test of you…')],
  },
  {
    id: 'people_in_system',
    title: 'The people around it',
    prompt:
      'Who else is touched by this pattern or invested in it, and what does each of them want? One person’s goal can be another’s threat.',
    kind: 'people',
  },
  {
    id: 'client_position',
    title: 'Their position and language',
    prompt:
      'How does the client see themselves and the problem? Note the words, images and values they use, so that a directive can be framed in their terms rather than yours.',
    kind: 'text',
    fields: [text('client_position', 'Position, language and values to speak to', 'Words they repeat, what they are proud of, what they will not do.')],
  },
  {
    id: 'resistance',
    title: 'Resistance as information',
    prompt:
      'Where did they push back, change the subject or agree too quickly? Read it as a map of where the weight is, not as opposition to you.',
    kind: 'text',
    fields: [text('resistance', 'Where the weight is', 'What they pushed back on, and what that says about the system.')],
  },
  {
    id: 'first_sign_of_change',
    title: 'The first small sign',
    prompt:
      'What is the smallest thing, visible within a week or two, that would show the pattern has started to shift? Make it something you or they could notice.',
    kind: 'text',
    fields: [text('first_sign_of_change', 'The first sign of change', 'Small and observable beats big and vague.', 4)],
  },
  {
    id: 'hypothesis_and_ideas',
    title: 'Hypothesis and directive ideas',
    prompt:
      'Put it together: why does the pattern hold, and what small interventions could shift it? Both are guesses to test, not conclusions.',
    kind: 'text',
    fields: [
      text('hypothesis', 'Working hypothesis', 'Why the pattern persists, in a sentence or two.', 4),
      text('directive_ideas', 'Directive ideas', 'One per line. The first line becomes the title of a directive drafted from here.', 5),
    ],
  },
];

export function stepIndex(id: FormulationStep): number {
  return STEPS.findIndex((s) => s.id === id);
}

export function stepSpec(id: FormulationStep): StepSpec {
  return STEPS[Math.max(0, stepIndex(id))]!;
}

/** What a formulation's answer is called where the coach is told it was not saved. */
export function answerLabel(answer: FormulationText | 'attempted_solutions' | 'people_in_system'): string {
  if (answer === 'attempted_solutions' || answer === 'people_in_system') return `Case formulation: ${stepSpec(answer).title}`;
  const field = STEPS.flatMap((step) => (step.kind === 'text' ? step.fields : [])).find((f) => f.field === answer);
  return `Case formulation: ${field?.label ?? answer}`;
}

/** The step `delta` places away from `id`, or null past either end. */
export function neighbourStep(id: FormulationStep, delta: number): FormulationStep | null {
  return STEPS[stepIndex(id) + delta]?.id ?? null;
}

/** Whether a step holds anything yet, for the tick beside it in the step list. */
export function isAnswered(formulation: Pick<Formulation, FormulationText | 'attempted_solutions' | 'people_in_system'>, step: StepSpec): boolean {
  switch (step.kind) {
    case 'text':
      return step.fields.some((f) => formulation[f.field].trim() !== '');
    case 'solutions':
      return formulation.attempted_solutions.some((r) => !isBlankRow(r));
    case 'people':
      return formulation.people_in_system.some((r) => !isBlankRow(r));
  }
}

/** A row with nothing typed in it (the core drops those when it saves). */
export function isBlankRow(row: Record<string, string>): boolean {
  return Object.values(row).every((v) => v.trim() === '');
}

export function sameRows<Row extends Record<string, string>>(a: readonly Row[], b: readonly Row[]): boolean {
  return a.length === b.length && a.every((row, i) => Object.keys(row).every((k) => row[k] === b[i]![k]));
}

export const blankSolution = (): AttemptedSolution => ({ who: '', what: '', how_it_went: '' });
export const blankPerson = (): PersonInSystem => ({ who: '', wants: '' });
