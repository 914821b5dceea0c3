// Session kinds as the coach reads them: the built-in ones, and those the coach added, whose
// names the core keeps (`listSessionKinds`).
import type { SessionKind, SessionKindInfo } from '../lib/bindings';

const BUILT_IN_LABELS: Record<string, string> = {
  discovery: 'Discovery',
  values: 'Values',
  strategy: 'Strategy',
  follow_up: 'Follow-up',
  other: 'Other',
};

/** The built-in kinds in their usual order, for before the practice's list is read. */
export const BUILT_IN_KINDS: readonly SessionKindInfo[] = Object.entries(BUILT_IN_LABELS).map(([code, label]) => ({
  code,
  label,
  is_builtin: true,
  question_set_id: null,
}));

/** A kind's name: from the practice's list when it has the kind, else the built-in name. */
export function kindLabel(kind: SessionKind, known: readonly SessionKindInfo[] = []): string {
  return known.find((k) => k.code === kind)?.label ?? BUILT_IN_LABELS[kind] ?? 'Other';
}

/** The first line of some notes, shortened for a list. */
export function excerpt(notes: string, max = 120): string {
  const line = notes.trim().split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Homework outcomes as the coach marks them while preparing. */
