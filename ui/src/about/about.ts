// Pure helpers for the About section and the window title.
import type { Library } from '../lib/bindings';

/** The window's title: the app's name, and the open client's name when there is one. */
export function windowTitle(clientName: string | null | undefined): string {
  const name = clientName?.trim();
  return name ? `Tenfold — ${name}` : 'Tenfold';
}

export type LicenceCount = { licence: string; count: number };

/**
 * How many libraries come under each licence, most common first (ties by name). Expressions
 * are normalised only as far as old crates write them (`MIT/Apache-2.0` is `MIT OR Apache-2.0`).
 */
export function licenceCounts(libraries: readonly Library[]): LicenceCount[] {
  const counts = new Map<string, number>();
  for (const library of libraries) {
    const licence = normaliseLicence(library.licence);
    counts.set(licence, (counts.get(licence) ?? 0) + 1);
  }
  return [...counts]
    .map(([licence, count]) => ({ licence, count }))
    .sort((a, b) => b.count - a.count || a.licence.localeCompare(b.licence));
}

export function normaliseLicence(licence: string): string {
  const trimmed = licence.trim();
  if (trimmed === '') return 'not stated';
  return trimmed.replace(/\s*\/\s*/g, ' OR ');
}

/** The libraries whose name or licence contains `query` (case-insensitive). */
export function filterLibraries(libraries: readonly Library[], query: string): Library[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...libraries];
  return libraries.filter((l) => l.name.toLowerCase().includes(needle) || l.licence.toLowerCase().includes(needle));
}
