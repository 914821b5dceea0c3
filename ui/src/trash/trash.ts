// Words and order for the trash screen.
import type { TrashedItem, TrashKind } from '../lib/bindings';

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

/** How many items the coach may delete for good (in the trash more than 30 days). */
export function purgeableCount(items: readonly TrashedItem[]): number {
  return items.filter((i) => i.purgeable).length;
}
