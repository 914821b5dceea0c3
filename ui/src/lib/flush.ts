// Screens with unsaved typing register a flush here; before the window closes, App awaits
// them all (bounded, so a hung save can never keep the window from closing).

type Flush = () => Promise<unknown>;

const flushes = new Set<Flush>();

/** Registers a flush; call the returned function when the screen goes away. */
export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

export const CLOSE_FLUSH_LIMIT_MS = 4000;

/**
 * Runs every registered flush and resolves when all have settled, or after `limitMs`,
 * whichever comes first. Resolves true when every flush finished in time without throwing.
 */
export async function flushAll(limitMs = CLOSE_FLUSH_LIMIT_MS): Promise<boolean> {
  const all = Promise.allSettled([...flushes].map((f) => f())).then((results) =>
    results.every((r) => r.status === 'fulfilled' && r.value !== false),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), limitMs);
  });
  try {
    return await Promise.race([all, late]);
  } finally {
    clearTimeout(timer);
  }
}
