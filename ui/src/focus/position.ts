// Where the coach is on the live screen, in the terms the core stores it: the focus area on
// screen and the answer field the cursor is in. The core keeps it, so that after a crash the
// next start opens the same place.
import type { FocusAnswer } from '../lib/bindings';
import { ANSWER_ORDER } from './questions';

const ANSWER_FIELD_PREFIX = 'answer-';

/** The answer an element is the field of (`answer-barriers` → `barriers`), if any. */
export function answerOfField(element: Element | null): FocusAnswer | null {
  const id = element?.id ?? '';
  if (!id.startsWith(ANSWER_FIELD_PREFIX)) return null;
  const answer = id.slice(ANSWER_FIELD_PREFIX.length);
  return ANSWER_ORDER.find((known) => known === answer) ?? null;
}

/** The id of an answer's field on the live screen. */
export function answerFieldId(answer: FocusAnswer): string {
  return `${ANSWER_FIELD_PREFIX}${answer}`;
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
