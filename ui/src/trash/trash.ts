// Words and order for the trash screen.
import type { TrashedItem, TrashKind } from '../lib/bindings';
import { formatDate, formatInstantDate } from '../lib/dates';

export const TRASH_KIND_LABELS: Record<TrashKind, string> = {
  client: 'Client',
  session: 'Session',
  focus_area: 'Focus area',
  rating: 'Rating',
  assessment_map: 'Assessment Map',
  client_value: 'Value',
  homework_item: 'Homework',
  formulation: 'Formulation',
  directive: 'Directive',
};

/** Which record this is: the core's words, with the day written as every date on screen is
 * ("Health: 7 on 5 March 2026"; a session or a map by its day alone). */
export function recordLabel(item: TrashedItem, locale?: string): string {
  const day = item.held_on ? formatDate(item.held_on, locale) : item.taken_at ? formatInstantDate(item.taken_at, locale) : '';
  if (!day) return item.label;
  return item.label ? `${item.label} on ${day}` : day;
}

/** How many items the coach may delete for good (in the trash more than 30 days). */
export function purgeableCount(items: readonly TrashedItem[]): number {
  return items.filter((i) => i.purgeable).length;
}
