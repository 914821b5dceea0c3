// Session kinds as the coach reads them, and the order they usually come in.
import type { SessionKind } from '../lib/bindings';

export const SESSION_KINDS: readonly SessionKind[] = ['discovery', 'values', 'strategy', 'follow_up', 'other'];

export const KIND_LABELS: Record<SessionKind, string> = {
  discovery: 'Discovery',
  values: 'Values',
  strategy: 'Strategy',
  follow_up: 'Follow-up',
  other: 'Other',
};

/** The first line of some notes, shortened for a list. */
export function excerpt(notes: string, max = 120): string {
  const line = notes.trim().split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Homework outcomes as the coach marks them while preparing. */
