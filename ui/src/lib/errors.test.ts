import { describe, expect, it } from 'vitest';
import { errorTitle, placeError, toErrorView } from './errors';

describe('toErrorView', () => {
  it('keeps an ErrorView from the core as it is', () => {
    expect(toErrorView({ kind: 'invalid', message: 'Name cannot be empty', field: 'name' })).toEqual({
      kind: 'invalid',
      message: 'Name cannot be empty',
      field: 'name',
    });
  });

  it('leaves out a missing or empty field', () => {
    expect(toErrorView({ kind: 'storage', message: 'disk full' })).toEqual({ kind: 'storage', message: 'disk full' });
    expect(toErrorView({ kind: 'not_found', message: 'gone', field: '' })).not.toHaveProperty('field');
    expect(toErrorView({ kind: 'not_found', message: 'gone', field: null })).not.toHaveProperty('field');
  });

  it('turns the plain string Tauri sends for bad arguments into an ErrorView', () => {
    expect(toErrorView('invalid args `id` for command `get_client`')).toEqual({
      kind: 'invalid',
      message: 'invalid args `id` for command `get_client`',
    });
  });

  it('reads an Error thrown in the UI', () => {
    expect(toErrorView(new Error('boom'))).toEqual({ kind: 'invalid', message: 'boom' });
  });

  it('keeps every kind the core sends, a failed render among them', () => {
    expect(toErrorView({ kind: 'render', message: 'no font' }).kind).toBe('render');
    expect(toErrorView({ kind: 'writes_held', message: 'held' }).kind).toBe('writes_held');
  });

  it('never produces an empty message or an unknown kind', () => {
    expect(toErrorView({ kind: 'weird', message: '' })).toEqual({ kind: 'invalid', message: 'Something went wrong.' });
    expect(toErrorView(undefined).message).toBe('Something went wrong.');
    expect(toErrorView('   ').message).toBe('Something went wrong.');
    expect(toErrorView(42).kind).toBe('invalid');
  });
});

describe('placeError', () => {
  const fields = ['name', 'email'] as const;

  it('puts an error under the field it names', () => {
    expect(placeError({ kind: 'invalid', message: 'Bad email', field: 'email' }, fields)).toEqual({
      fields: { email: 'Bad email' },
      form: null,
    });
  });

  it('puts an error without a field, or with one the form lacks, on the form', () => {
    expect(placeError({ kind: 'storage', message: 'Disk full' }, fields)).toEqual({ fields: {}, form: 'Disk full' });
    expect(placeError({ kind: 'invalid', message: 'Bad id', field: 'id' }, fields)).toEqual({ fields: {}, form: 'Bad id' });
  });
});

describe('errorTitle', () => {
  it('names a storage failure plainly', () => {
    expect(errorTitle({ kind: 'storage', message: 'x' })).toMatch(/practice file/);
    expect(errorTitle({ kind: 'not_found', message: 'x' })).not.toEqual(errorTitle({ kind: 'storage', message: 'x' }));
  });
});
