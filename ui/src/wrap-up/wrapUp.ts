// What the wrap-up page says about a session: which areas still need a rating, and whether
// the letter has gone out.
import type { SessionWrapUp, WrapUpArea } from '../lib/bindings';

/** Ids of the areas without a rating in this session, in their order. */
export function missingRatings(areas: readonly WrapUpArea[]): string[] {
  return areas.filter((a) => !a.rating).map((a) => a.area.id);
}

/** "Letter exported", "Letter copied as e-mail text", both, or null while it has not gone out. */
export function sentSummary(
  wrap: Pick<SessionWrapUp, 'letter_exports' | 'letter_copied_at'>,
  now: { exported: boolean; copied: boolean },
): string | null {
  const exported = now.exported || wrap.letter_exports.length > 0;
  const copied = now.copied || wrap.letter_copied_at !== null;
  if (exported && copied) return 'Letter exported and copied as e-mail text';
  if (exported) return 'Letter exported';
  if (copied) return 'Letter copied as e-mail text';
  return null;
}
