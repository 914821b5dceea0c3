// Where the keyboard goes when a screen replaces the one that held it.

/** True when the focus has fallen to the page: the control that had it is gone. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}

/**
 * Puts the focus on `target` (a screen's heading, with tabindex="-1") only when it has fallen to
 * the page, as when the button that opened this screen went with the screen before it. Focus a
 * person placed somewhere on purpose is left where it is.
 */
export function landOn(target: HTMLElement | null | undefined) {
  if (target && focusIsLost()) target.focus();
}
