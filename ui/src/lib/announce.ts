// What a screen reader hears of the app's quiet events: "Saved", a save that failed, homework
// captured. One polite live region (LiveAnnouncer.svelte) speaks them; this file holds the rules
// for when, with no Svelte in it, so they can be tested with fake timers.
//
// The autosave's state flips between "Saving…" and "Saved" on nearly every pause in typing. A
// live region that followed it would talk over the coach's call, so "Saved" is said once the
// state has stayed saved for a while (the coach stopped typing), a failure once per new reason,
// and nothing at all while the text is being saved.
import type { SaveStatus } from './autosave';

/** How long the state must stay "saved" before it is said. */
export const SETTLE_MS = 1500;

type Clock = {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

const realClock: Clock = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Turns the stream of save states of one screen into the few things worth saying. */
export class SaveAnnouncer {
  #say: (text: string) => void;
  #settleMs: number;
  #clock: Clock;
  #timer: unknown = null;
  /** Something was typed since "Saved" was last said, or a failure was. */
  #unsaid = false;
  #lastFailure: string | null = null;

  constructor(say: (text: string) => void, settleMs = SETTLE_MS, clock: Clock = realClock) {
    this.#say = say;
    this.#settleMs = settleMs;
    this.#clock = clock;
  }

  update(status: SaveStatus) {
    this.#cancel();
    if (status.state === 'saving') {
      this.#unsaid = true;
    } else if (status.state === 'failed') {
      this.#unsaid = true;
      const reason = status.error ?? 'something went wrong';
      if (reason !== this.#lastFailure) this.#say(`Not saved: ${reason}`);
      this.#lastFailure = reason;
    } else if (this.#unsaid) {
      this.#timer = this.#clock.set(() => {
        this.#timer = null;
        this.#unsaid = false;
        this.#lastFailure = null;
        this.#say('Saved');
      }, this.#settleMs);
    }
  }

  destroy() {
    this.#cancel();
  }

  #cancel() {
    if (this.#timer !== null) this.#clock.clear(this.#timer);
    this.#timer = null;
  }
}
