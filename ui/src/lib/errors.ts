// Every failed command reaches the UI through `toErrorView`, so a screen only ever deals with
// one shape: `{kind, message, field?}`.
import type { ErrorKind, ErrorView } from './bindings';

// A record keyed by every ErrorKind, so a kind added in the core fails the type check here
// until it is listed, instead of reaching the person as "invalid".
const KINDS: Record<ErrorKind, true> = {
  invalid: true,
  not_found: true,
  in_trash: true,
  storage: true,
  render: true,
  damaged: true,
  writes_held: true,
  read_only: true,
  disk_full: true,
  locked: true,
  wrong_passphrase: true,
  key_file_damaged: true,
  key_file_mismatch: true,
  keyring: true,
  encryption: true,
  mail_program: true,
  viewer: true,
  not_shared: true,
  shared_folder: true,
};

function isKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && Object.hasOwn(KINDS, value);
}

/**
 * Turns whatever a rejected `invoke` produced into an ErrorView. The core sends ErrorViews;
 * Tauri itself rejects with a plain string when the arguments could not be read, and a bug in
 * the UI may throw an Error. None of them should reach the person as "[object Object]".
 */
export function toErrorView(reason: unknown): ErrorView {
  if (typeof reason === 'string') {
    return { kind: 'invalid', message: reason.trim() || 'Something went wrong.' };
  }
  if (reason instanceof Error) {
    return { kind: 'invalid', message: reason.message || 'Something went wrong.' };
  }
  if (reason && typeof reason === 'object') {
    const r = reason as Record<string, unknown>;
    const message = typeof r.message === 'string' && r.message.trim() ? r.message : 'Something went wrong.';
    const view: ErrorView = { kind: isKind(r.kind) ? r.kind : 'invalid', message };
    if (typeof r.field === 'string' && r.field) view.field = r.field;
    return view;
  }
  return { kind: 'invalid', message: 'Something went wrong.' };
}

/** Where a form shows an error: under one of its controls, or for the form as a whole. */
export type FormErrors<F extends string> = {
  fields: Partial<Record<F, string>>;
  form: string | null;
};

export function noErrors<F extends string>(): FormErrors<F> {
  return { fields: {}, form: null };
}

/**
 * Places an error on the form: under the control named by its `field` when the form has that
 * control, otherwise in the form-wide slot (an unknown field is still worth reading).
 */
export function placeError<F extends string>(error: ErrorView, fields: readonly F[]): FormErrors<F> {
  const field = error.field as F | undefined;
  if (field !== undefined && fields.includes(field)) {
    return { fields: { [field]: error.message } as Partial<Record<F, string>>, form: null };
  }
  return { fields: {}, form: error.message };
}

/** A heading for an error the person cannot fix by editing a field. */
export function errorTitle(error: ErrorView): string {
  switch (error.kind) {
    case 'storage':
      return 'Tenfold could not reach your practice file';
    case 'damaged':
      return 'Your practice file is damaged';
    case 'writes_held':
      return 'Your practice file failed its check';
    case 'read_only':
      return 'Tenfold cannot save in its data folder';
    case 'disk_full':
      return 'The disk is full';
    case 'not_found':
      return 'That is no longer here';
    case 'in_trash':
      return 'That is in the trash';
    case 'invalid':
      return 'That did not work';
    case 'render':
      return 'The document could not be made';
    case 'locked':
      return 'Your practice is locked';
    case 'wrong_passphrase':
      return 'That did not unlock your practice';
    case 'key_file_damaged':
      return 'The key file of your practice is damaged';
    case 'key_file_mismatch':
      return 'The practice and its key file do not belong together';
    case 'keyring':
      return 'This computer could not remember the key';
    case 'encryption':
      return 'Encryption could not be changed';
    case 'mail_program':
      return 'Your mail program did not open';
    case 'viewer':
      return 'The PDF did not open';
    case 'not_shared':
      return 'This practice is not shared with another device';
    case 'shared_folder':
      return 'The shared folder cannot be used';
  }
}
