// Pure helpers for the focus-area list of the live screen.
import type { FocusArea } from '../lib/bindings';

/** Active areas in their order, then retired ones (most recently retired first). */
export function splitAreas(areas: readonly FocusArea[]): { active: FocusArea[]; retired: FocusArea[] } {
  const active = areas.filter((a) => a.retired_at === null).sort((a, b) => a.position - b.position);
  const retired = areas
    .filter((a) => a.retired_at !== null)
    .sort((a, b) => (b.retired_at ?? '').localeCompare(a.retired_at ?? ''));
  return { active, retired };
}

/** The area after (delta 1) or before (delta -1) the current one; stays put at either end. */
export function neighbour(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return ids[0] ?? null;
  const next = Math.min(ids.length - 1, Math.max(0, at + delta));
  return ids[next] ?? null;
}
