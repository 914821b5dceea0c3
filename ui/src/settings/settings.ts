// Reading the settings form.
import { TIMER_MINUTES_MAX, TIMER_MINUTES_MIN } from '../lib/bindings';

/** Minutes per focus area: a whole number in the core's range (1 to 120). */
export function parseMinutes(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !/^\d+$/.test(t) || n < TIMER_MINUTES_MIN || n > TIMER_MINUTES_MAX) {
    return { ok: false, message: `Minutes are a whole number from ${TIMER_MINUTES_MIN} to ${TIMER_MINUTES_MAX}` };
  }
  return { ok: true, value: n };
}
