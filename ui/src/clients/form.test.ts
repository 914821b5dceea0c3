import { describe, expect, it } from 'vitest';
import { CLIENT_FIELDS, FIELD_CONTROL_IDS, emptyForm, errorIdFor, formFromClient, formatTags, parseTags, toClientInput } from './form';
import { client } from './fixtures.test-helpers';

describe('tags', () => {
  it('splits on commas, trims and drops empties', () => {
    expect(parseTags(' career,  health , ,')).toEqual(['career', 'health']);
    expect(parseTags('')).toEqual([]);
  });

  it('keeps the first spelling of a repeated tag', () => {
    expect(parseTags('Career, career, CAREER, money')).toEqual(['Career', 'money']);
  });

  it('squeezes inner spaces', () => {
    expect(parseTags('work   life')).toEqual(['work life']);
  });

  it('round-trips through the form', () => {
    expect(parseTags(formatTags(['a b', 'c']))).toEqual(['a b', 'c']);
  });
});

describe('toClientInput', () => {
  it('trims one-line fields, keeps notes exactly and parses tags', () => {
    const input = toClientInput({
      ...emptyForm(),
      name: '  Zoë  ',
      email: ' z@example.com ',
      tags: 'a, b',
      started_on: '2024-05-01',
      private_notes: '  line one\n\nline two  ',
      status: 'paused',
    });
    expect(input).toEqual({
      name: 'Zoë',
      preferred_name: '',
      email: 'z@example.com',
      phone: '',
      status: 'paused',
      tags: ['a', 'b'],
      started_on: '2024-05-01',
      private_notes: '  line one\n\nline two  ',
    });
  });

  it('round-trips a client', () => {
    const c = client({ name: 'Ann', preferred_name: 'Annie', tags: ['x', 'y'], started_on: '2023-02-03', status: 'completed', private_notes: 'n' });
    const values = formFromClient(c);
    expect(values.tags).toBe('x, y');
    expect(values.started_on).toBe('2023-02-03');
    expect(toClientInput(values)).toMatchObject({ name: 'Ann', preferred_name: 'Annie', tags: ['x', 'y'], status: 'completed', started_on: '2023-02-03' });
  });

  it('sends an empty date when none was chosen', () => {
    expect(formFromClient(client({ started_on: null })).started_on).toBe('');
    expect(toClientInput(emptyForm()).started_on).toBe('');
  });
});

describe('field ids', () => {
  it('follows the UI contract', () => {
    expect(FIELD_CONTROL_IDS.private_notes).toBe('client-notes');
    expect(errorIdFor('preferred_name')).toBe('client-preferred-name-error');
    expect(errorIdFor('started_on')).toBe('client-started-on-error');
    for (const f of CLIENT_FIELDS) expect(FIELD_CONTROL_IDS[f]).toMatch(/^client-[a-z-]+$/);
  });
});
