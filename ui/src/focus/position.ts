// Where the coach is on the live screen, in the terms the core stores it: the focus area on
// screen and the answer field the cursor is in (by the name a focus area gives it, or else by
// its question). The core keeps it, so that after a crash the next start opens the same place.
import type { FocusAnswer, LivePosition } from '../lib/bindings';
import { NAMED_ANSWERS } from './questions';

const ANSWER_FIELD_PREFIX = 'answer-';

export type AnswerPlace = { answer: FocusAnswer | null; questionId: string | null };

/** The answer an element is the field of (`answer-barriers` → `barriers`), or the question it
 * answers (`data-question-id`), if any. */
export function answerOfField(element: Element | null): AnswerPlace {
  const id = element?.id ?? '';
  const named = id.startsWith(ANSWER_FIELD_PREFIX) ? id.slice(ANSWER_FIELD_PREFIX.length) : null;
  const answer = NAMED_ANSWERS.find((known) => known === named) ?? null;
  const questionId = answer ? null : ((element as HTMLElement | null)?.dataset?.questionId ?? null);
  return { answer, questionId };
}

/** The id of an answer's field on the live screen. */
export function answerFieldId(answer: FocusAnswer): string {
  return `${ANSWER_FIELD_PREFIX}${answer}`;
}

/** The field a stored position points at, if it is on screen. */
export function fieldOfPosition(position: Pick<LivePosition, 'answer' | 'question_id'>): HTMLTextAreaElement | null {
  if (position.answer) return document.getElementById(answerFieldId(position.answer)) as HTMLTextAreaElement | null;
  if (position.question_id) return document.querySelector<HTMLTextAreaElement>(`textarea[data-question-id="${CSS.escape(position.question_id)}"]`);
  return null;
}

/** Puts the cursor at the end of `field`'s text, as a coach coming back to it would want it,
 * with the field in the middle of the screen rather than at its edge. */
export function focusAtEnd(field: HTMLTextAreaElement | HTMLInputElement | null): void {
  if (!field) return;
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
  const end = field.value.length;
  field.setSelectionRange(end, end);
}
