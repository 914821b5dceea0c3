// Light or dark: follows the system's prefers-color-scheme unless the coach picks one; the
// choice is remembered on this computer.

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'tenfold.theme';

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? 'system';
}

export function savedTheme(): ThemeChoice {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return (THEME_CHOICES as readonly string[]).includes(saved ?? '') ? (saved as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = resolveTheme(choice, systemDark().matches);
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private storage may be unavailable; the theme still applies for this run.
  }
}

/** Applies `current()` now and again whenever the system switches between light and dark. */
export function followSystem(current: () => ThemeChoice): () => void {
  const query = systemDark();
  const update = () => applyTheme(current());
  query.addEventListener('change', update);
  update();
  return () => query.removeEventListener('change', update);
}
