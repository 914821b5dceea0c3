// What the client form holds while a person types, and how it becomes a ClientInput. The
// form keeps plain strings so nothing typed is ever lost to a conversion or an error.
import type { Client, ClientInput, ClientStatus } from '../lib/bindings';

export type ClientFormValues = {
  name: string;
  preferred_name: string;
  email: string;
  phone: string;
  status: ClientStatus;
  /** Comma separated, as typed. */
  tags: string;
  /** `YYYY-MM-DD` from the date control, or empty. */
  started_on: string;
  private_notes: string;
};

/** The core's field names that the form has a control for. */
export const CLIENT_FIELDS = ['name', 'preferred_name', 'email', 'phone', 'status', 'started_on', 'tags', 'private_notes'] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

/** The id of the control for each core field, as fixed by the UI contract. */
export const FIELD_CONTROL_IDS: Record<ClientField, string> = {
  name: 'client-name',
  preferred_name: 'client-preferred-name',
  email: 'client-email',
  phone: 'client-phone',
  status: 'client-status',
  started_on: 'client-started-on',
  tags: 'client-tags',
  private_notes: 'client-notes',
};

export function errorIdFor(field: ClientField): string {
  return `${FIELD_CONTROL_IDS[field]}-error`;
}

export function emptyForm(today = ''): ClientFormValues {
  return { name: '', preferred_name: '', email: '', phone: '', status: 'active', tags: '', started_on: today, private_notes: '' };
}

export function formFromClient(client: Client): ClientFormValues {
  return {
    name: client.name,
    preferred_name: client.preferred_name,
    email: client.email,
    phone: client.phone,
    status: client.status,
    tags: formatTags(client.tags),
    started_on: client.started_on ?? '',
    private_notes: client.private_notes,
  };
}

/** "career,  health , Career,," → ["career", "health"]: trimmed, no empties, first spelling wins. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Names are trimmed by the core too; notes are kept exactly as typed. */
export function toClientInput(values: ClientFormValues): ClientInput {
  return {
    name: values.name.trim(),
    preferred_name: values.preferred_name.trim(),
    email: values.email.trim(),
    phone: values.phone.trim(),
    status: values.status,
    tags: parseTags(values.tags),
    started_on: values.started_on.trim(),
    private_notes: values.private_notes,
  };
}
