// Putting things in order, for every list the coach can rearrange.

/** The ids in a new order with `id` moved by `delta` places, or null when it cannot move. */
export function moved(ids: readonly string[], id: string, delta: number): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length || delta === 0) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
