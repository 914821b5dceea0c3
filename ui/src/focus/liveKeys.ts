// What a key press means on the live screen. Pure, so the rules (digits rate only outside a
// text field, Esc first leaves the question, then call mode) are tested without a window.
import { ratingFromKey, shortcutFor, type KeyLike } from '../lib/keys';

export type LiveAction =
  | { kind: 'step'; delta: 1 | -1 }
  | { kind: 'call-mode' }
  | { kind: 'timer' }
  | { kind: 'capture'; optional: boolean }
  | { kind: 'wrap-up' }
  /** Esc in a question: leave it, so digit keys rate again. */
  | { kind: 'leave-field' }
  | { kind: 'leave-call-mode' }
  | { kind: 'rate'; value: number };

export type LiveContext = {
  /** The key went to a text field. */
  typing: boolean;
  /** That field is one of the current area's questions. */
  inEntry: boolean;
  callMode: boolean;
  /** A focus area is on screen (digits have something to rate). */
  hasArea: boolean;
};

export function liveAction(event: KeyLike, context: LiveContext, mac?: boolean): LiveAction | null {
  const id = shortcutFor(event, mac);
  switch (id) {
    case 'next-area':
      return { kind: 'step', delta: 1 };
    case 'prev-area':
      return { kind: 'step', delta: -1 };
    case 'call-mode':
      return { kind: 'call-mode' };
    case 'timer':
      return { kind: 'timer' };
    case 'capture-homework':
    case 'capture-optional':
      return { kind: 'capture', optional: id === 'capture-optional' };
    case 'wrap-up':
      return { kind: 'wrap-up' };
    case 'close':
      if (context.typing && context.inEntry) return { kind: 'leave-field' };
      if (context.callMode && !context.typing) return { kind: 'leave-call-mode' };
      return null;
  }
  if (context.typing || !context.hasArea) return null;
  const value = ratingFromKey(event);
  return value === null ? null : { kind: 'rate', value };
}
