// Capturing homework from the live notes: remembers the answer or note the coach was last in,
// turns its selected words (or the cursor's line) into an item of the session's homework with
// one key, and says what happened for a few seconds.
import { announce } from '../lib/announcer.svelte';
import { toErrorView } from '../lib/errors';
import type { HomeworkItem } from '../lib/bindings';
import { captureText } from './capture';

/** What the capture needs of the session's homework list. */
export type CaptureTarget = {
  capture: (text: string, focusAreaId: string | null, optional: boolean) => Promise<HomeworkItem>;
  labelOf: (id: string) => string;
};

export class LiveCapture {
  notice = $state<{ tone: 'done' | 'error'; text: string } | null>(null);
  #source: HTMLTextAreaElement | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Call on focus within the screen: an answer or note becomes what the key reads from. */
  track(event: FocusEvent) {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement && target.classList.contains('answer')) this.#source = target;
  }

  /**
   * Turns the words of the last answer or note into homework. `areaId` is the area the
   * answers on screen belong to; the session's own notes belong to none.
   */
  async capture(optional: boolean, areaId: string | null, target: CaptureTarget | undefined) {
    const source = this.#source?.isConnected ? this.#source : null;
    if (!source || !target) {
      this.#tell('error', 'Put the cursor in an answer or a note first, or select the words to use.');
      return;
    }
    const text = captureText(source.value, source.selectionStart, source.selectionEnd);
    if (!text) {
      this.#tell('error', 'That line is empty: select some words, or put the cursor in a line that has some.');
      return;
    }
    try {
      const item = await target.capture(text, source.id === 'session-notes' ? null : areaId, optional);
      this.#tell('done', `Added to homework as ${target.labelOf(item.id)}: “${item.text}”`);
    } catch (reason) {
      this.#tell('error', `Not added to homework: ${toErrorView(reason).message}`);
    }
    if (document.activeElement !== source) source.focus();
  }

  destroy() {
    clearTimeout(this.#timer);
  }

  #tell(tone: 'done' | 'error', text: string) {
    this.notice = { tone, text };
    // Said once through the app's live region; the notice on screen is not a live region.
    announce(text);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.notice = null), tone === 'done' ? 4000 : 8000);
  }
}
