// How a session's homework list reads: every item numbered HW1, HW2… in list order, optional
// ones marked as such, the way the homework letter numbers and marks them.
import type { HomeworkEdit, HomeworkItem, HomeworkStatus } from '../lib/bindings';
import { counted } from '../lib/counted';
import type { KeyLike } from '../lib/keys';

export function homeworkLabels(items: readonly Pick<HomeworkItem, 'is_optional'>[]): string[] {
  return items.map((item, i) => (item.is_optional ? `HW${i + 1} · optional` : `HW${i + 1}`));
}

export function editOf(item: HomeworkItem, change: Partial<HomeworkEdit> = {}): HomeworkEdit {
  return { text: item.text, is_optional: item.is_optional, due_on: item.due_on ?? '', ...change };
}

/** How each status reads at the next session, in the order of its one-key shortcut. */
export const STATUS_CHOICES: readonly { id: HomeworkStatus; label: string; key: string }[] = [
  { id: 'done', label: 'Done', key: 'D' },
  { id: 'partly', label: 'Partly', key: 'P' },
  { id: 'skipped', label: 'Skipped', key: 'S' },
  { id: 'open', label: 'Open', key: 'O' },
];

/** The status a plain letter key sets (D, P, S, O), or null; no modifier may be held. */
export function statusFromKey(event: KeyLike): HomeworkStatus | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return STATUS_CHOICES.find((c) => c.key.toLowerCase() === event.key.toLowerCase())?.id ?? null;
}

/** "1 item" / "3 items". */
export function itemCount(n: number): string {
  return counted(n, 'item', 'items');
}
