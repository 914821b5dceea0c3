import type { Client } from '../lib/bindings';

export function client(over: Partial<Client> = {}): Client {
  return {
    id: over.id ?? 'id-' + (over.name ?? 'x'),
    name: 'Someone',
    preferred_name: '',
    email: '',
    phone: '',
    status: 'active',
    tags: [],
    started_on: null,
    private_notes: '',
    is_sample: false,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    trashed_at: null,
    ...over,
  };
}
