import { describe, expect, it } from 'vitest';
import type { LetterEmailed } from '../lib/bindings';
import { handOffText } from './mail';

const file = {
  id: 'e1',
  client_id: 'c1',
  kind: 'homework_letter' as const,
  source_id: 's1',
  path: '/exports/letter.pdf',
  file_name: 'Homework letter.pdf',
  exported_at: '2026-12-03T10:00:00.000Z',
};

describe('handOffText', () => {
  it('says the PDF is attached when the mail program took it', () => {
    const sent: LetterEmailed = { to: 'ana@example.com', file, hand_off: { how: 'attached' }, emailed_at: file.exported_at };
    expect(handOffText(sent)).toContain('ana@example.com, with Homework letter.pdf attached');
  });

  it('asks for the PDF to be attached by hand when only the text went', () => {
    const sent: LetterEmailed = { to: 'ana@example.com', file, hand_off: { how: 'text_only', mailto: 'mailto:ana@example.com' }, emailed_at: file.exported_at };
    expect(handOffText(sent)).toContain('attach Homework letter.pdf from the folder now shown');
  });
});
