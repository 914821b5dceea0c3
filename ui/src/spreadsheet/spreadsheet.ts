// Words for what the core found in each row of a client spreadsheet. The core decides what a
// row is (ready, duplicate, broken); this only says it.
import type { CellSeparator, ClientCsvPreview, ReadProgress, RowOutcome } from '../lib/bindings';
import { counted } from '../lib/counted';

export function outcomeText(outcome: RowOutcome): string {
  switch (outcome.kind) {
    case 'ready':
      return 'Ready';
    case 'duplicate':
      return outcome.by === 'email' ? `Same e-mail as ${outcome.of}` : `Same name as ${outcome.of}`;
    case 'broken':
      return outcome.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' · ');
  }
}

/** The summary line above the preview. */
export function previewSummary(preview: ClientCsvPreview, includeDuplicates: boolean): string {
  const parts = [counted(preview.ready, 'client ready', 'clients ready')];
  if (preview.duplicates > 0) {
    parts.push(counted(preview.duplicates, includeDuplicates ? 'duplicate to import' : 'duplicate to leave out', includeDuplicates ? 'duplicates to import' : 'duplicates to leave out'));
  }
  if (preview.broken > 0) parts.push(counted(preview.broken, 'row with problems', 'rows with problems'));
  return parts.join(', ');
}

/** How many clients an import with these choices adds. */
export function clientsToImport(preview: ClientCsvPreview, includeDuplicates: boolean): number {
  return preview.ready + (includeDuplicates ? preview.duplicates : 0);
}

/** Whole percent of the file read, for the progress bar. */
export function percentRead(progress: ReadProgress | null): number {
  if (!progress || progress.total_bytes === 0) return 0;
  return Math.min(100, Math.floor((progress.bytes_read / progress.total_bytes) * 100));
}

/**
 * The separator Excel expects on this computer, to offer first: semicolons where the region
 * writes a comma as its decimal mark (most of Europe), commas elsewhere.
 */
export function usualSeparator(locale?: string): CellSeparator {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal');
  return decimal?.value === ',' ? 'semicolon' : 'comma';
}
