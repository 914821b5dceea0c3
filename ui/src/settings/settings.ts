// Reading the settings form.

export const MAX_TIMER_MINUTES = 120;

/** Minutes per focus area: a whole number from 1 to 120. */
export function parseMinutes(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !/^\d+$/.test(t) || n < 1 || n > MAX_TIMER_MINUTES) {
    return { ok: false, message: `Minutes are a whole number from 1 to ${MAX_TIMER_MINUTES}` };
  }
  return { ok: true, value: n };
}
