// What the search palette shows and where a result leads, apart from the component so it
// can be tested without a window.
import type { ClientTab } from '../clients/tabs';
import type { SearchHit, SearchKind, SearchResults } from '../lib/bindings';

/** The marks the core puts around matched words (private-use characters nobody types). */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export type SnippetPart = { text: string; match: boolean };

/** Splits a snippet into plain and matched runs, so matches can be marked without HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === MATCH_START || ch === MATCH_END) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === MATCH_START;
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text, match });
  return parts;
}

export const KIND_LABELS: Record<SearchKind, string> = {
  client: 'Client',
  focus_area: 'Focus areas',
  session: 'Session notes',
  formulation: 'Formulation',
  directive: 'Directives',
  homework: 'Homework',
};

/** The client screen that shows a hit of this kind. */
export function screenFor(kind: SearchKind): ClientTab {
  switch (kind) {
    case 'session':
    case 'homework':
      return 'session';
    case 'client':
    case 'focus_area':
    case 'formulation':
    case 'directive':
      return 'overview';
  }
}

export type PaletteRow = { clientId: string; hit: SearchHit };

/** Every hit in display order, for moving through them with the arrow keys. */
export function rowsOf(results: SearchResults): PaletteRow[] {
  return results.groups.flatMap((g) => g.sections.flatMap((s) => s.hits.map((hit) => ({ clientId: g.client_id, hit }))));
}

/** The next index when moving by `step` through `count` rows, wrapping at both ends. */
export function moveSelection(index: number, step: number, count: number): number {
  if (count === 0) return -1;
  return (((index + step) % count) + count) % count;
}
