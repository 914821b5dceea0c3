import { describe, expect, it } from 'vitest';
import type { ClientCsvPreview } from '../lib/bindings';
import { clientsToImport, outcomeText, percentRead, previewSummary, usualSeparator } from './spreadsheet';

const preview = (ready: number, duplicates: number, broken: number): ClientCsvPreview => ({
  encoding: 'utf8',
  delimiter: ';',
  headers: [],
  mapping: [],
  ready,
  duplicates,
  broken,
  rows: [],
  rows_not_listed: 0,
  mapping_problem: null,
  start_dates_note: null,
});

describe('client spreadsheet words', () => {
  it('names each problem by its column, and a whole-row problem alone', () => {
    expect(
      outcomeText({
        kind: 'broken',
        problems: [
          { column: 'Status', message: '“VIP” is not a status' },
          { column: '', message: 'This row has 3 fields; the header has 8' },
        ],
      }),
    ).toBe('Status: “VIP” is not a status · This row has 3 fields; the header has 8');
    expect(outcomeText({ kind: 'duplicate', of: 'row 4', by: 'email' })).toBe('Same e-mail as row 4');
    expect(outcomeText({ kind: 'duplicate', of: 'Ada', by: 'name' })).toBe('Same name as Ada');
  });

  it('counts duplicates in only when the coach asks', () => {
    expect(previewSummary(preview(1, 2, 0), false)).toBe('1 client ready, 2 duplicates to leave out');
    expect(previewSummary(preview(3, 1, 2), true)).toBe('3 clients ready, 1 duplicate to import, 2 rows with problems');
    expect(clientsToImport(preview(3, 2, 1), false)).toBe(3);
    expect(clientsToImport(preview(3, 2, 1), true)).toBe(5);
  });

  it('never shows more than the whole file read', () => {
    expect(percentRead(null)).toBe(0);
    expect(percentRead({ bytes_read: 50, total_bytes: 200, rows: 3 })).toBe(25);
    expect(percentRead({ bytes_read: 0, total_bytes: 0, rows: 0 })).toBe(0);
  });
});

describe('usualSeparator', () => {
  it('offers semicolons where a comma is the decimal mark', () => {
    expect(usualSeparator('de-DE')).toBe('semicolon');
    expect(usualSeparator('fr-FR')).toBe('semicolon');
    expect(usualSeparator('en-GB')).toBe('comma');
    expect(usualSeparator('en-US')).toBe('comma');
  });
});
