/**
 * `load`, called at most once: later calls share the first call's promise. A load that failed
 * is tried again at the next call, so a chunk that did not arrive is asked for anew.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((reason: unknown) => {
      pending = null;
      throw reason;
    }));
}
