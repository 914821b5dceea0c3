// Finding a client in the sidebar: as-you-type search over name, preferred name and tags,
// ignoring case and accents, plus the status filter.
import type { Client, ClientStatus } from '../lib/bindings';

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

function haystack(client: Client): string {
  return fold([client.name, client.preferred_name, ...client.tags].join('\n'));
}

/** Every word of the query must appear somewhere in the client's name, preferred name or tags. */
export function matchesQuery(client: Client, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(client);
  return words.every((word) => text.includes(word));
}

export function matchesStatus(client: Client, status: StatusFilter): boolean {
  return status === 'all' || client.status === status;
}

/** The clients to show, in the order given. */
export function filterClients(clients: readonly Client[], query: string, status: StatusFilter): Client[] {
  return clients.filter((c) => matchesStatus(c, status) && matchesQuery(c, query));
}

/** Up to two initials for the avatar, from the name the coach uses. */
export function initials(client: Pick<Client, 'name' | 'preferred_name'>): string {
  // Only words that start with a letter: "Alex Morgan (sample)" is AM, not A(.
  const words = client.name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = [...(client.preferred_name.trim() || words[0] || '?')][0] ?? '?';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}
