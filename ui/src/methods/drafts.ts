// A question set or template as the coach edits it in Settings → Methods, before it is saved:
// plain rows the form changes, turned into the core's input on saving. Each row keeps the
// lineage of what it rewords, so the core knows a reworded question from a new one.
import type {
  AssessmentTemplate,
  ErrorView,
  Question,
  QuestionKind,
  QuestionSet,
  QuestionSetInput,
  TemplateInput,
} from '../lib/bindings';
import { moved } from '../lib/order';

export type QuestionDraft = { key: string; lineage: string | null; text: string; hint: string; kind: QuestionKind; rating_label: string };
export type SetDraft = { name: string; session_kind: string; questions: QuestionDraft[] };
export type DimensionDraft = { key: string; lineage: string | null; label: string };
export type TemplateDraft = { name: string; scale_min: number; dimensions: DimensionDraft[] };

export const QUESTION_KINDS: readonly { kind: QuestionKind; label: string }[] = [
  { kind: 'free_text', label: 'Written answer' },
  { kind: 'rating', label: 'Rating, 1–10' },
  { kind: 'short_list', label: 'Short list' },
];

let drafted = 0;
const newKey = () => `new-${++drafted}`;

export function blankQuestion(): QuestionDraft {
  return { key: newKey(), lineage: null, text: '', hint: '', kind: 'free_text', rating_label: '' };
}

export function setDraft(set: QuestionSet | null, sessionKind: string): SetDraft {
  if (!set) return { name: '', session_kind: sessionKind, questions: [blankQuestion()] };
  return {
    name: set.name,
    session_kind: set.session_kind,
    questions: set.questions.map((q) => ({ key: q.lineage, lineage: q.lineage, text: q.text, hint: q.hint, kind: q.kind, rating_label: q.rating_label })),
  };
}

/** A copy keeps no lineage: the new set's questions are its own. */
export function setInput(draft: SetDraft): QuestionSetInput {
  return {
    name: draft.name,
    session_kind: draft.session_kind,
    questions: draft.questions.map((q) => ({
      lineage: q.lineage,
      text: q.text,
      hint: q.hint,
      kind: q.kind,
      rating_label: q.kind === 'rating' ? q.rating_label : '',
    })),
  };
}

/** The draft's questions as the live screen would show them. */
export function previewQuestions(draft: SetDraft): Question[] {
  return draft.questions.map((q, i) => ({
    id: q.key,
    lineage: q.lineage ?? q.key,
    position: i + 1,
    text: q.text.trim() || `Question ${i + 1}`,
    hint: q.hint,
    kind: q.kind,
    rating_label: q.rating_label.trim() || 'Rating',
  }));
}

export function templateDraft(template: AssessmentTemplate | null): TemplateDraft {
  if (!template) {
    return { name: '', scale_min: 1, dimensions: Array.from({ length: 5 }, () => ({ key: newKey(), lineage: null, label: '' })) };
  }
  return {
    name: template.name,
    scale_min: template.scale_min,
    dimensions: template.dimensions.map((d) => ({ key: d.lineage, lineage: d.lineage, label: d.label })),
  };
}

export function templateInput(draft: TemplateDraft): TemplateInput {
  return { name: draft.name, scale_min: draft.scale_min, dimensions: draft.dimensions.map((d) => ({ lineage: d.lineage, label: d.label })) };
}

export function blankDimension(): DimensionDraft {
  return { key: newKey(), lineage: null, label: '' };
}

/** The rows with the one at `index` moved by `delta`, or unchanged when it cannot move. */
export function moveRow<T extends { key: string }>(rows: T[], index: number, delta: 1 | -1): T[] {
  const order = moved(
    rows.map((r) => r.key),
    rows[index]?.key ?? '',
    delta,
  );
  if (!order) return rows;
  return order.map((key) => rows.find((r) => r.key === key) as T);
}

/** The message for one field of the form, when the core's error names it. */
export function errorFor(error: ErrorView | null, field: string): string | null {
  return error?.field === field ? error.message : null;
}

/** An error no field of the form shows, to show above the buttons. */
export function formError(error: ErrorView | null, fields: readonly string[]): string | null {
  if (!error) return null;
  return error.field && fields.includes(error.field) ? null : error.message;
}

/** The fields of a set's form, as the core names them. */
export function setFields(draft: SetDraft): string[] {
  return [
    'name',
    'session_kind',
    'questions',
    ...draft.questions.flatMap((_, i) => ['text', 'hint', 'rating_label', 'lineage'].map((f) => `questions.${i + 1}.${f}`)),
  ];
}

export function templateFields(draft: TemplateDraft): string[] {
  return ['name', 'scale_min', 'dimensions', ...draft.dimensions.flatMap((_, i) => [`dimensions.${i + 1}`, `dimensions.${i + 1}.lineage`])];
}
