// Finding a client in the sidebar: as-you-type search over name, preferred name and tags,
// ignoring case and accents, plus the status filter.
import type { ClientStatus, ClientSummary } from '../lib/bindings';

export type StatusFilter = 'all' | ClientStatus;

export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'completed', label: 'Completed' },
];

/** Lower case without accents, so "Zoë" is found by "zoe" and "ÉLODIE" by "elodie". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase();
}

// Each client's folded text is kept with the client object: the list filters on every key
// press, and folding a few thousand names each time costs milliseconds a keystroke. The core's
// answer replaces a client with a new object when anything about them changes, so a kept text
// is never out of date.
const haystacks = new WeakMap<ClientSummary, string>();

function haystack(client: ClientSummary): string {
  let text = haystacks.get(client);
  if (text === undefined) {
    text = fold([client.name, client.preferred_name, ...client.tags].join('\n'));
    haystacks.set(client, text);
  }
  return text;
}

function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

function matchesWords(client: ClientSummary, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = haystack(client);
  return words.every((word) => text.includes(word));
}

/** Every word of the query must appear somewhere in the client's name, preferred name or tags. */
export function matchesQuery(client: ClientSummary, query: string): boolean {
  return matchesWords(client, queryWords(query));
}

export function matchesStatus(client: ClientSummary, status: StatusFilter): boolean {
  return status === 'all' || client.status === status;
}

/** The clients to show, in the order given. */
export function filterClients<C extends ClientSummary>(clients: readonly C[], query: string, status: StatusFilter): C[] {
  const words = queryWords(query);
  return clients.filter((c) => matchesStatus(c, status) && matchesWords(c, words));
}

/** Up to two initials for the avatar, from the name the coach uses. */
export function initials(client: Pick<ClientSummary, 'name' | 'preferred_name'>): string {
  // Only words that start with a letter: "Alex Morgan (sample)" is AM, not A(.
  const words = client.name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = [...(client.preferred_name.trim() || words[0] || '?')][0] ?? '?';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}
