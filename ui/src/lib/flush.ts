// Screens with unsaved typing register a flush here, and so does the holder of what closed
// screens could not save (heldUnsaved.ts); before the window closes or the app locks, App awaits
// them all (bounded, so a hung save can never keep the window from closing) and asks the coach
// about what is still not saved, in words that say where it is.

type Flush = () => Promise<unknown>;

/** Where unsaved typing is: on a screen still open, or held after its screen closed. */
export type FlushKind = 'screen' | 'held';

const flushes = new Map<Flush, FlushKind>();

/** Registers a flush; call the returned function when the screen goes away. */
export function registerFlush(flush: Flush, kind: FlushKind = 'screen'): () => void {
  flushes.set(flush, kind);
  return () => {
    flushes.delete(flush);
  };
}

export const CLOSE_FLUSH_LIMIT_MS = 4000;

/**
 * Runs every registered flush and resolves when all have settled, or after `limitMs`,
 * whichever comes first, with the kinds whose flush failed, threw or was still running: an
 * empty set when everything is saved.
 */
export async function flushAll(limitMs = CLOSE_FLUSH_LIMIT_MS): Promise<ReadonlySet<FlushKind>> {
  const unsaved = new Set<FlushKind>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), limitMs);
  });
  const settled = [...flushes].map(async ([flush, kind]) => {
    const done = Promise.resolve()
      .then(flush)
      .then(
        (result) => result !== false,
        () => false,
      );
    if (!(await Promise.race([done, late]))) unsaved.add(kind);
  });
  try {
    await Promise.all(settled);
    return unsaved;
  } finally {
    clearTimeout(timer);
  }
}
