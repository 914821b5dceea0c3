// Autosave for the live screens, as a small state machine with no Svelte in it.
//
// The promise it keeps: the visible state says "saved" only once the core has acknowledged
// the latest value the coach typed. Typing schedules a save after a short pause (the
// debounce); blur, switching focus area and closing the window flush at once. At most one
// save per field is in flight, so the core can never store an older text after a newer one;
// a response for an older text never counts for the newer one. A failure keeps the text,
// says why, and is retried (after a pause, on the next keystroke, or on flush); a value the
// core refused as invalid is not sent again by itself, since only a change can mend it.

export type SaveState = 'saved' | 'saving' | 'failed';

export type SaveStatus = {
  state: SaveState;
  /** Why the last attempt failed, while the state is `failed`. */
  error: string | null;
  /**
   * While `failed`: Tenfold tries the same value again by itself. False when the core refused
   * the value (it names what is wrong there), which waits for the coach to change it.
   */
  retrying: boolean;
  /** When the core last acknowledged a save (what it returned), if it has. */
  savedAt: string | null;
};

export const SAVE_DELAY_MS = 400;
export const RETRY_DELAY_MS = 3000;

export type AutosaveOptions<T> = {
  /** Stores the value; resolves with when it was stored (or nothing), rejects on failure. */
  save: (value: T) => Promise<string | void>;
  delay?: number;
  retryDelay?: number;
  equals?: (a: T, b: T) => boolean;
  onchange?: (status: SaveStatus) => void;
};

type Timer = ReturnType<typeof setTimeout>;

/** The core refused the value itself (an ErrorView of kind `invalid`): sending it again fails again. */
function isRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'kind' in error && error.kind === 'invalid';
}

function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' && error.message) {
    return error.message;
  }
  if (typeof error === 'string' && error) return error;
  return 'something went wrong';
}

export class Autosaver<T> {
  #save: (value: T) => Promise<string | void>;
  #delay: number;
  #retryDelay: number;
  #equals: (a: T, b: T) => boolean;
  #onchange: ((status: SaveStatus) => void) | undefined;

  /** What the coach typed last, and a counter that goes up with every change. */
  #latest: T;
  #version = 0;
  /** The newest version the core acknowledged. */
  #ackedVersion = 0;
  #inFlight = false;
  /** A save was due while another was in flight; send as soon as it returns. */
  #queued = false;
  #timer: Timer | null = null;
  #retryTimer: Timer | null = null;
  #error: string | null = null;
  #refused = false;
  #savedAt: string | null = null;
  #waiters: Array<(saved: boolean) => void> = [];
  #destroyed = false;

  constructor(initial: NoInfer<T>, options: AutosaveOptions<T>) {
    this.#latest = initial;
    this.#save = options.save;
    this.#delay = options.delay ?? SAVE_DELAY_MS;
    this.#retryDelay = options.retryDelay ?? RETRY_DELAY_MS;
    this.#equals = options.equals ?? Object.is;
    this.#onchange = options.onchange;
  }

  /** The value as the coach last left it (saved or not). */
  get value(): T {
    return this.#latest;
  }

  get status(): SaveStatus {
    const state: SaveState = this.#error !== null ? 'failed' : this.#pending() ? 'saving' : 'saved';
    return { state, error: this.#error, retrying: this.#error !== null && !this.#refused, savedAt: this.#savedAt };
  }

  /** The coach changed the value: save it once they pause. */
  set(value: T): void {
    if (this.#destroyed || this.#equals(value, this.#latest)) return;
    this.#latest = value;
    this.#version += 1;
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#send();
    }, this.#delay);
    this.#notify();
  }

  /**
   * Saves now whatever is not saved yet. Resolves true once the core has the latest value,
   * false if the attempt failed (the value is kept and retried later).
   */
  flush(): Promise<boolean> {
    if (!this.#pending() && this.#error === null) return Promise.resolve(true);
    const done = new Promise<boolean>((resolve) => this.#waiters.push(resolve));
    this.#clearTimer();
    this.#send();
    return done;
  }

  /**
   * Stops timers and ignores further typing. `flush` still sends the last value (once, with no
   * retry after it), which is how a screen's unsaved text is tried again once it is gone.
   */
  destroy(): void {
    this.#destroyed = true;
    this.#clearTimer();
    this.#clearRetry();
  }

  #pending(): boolean {
    return this.#ackedVersion !== this.#version;
  }

  #send(): void {
    if (this.#inFlight) {
      this.#queued = true;
      return;
    }
    this.#clearRetry();
    if (!this.#pending()) {
      // Nothing new (for example a retry after the text was saved anyway).
      this.#error = null;
      this.#settle(true);
      this.#notify();
      return;
    }
    const version = this.#version;
    const value = this.#latest;
    this.#inFlight = true;
    this.#queued = false;
    this.#notify();
    let attempt: Promise<string | void>;
    try {
      attempt = this.#save(value);
    } catch (error) {
      attempt = Promise.reject(error);
    }
    attempt.then(
      (savedAt) => this.#succeeded(version, savedAt),
      (error: unknown) => this.#failed(error),
    );
  }

  #succeeded(version: number, savedAt: string | void): void {
    this.#inFlight = false;
    if (version > this.#ackedVersion) this.#ackedVersion = version;
    if (typeof savedAt === 'string') this.#savedAt = savedAt;
    this.#error = null;
    if (!this.#pending()) {
      this.#settle(true);
    } else if (this.#queued || this.#waiters.length > 0) {
      // Newer text arrived while this one was on its way, and it is already due.
      this.#send();
    }
    this.#notify();
  }

  #failed(error: unknown): void {
    this.#inFlight = false;
    this.#queued = false;
    this.#error = reasonOf(error);
    this.#refused = isRefusal(error);
    this.#settle(false);
    if (!this.#destroyed && !this.#refused) {
      this.#clearRetry();
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = null;
        this.#send();
      }, this.#retryDelay);
    }
    this.#notify();
  }

  #settle(saved: boolean): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve(saved);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #notify(): void {
    this.#onchange?.(this.status);
  }
}

/** Several fields shown under one save state: failed beats saving beats saved. */
export function combineStatus(statuses: readonly SaveStatus[]): SaveStatus {
  const failed = statuses.find((s) => s.state === 'failed');
  const savedAt = statuses.reduce<string | null>((at, s) => (s.savedAt && (!at || s.savedAt > at) ? s.savedAt : at), null);
  if (failed) return { state: 'failed', error: failed.error, retrying: failed.retrying, savedAt };
  if (statuses.some((s) => s.state === 'saving')) return { state: 'saving', error: null, retrying: false, savedAt };
  return { state: 'saved', error: null, retrying: false, savedAt };
}

/** A field of a screen whose latest value the core does not have, as a screen leaves it. */
export type UnsavedField = { key: string; label: string; saver: Autosaver<unknown> };

/**
 * The fields of one screen, each with its own saver, keyed (for example `areaId:answer`), so
 * switching focus area never drops a save that is still due. Keys name what is saved (the
 * record's id and the field), so the same key on another screen is the same field.
 */
export class AutosaveGroup {
  #savers = new Map<string, { label: string; saver: Autosaver<unknown> }>();
  #onchange: ((status: SaveStatus) => void) | undefined;
  #onnewfield: ((key: string) => void) | undefined;
  #delay: number | undefined;
  #retryDelay: number | undefined;

  constructor(
    options: {
      onchange?: (status: SaveStatus) => void;
      /** A field got its saver: the coach typed in it for the first time on this screen. */
      onnewfield?: (key: string) => void;
      delay?: number;
      retryDelay?: number;
    } = {},
  ) {
    this.#onchange = options.onchange;
    this.#onnewfield = options.onnewfield;
    this.#delay = options.delay;
    this.#retryDelay = options.retryDelay;
  }

  /**
   * The saver for `key`, made on first use with the value the core last gave. `label` names the
   * field for the coach, should its text outlive the screen unsaved (heldUnsaved.ts).
   */
  field<T>(
    key: string,
    label: string,
    initial: NoInfer<T>,
    save: (value: T) => Promise<string | void>,
    equals?: (a: T, b: T) => boolean,
  ): Autosaver<T> {
    const known = this.#savers.get(key);
    if (known) return known.saver as Autosaver<T>;
    const saver = new Autosaver<T>(initial, {
      save,
      equals,
      delay: this.#delay,
      retryDelay: this.#retryDelay,
      onchange: () => this.#onchange?.(this.status),
    });
    this.#savers.set(key, { label, saver: saver as Autosaver<unknown> });
    this.#onnewfield?.(key);
    return saver;
  }

  has(key: string): boolean {
    return this.#savers.has(key);
  }

  get status(): SaveStatus {
    return combineStatus([...this.#savers.values()].map(({ saver }) => saver.status));
  }

  /** Flushes every field; true when all of them are saved. */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([...this.#savers.values()].map(({ saver }) => saver.flush()));
    return results.every(Boolean);
  }

  /** Flushes the fields whose key starts with `prefix` (one focus area's answers). */
  async flush(prefix: string): Promise<boolean> {
    const results = await Promise.all(
      [...this.#savers.entries()].filter(([key]) => key.startsWith(prefix)).map(([, { saver }]) => saver.flush()),
    );
    return results.every(Boolean);
  }

  /** The fields whose last save failed or is still on its way. */
  unsaved(): UnsavedField[] {
    return [...this.#savers.entries()]
      .filter(([, { saver }]) => saver.status.state !== 'saved')
      .map(([key, { label, saver }]) => ({ key, label, saver }));
  }

  destroy(): void {
    for (const { saver } of this.#savers.values()) saver.destroy();
  }
}

/** The words beside the state, as the coach reads them. */
export function statusText(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${status.error ?? 'something went wrong'}`;
  }
}
