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

/** Case-insensitive by name, as the core lists them, so an added client lands where it would on reload. */
export function sortByName(clients: readonly Client[]): Client[] {
  return [...clients].sort((a, b) => {
    const an = a.name.toLowerCase();
    const bn = b.name.toLowerCase();
    if (an !== bn) return an < bn ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Puts `client` into the list (replacing an older copy of it), keeping the order by name. */
export function upsert(clients: readonly Client[], client: Client): Client[] {
  return sortByName([...clients.filter((c) => c.id !== client.id), client]);
}

/** Up to two initials for the avatar, from the name the coach uses. */
export function initials(client: Pick<Client, 'name' | 'preferred_name'>): string {
  // Only words that start with a letter: "Alex Morgan (sample)" is AM, not A(.
  const words = client.name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const first = [...(client.preferred_name.trim() || words[0] || '?')][0] ?? '?';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}
