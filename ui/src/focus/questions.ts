// The questions asked for every focus area in the strategy session, in the order they are
// asked. The satisfaction question is answered with a rating, not text; it sits fifth.
import { RATING_MAX, RATING_MIN, type FocusAnswer } from '../lib/bindings';

export type Question =
  | { kind: 'text'; answer: FocusAnswer; label: string; hint: string }
  | { kind: 'rating'; label: string; hint: string };

export const QUESTIONS: readonly Question[] = [
  {
    kind: 'text',
    answer: 'desired_outcome',
    label: 'A year from now, what would success in this area look like?',
    hint: 'The outcome they want, as vivid as they can make it.',
  },
  {
    kind: 'text',
    answer: 'why_it_matters',
    label: 'Why does that matter to them?',
    hint: 'What they care about underneath it; often a value from the values session.',
  },
  {
    kind: 'text',
    answer: 'path_and_evidence',
    label: 'What would have to happen to get there, and how will they know they have?',
    hint: 'Steps, and the signs that would tell them it is done.',
  },
  {
    kind: 'text',
    answer: 'barriers',
    label: 'What stands in the way right now, or is still unknown?',
    hint: 'Obstacles, open questions, what keeps them from moving.',
  },
  {
    kind: 'rating',
    label: 'How satisfied are they with this area today, from 1 to 10?',
    hint: 'Press a digit outside a text field: 1 to 9, and 0 for 10.',
  },
  {
    kind: 'text',
    answer: 'ten_looks_like',
    label: 'What would a 10 look like?',
    hint: 'Full satisfaction, in their own words.',
  },
  {
    kind: 'text',
    answer: 'ten_in_three_months',
    label: 'And what would progress toward a 10 look like three months from now?',
    hint: 'Something they could notice by then.',
  },
];

/** The written answers, in the order Tab reaches them, ending with the free notes. */
export const ANSWER_ORDER: readonly FocusAnswer[] = [
  ...QUESTIONS.flatMap((q) => (q.kind === 'text' ? [q.answer] : [])),
  'notes',
];

/** Reads the three-month target field: empty is no target, otherwise a rating (1–10). */
export function parseTarget(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < RATING_MIN || n > RATING_MAX) {
    return { ok: false, message: `The target is a whole number from ${RATING_MIN} to ${RATING_MAX}` };
  }
  return { ok: true, value: n };
}
