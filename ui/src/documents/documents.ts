// Helpers for the document actions: which record a request is about and how a saved file is
// described.
import type { DocumentRequest, ExportedFile, MissingCharacters } from '../lib/bindings';
import { formatInstantDate, formatTime } from '../lib/dates';

/** The session, directive or client a document is made from (what its exports are listed by). */
export function sourceIdOf(request: DocumentRequest): string {
  switch (request.kind) {
    case 'homework_letter':
      return request.session_id;
    case 'directive_sheet':
      return request.directive_id;
    case 'progress_report':
      return request.client_id;
    case 'formulation_summary':
      return request.formulation_id;
    case 'session_summary':
      return request.session_id;
  }
}

/** The most recent export of this kind of document, if any (exports arrive newest first). */
export function latestExport(files: readonly ExportedFile[], kind: DocumentRequest['kind']): ExportedFile | null {
  return files.find((f) => f.kind === kind) ?? null;
}

/** "Saved today at 10:32" / "Saved on 14 November 2026 at 10:32", in the viewer's time zone. */
export function savedWhen(file: ExportedFile, now: Date = new Date(), locale?: string): string {
  const time = formatTime(file.exported_at, locale);
  const sameDay = new Date(file.exported_at).toDateString() === now.toDateString();
  if (sameDay) return `Saved today at ${time}`;
  return `Saved on ${formatInstantDate(file.exported_at, locale)} at ${time}`;
}


/**
 * "3 characters in this letter have no font on this computer", or `null` when every character
 * has one. `what` names the document as the buttons do ("letter", "report").
 */
export function missingCharactersMessage(missing: MissingCharacters | null | undefined, what: string): string | null {
  if (!missing || missing.count === 0) return null;
  const one = missing.count === 1;
  return `${missing.count} ${one ? 'character' : 'characters'} in this ${what} ${one ? 'has' : 'have'} no font on this computer`;
}
