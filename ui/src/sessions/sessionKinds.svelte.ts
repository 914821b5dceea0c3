// The practice's kinds of session, read once and shared by every screen that names a session's
// kind. Settings → Methods reloads them when the coach adds one.
import { api } from '../lib/api';
import type { SessionKind, SessionKindInfo } from '../lib/bindings';
import { kindLabel } from './kinds';

class SessionKinds {
  list = $state<SessionKindInfo[]>([]);
  #loading: Promise<void> | null = null;

  /** Reads the kinds (once, unless `again`); a failure leaves the built-in names in use. */
  load(again = false): Promise<void> {
    if (!this.#loading || again) {
      this.#loading = api.listSessionKinds().then(
        (kinds) => void (this.list = kinds),
        () => void (this.#loading = null),
      );
    }
    return this.#loading;
  }

  label(kind: SessionKind): string {
    return kindLabel(kind, this.list);
  }
}

export const sessionKinds = new SessionKinds();
