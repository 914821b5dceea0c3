// Where the keyboard goes when a screen replaces the one that held it.

// Whether anything has held the focus since the app started: before that, the focus is not
// lost, only not placed yet, and the first screen leaves it so (no ring on a heading at start).
let focusedOnce = false;
if (typeof document !== 'undefined') document.addEventListener('focusin', () => (focusedOnce = true), { capture: true, once: true });

/** True when the focus has fallen to the page: the control that had it is gone. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return focusedOnce && (!active || active === document.body || active === document.documentElement);
}

/**
 * Puts the focus on `target` (a screen's heading, with tabindex="-1") only when it has fallen to
 * the page, as when the button that opened this screen went with the screen before it. Focus a
 * person placed somewhere on purpose is left where it is.
 */
export function landOn(target: HTMLElement | null | undefined) {
  if (target && focusIsLost()) target.focus();
}
