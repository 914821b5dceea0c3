// What decides that the unlock screen stands in for the app: the practice is encrypted and
// not unlocked, or its key file stopped it opening (those errors are shown on the same screen).
import type { ErrorView } from '../lib/bindings';

export function needsUnlock(error: ErrorView | null): boolean {
  return error !== null && (error.kind === 'locked' || error.kind === 'key_file_damaged' || error.kind === 'key_file_mismatch');
}

/** The controls of the passphrase form and of the recovery form, as the core names them. */
export const UNLOCK_FIELDS = ['passphrase'] as const;
export const RECOVERY_FIELDS = ['recovery_key', 'passphrase', 'passphrase_again'] as const;
export type UnlockField = (typeof UNLOCK_FIELDS)[number];
export type RecoveryField = (typeof RECOVERY_FIELDS)[number];

/** The first line the screen shows for an error that stopped the practice opening. */
export function startProblem(error: ErrorView | null): string | null {
  return error && error.kind !== 'locked' ? error.message : null;
}

/** What the coach is told when Ctrl+L finds nothing to lock with (a plain practice). */
export function lockRefusal(error: ErrorView): string {
  return error.kind === 'encryption'
    ? 'The lock needs encryption: turn it on in Settings → Privacy, and Ctrl+L will then hide everything until your passphrase is typed.'
    : error.message;
}

/**
 * Whether a lock asks first, before taking away text whose save failed (it lives only on
 * screen): Ctrl+L does, unless the coach already said to lock without it; the idle lock never
 * does, an unattended screen being what it is there for. (A plain practice, with no lock to take,
 * is not asked about at all.)
 */
export function asksBeforeLocking(lock: { allSaved: boolean; idle: boolean; agreed: boolean }): boolean {
  return !lock.allSaved && !lock.idle && !lock.agreed;
}
