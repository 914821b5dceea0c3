// Text whose save failed outlives the screen it was typed on. A screen that goes away (the coach
// opened another client, another tab, Settings, or the app locked) flushes its fields once more;
// what still fails is held here, in memory only, with its reason, until it is saved (Try again,
// or any flush of the whole app: closing the window, Ctrl+L) or the coach lets it go. Until
// then closing the window and Ctrl+L ask first, as for text still on screen.
import type { Autosaver, UnsavedField } from './autosave';
import { registerFlush } from './flush';

export type HeldField = {
  key: string;
  /** Different for every time a field is held, so a newer copy of the same field shows as new. */
  hold: number;
  /** The field as the coach knows it ("Notes on this session", a question). */
  label: string;
  /** What was typed, when it is text (shown, so it can be copied); null for other values. */
  text: string | null;
  /** Why the last try failed. */
  error: string;
  /** Trying again could save it: not when the core refused the value itself, nor once superseded. */
  retryable: boolean;
  /**
   * The coach typed in the same field again on a screen that showed what the practice holds:
   * saving this older text now would overwrite that, so it is only shown, to copy from.
   */
  superseded: boolean;
};

export class HeldUnsaved {
  #savers = new Map<string, Autosaver<unknown>>();
  #held = new Map<string, HeldField>();
  /** Screens still sending their last flush. */
  #arriving = new Set<Promise<void>>();
  #listeners = new Set<(held: HeldField[]) => void>();
  #holds = 0;

  get fields(): HeldField[] {
    return [...this.#held.values()];
  }

  /** Calls `listener` with the held fields whenever they change; returns how to stop. */
  listen(listener: (held: HeldField[]) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** A screen is going; `leaving` is its last flush, resolving with the fields it could not save. */
  receive(leaving: Promise<UnsavedField[]>): void {
    const arrival = leaving.then(
      (fields) => {
        for (const field of fields) this.#hold(field);
        if (fields.length > 0) this.#notify();
      },
      () => {},
    );
    this.#arriving.add(arrival);
    void arrival.finally(() => this.#arriving.delete(arrival));
  }

  /** Resolves once every screen that was going has handed over what it could not save. */
  async arrived(): Promise<void> {
    while (this.#arriving.size > 0) await Promise.all([...this.#arriving]);
  }

  /** The coach typed in `key` again, on a screen that did not show the held text. */
  supersede(key: string): void {
    const held = this.#held.get(key);
    if (!held || held.superseded) return;
    this.#held.set(key, { ...held, superseded: true, retryable: false });
    this.#notify();
  }

  /** Sends the held value again; true (and no longer held) once the practice has it. */
  async tryAgain(key: string): Promise<boolean> {
    const saver = this.#savers.get(key);
    const held = this.#held.get(key);
    if (!saver || !held || held.superseded) return false;
    const saved = await saver.flush();
    // The coach may have let it go, or a newer copy taken its place, while this one was on its way.
    if (this.#savers.get(key) !== saver) return saved;
    if (saved) this.#forget(key);
    else this.#held.set(key, describe(key, held.label, saver, held.hold));
    this.#notify();
    return saved;
  }

  /**
   * Tries every held value that could be saved, once the screens still going have handed theirs
   * over; true when nothing is held any more (a superseded or refused value still is).
   */
  async tryAll(): Promise<boolean> {
    await this.arrived();
    const keys = this.fields.filter((held) => held.retryable).map((held) => held.key);
    await Promise.all(keys.map((key) => this.tryAgain(key)));
    return this.#held.size === 0;
  }

  letGo(key: string): void {
    if (!this.#held.has(key)) return;
    this.#forget(key);
    this.#notify();
  }

  /** The coach chose to leave without saving (the lock's question): nothing is held any more. */
  async letGoAll(): Promise<void> {
    await this.arrived();
    if (this.#held.size === 0) return;
    this.#held.clear();
    this.#savers.clear();
    this.#notify();
  }

  #hold({ key, label, saver }: UnsavedField): void {
    // A newer copy of the same field takes the older one's place, at the end of the list.
    this.#forget(key);
    this.#savers.set(key, saver);
    this.#holds += 1;
    this.#held.set(key, describe(key, label, saver, this.#holds));
  }

  #forget(key: string): void {
    this.#held.delete(key);
    this.#savers.delete(key);
  }

  #notify(): void {
    const fields = this.fields;
    for (const listener of this.#listeners) listener(fields);
  }
}

function describe(key: string, label: string, saver: Autosaver<unknown>, hold: number): HeldField {
  const status = saver.status;
  return {
    key,
    hold,
    label,
    text: typeof saver.value === 'string' ? saver.value : null,
    error: status.error ?? 'something went wrong',
    retryable: status.retrying,
    superseded: false,
  };
}

/** The app's one holder, tried again with every flush of the whole app. */
export const heldUnsaved = new HeldUnsaved();
registerFlush(() => heldUnsaved.tryAll(), 'held');
