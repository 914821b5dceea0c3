// Directives as the coach reads them: status names, the words on each legal move, how the
// list is grouped, and what the form holds while the coach types. The moves themselves come
// from the core (`next_statuses`), so the UI never offers one the core would refuse.
import type { Directive, DirectiveInput, DirectiveStatus } from '../lib/bindings';

export const STATUS_LABELS: Record<DirectiveStatus, string> = {
  draft: 'Draft',
  given: 'Given',
  reported_back: 'Reported back',
  done: 'Done',
  dropped: 'Dropped',
};

/** The button that moves a directive from `from` to `to`. */
export function moveLabel(from: DirectiveStatus, to: DirectiveStatus): string {
  switch (to) {
    case 'given':
      return from === 'reported_back' ? 'Give it again' : 'Mark as given';
    case 'reported_back':
      return 'Heard back';
    case 'done':
      return 'Mark done';
    case 'dropped':
      return 'Drop it';
    case 'draft':
      return 'Back to draft';
  }
}

export type DirectiveGroups = { live: Directive[]; drafts: Directive[]; ended: Directive[] };

/** Live (with the client now), drafts, and the ones that ended, each keeping the core's order. */
export function groupDirectives(list: readonly Directive[]): DirectiveGroups {
  return {
    live: list.filter((d) => d.is_live),
    drafts: list.filter((d) => d.status === 'draft'),
    ended: list.filter((d) => d.status === 'done' || d.status === 'dropped'),
  };
}

/** The core's field names the form has a control for, in the form's order. */
export const DIRECTIVE_FIELDS = ['title', 'instructions', 'timing', 'report_back', 'due_on', 'rationale', 'outcome'] as const;
export type DirectiveField = (typeof DIRECTIVE_FIELDS)[number];

/** What the form holds: plain strings, so nothing typed is lost to a conversion or an error. */
export type DirectiveFormValues = Record<DirectiveField, string>;

export function formValues(source: Directive | DirectiveInput | null): DirectiveFormValues {
  return {
    title: source?.title ?? '',
    instructions: source?.instructions ?? '',
    timing: source?.timing ?? '',
    report_back: source?.report_back ?? '',
    due_on: source?.due_on ?? '',
    rationale: source?.rationale ?? '',
    outcome: source?.outcome ?? '',
  };
}

export function toInput(values: DirectiveFormValues, clientId: string, formulationId: string | null): DirectiveInput {
  return { ...values, client_id: clientId, formulation_id: formulationId };
}

/** The id of the form control for a field: `directive-report-back` for `report_back`. */
export function controlId(field: DirectiveField): string {
  return `directive-${field.replace(/_/g, '-')}`;
}
