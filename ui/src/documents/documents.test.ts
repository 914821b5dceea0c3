import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../lib/bindings';
import { latestExport, missingCharactersMessage, savedWhen, sourceIdOf } from './documents';

const file = (kind: ExportedFile['kind'], exported_at: string): ExportedFile => ({
  id: 'e',
  client_id: 'c',
  kind,
  source_id: 's',
  path: '/tmp/x.pdf',
  file_name: 'x.pdf',
  exported_at,
});

describe('document helpers', () => {
  it('finds the record a request is about', () => {
    expect(sourceIdOf({ kind: 'homework_letter', session_id: 's1' })).toBe('s1');
    expect(sourceIdOf({ kind: 'directive_sheet', directive_id: 'd1' })).toBe('d1');
    expect(sourceIdOf({ kind: 'progress_report', client_id: 'c1' })).toBe('c1');
    expect(sourceIdOf({ kind: 'formulation_summary', formulation_id: 'f1' })).toBe('f1');
    expect(sourceIdOf({ kind: 'session_summary', session_id: 's9' })).toBe('s9');
  });

  it('picks the newest export of the right kind', () => {
    const files = [file('progress_report', '2026-11-21T10:00:00Z'), file('homework_letter', '2026-11-20T10:00:00Z')];
    expect(latestExport(files, 'homework_letter')?.exported_at).toBe('2026-11-20T10:00:00Z');
    expect(latestExport(files, 'directive_sheet')).toBeNull();
  });

  it('says when a file was saved, today or on a day', () => {
    const now = new Date('2026-11-21T15:00:00');
    expect(savedWhen(file('homework_letter', new Date('2026-11-21T10:32:00').toISOString()), now, 'en-GB')).toBe(
      'Saved today at 10:32',
    );
    expect(savedWhen(file('homework_letter', new Date('2026-11-14T09:05:00').toISOString()), now, 'en-GB')).toBe(
      'Saved on 14 November 2026 at 09:05',
    );
  });
});

describe('missingCharactersMessage', () => {
  it('says how many characters have no font, in the document the coach is saving', () => {
    expect(missingCharactersMessage({ count: 3, characters: ['\u{e000}', '\u{e001}', '\u{e002}'] }, 'letter')).toBe(
      '3 characters in this letter have no font on this computer',
    );
    expect(missingCharactersMessage({ count: 1, characters: ['\u{e000}'] }, 'report')).toBe(
      '1 character in this report has no font on this computer',
    );
  });

  it('says nothing when every character has a font', () => {
    expect(missingCharactersMessage({ count: 0, characters: [] }, 'letter')).toBeNull();
    expect(missingCharactersMessage(null, 'letter')).toBeNull();
  });
});
