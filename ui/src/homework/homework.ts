// How a session's homework list reads: required items are numbered HW1, HW2… in list order
// and optional ones are marked as such, the way a homework letter lists them.
import type { HomeworkEdit, HomeworkItem } from '../lib/bindings';

export function homeworkLabels(items: readonly Pick<HomeworkItem, 'is_optional'>[]): string[] {
  let n = 0;
  return items.map((item) => (item.is_optional ? 'Optional' : `HW${++n}`));
}

export function editOf(item: HomeworkItem, change: Partial<HomeworkEdit> = {}): HomeworkEdit {
  return { text: item.text, is_optional: item.is_optional, due_on: item.due_on ?? '', ...change };
}
