// What the live screen needs to know about a focus area's answers beyond its questions, which
// come from the core (the set version the area is answered against).
import { RATING_MAX, RATING_MIN, type AnsweredQuestion, type FocusAnswer } from '../lib/bindings';

/** The answers a focus area names: the strategy questions' and the free notes. */
export const NAMED_ANSWERS: readonly FocusAnswer[] = [
  'desired_outcome',
  'why_it_matters',
  'path_and_evidence',
  'barriers',
  'ten_looks_like',
  'ten_in_three_months',
  'notes',
];

/** The id of a question's field on the live screen: a strategy question keeps its name
 * (`answer-barriers`) across versions, any other goes by its place (`answer-q8`). */
export function questionFieldId(answered: Pick<AnsweredQuestion, 'field' | 'question'>): string {
  return `answer-${answered.field ?? `q${answered.question.position}`}`;
}

/** The rating question that takes the area's rating: the first (the core records there). */
export function ratedQuestionId(answers: readonly AnsweredQuestion[]): string | null {
  return answers.find((a) => a.question.kind === 'rating')?.question.id ?? null;
}

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
