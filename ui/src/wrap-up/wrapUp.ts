// What the wrap-up page says about a session: which areas still need a rating, and whether
// the letter has gone out.
import type { SessionWrapUp, WrapUpArea } from '../lib/bindings';

/** Ids of the areas without a rating in this session, in their order. */
export function missingRatings(areas: readonly WrapUpArea[]): string[] {
  return areas.filter((a) => !a.rating).map((a) => a.area.id);
}

/** The ways a letter goes out, from the record or from this visit to the page. */
export type LetterSent = { exported: boolean; copied: boolean; emailed: boolean };

/** "Letter exported", "Letter e-mailed", "Letter exported and copied as e-mail text"…, or null
 * while it has not gone out. */
export function sentSummary(
  wrap: Pick<SessionWrapUp, 'letter_exports' | 'letter_copied_at' | 'letter_emailed_at'>,
  now: LetterSent,
): string | null {
  const ways = [
    (now.exported || wrap.letter_exports.length > 0) && 'exported',
    (now.copied || wrap.letter_copied_at !== null) && 'copied as e-mail text',
    (now.emailed || wrap.letter_emailed_at !== null) && 'e-mailed',
  ].filter((way): way is string => way !== false);
  if (ways.length === 0) return null;
  const last = ways.pop();
  return `Letter ${ways.length > 0 ? `${ways.join(', ')} and ${last}` : last}`;
}
