// How a question's answer field is drawn, by its kind: the rows a textarea starts with and
// what it says while empty.
import type { Question, QuestionKind } from '../lib/bindings';

export function questionFieldRows(kind: QuestionKind): number {
  return kind === 'short_list' ? 4 : 3;
}

/** The hint, or for a short list without one, how it is filled in. */
export function questionPlaceholder(question: Pick<Question, 'kind' | 'hint'>): string {
  if (question.hint.trim()) return question.hint;
  return question.kind === 'short_list' ? 'One item per line.' : '';
}
