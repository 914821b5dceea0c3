// The app lock after idle minutes. The choice is this computer's (like the theme), kept in the
// WebView's storage; the lock itself is the core's (the connection closes, the key is dropped).

const STORAGE_KEY = 'tenfold.idle-lock-minutes';
/** Minutes the coach can choose; 0 is never. */
export const IDLE_CHOICES = [0, 5, 10, 15, 30, 60] as const;
const DEFAULT_MINUTES = 15;
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export function idleMinutes(storage: Pick<Storage, 'getItem'> = localStorage): number {
  const saved = storage.getItem(STORAGE_KEY);
  const minutes = saved === null ? DEFAULT_MINUTES : Number(saved);
  return (IDLE_CHOICES as readonly number[]).includes(minutes) ? minutes : DEFAULT_MINUTES;
}

export function setIdleMinutes(minutes: number, storage: Pick<Storage, 'setItem'> = localStorage) {
  storage.setItem(STORAGE_KEY, String(minutes));
}

/**
 * Calls `onIdle` once no key, click, pointer move or scroll has reached `target` for the chosen
 * minutes (read again at each activity, so a new choice counts at once). Returns the stop.
 */
export function watchIdle(onIdle: () => void, target: EventTarget = window, minutes: () => number = () => idleMinutes()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    const wait = minutes();
    if (wait > 0) timer = setTimeout(onIdle, wait * 60_000);
  };
  for (const kind of ACTIVITY) target.addEventListener(kind, restart, { passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const kind of ACTIVITY) target.removeEventListener(kind, restart);
  };
}
