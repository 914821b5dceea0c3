// The one list of keyboard shortcuts. Handlers match events against it and tooltips, labels
// and the key-help overlay format from it, so what the app says and what it does cannot drift.

export type ShortcutId =
  | 'new-client'
  | 'search'
  | 'palette'
  | 'edit-client'
  | 'client-tab'
  | 'next-area'
  | 'prev-area'
  | 'rate'
  | 'timer'
  | 'call-mode'
  | 'settings'
  | 'save'
  | 'close'
  | 'list-move'
  | 'today'
  | 'lock'
  | 'sync'
  | 'capture-homework'
  | 'capture-optional'
  | 'wrap-up'
  | 'export-letter'
  | 'copy-letter'
  | 'email-letter'
  | 'homework-status'
  | 'zoom'
  | 'help';

export type Shortcut = {
  id: ShortcutId;
  /** `Mod` is Ctrl (⌘ on a Mac); parts joined by `+`, e.g. `Mod+N`, `?`, `Escape`. */
  combo: string;
  /** Extra combos that do the same thing, listed with the first. */
  also?: string[];
  /** What it does, in a few words. */
  label: string;
  /** Where it works, when not everywhere. */
  where?: string;
  /** How the help shows a long run of keys: combos, with `–` meaning "through". */
  shown?: string[];
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new-client', combo: 'Mod+N', label: 'New client' },
  { id: 'search', combo: 'Mod+F', label: 'Search clients' },
  { id: 'palette', combo: 'Mod+K', label: 'Search everything: names, notes, answers, homework' },
  { id: 'edit-client', combo: 'Mod+E', label: 'Edit the client on screen' },
  {
    id: 'client-tab',
    combo: 'Alt+1',
    also: ['Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6', 'Alt+7'],
    label: 'Overview, Session, History, Assessment Map, Profile, Formulation, Directives',
    where: 'With a client open',
    shown: ['Alt+1', '–', 'Alt+7'],
  },
  {
    id: 'next-area',
    combo: 'Mod+ArrowDown',
    label: 'Next focus area, or next formulation step',
    where: 'Live session and formulation, even while typing',
  },
  {
    id: 'prev-area',
    combo: 'Mod+ArrowUp',
    label: 'Previous focus area, or previous formulation step',
    where: 'Live session and formulation, even while typing',
  },
  {
    id: 'rate',
    combo: '1',
    also: ['2', '3', '4', '5', '6', '7', '8', '9', '0'],
    label: 'Record the satisfaction rating (0 is 10)',
    where: 'Live session, outside a text field; Esc leaves the field',
    shown: ['1', '–', '9', '0'],
  },
  { id: 'timer', combo: 'Mod+Shift+T', label: 'Start or pause the focus-area timer', where: 'Live session' },
  { id: 'call-mode', combo: 'Mod+Shift+M', label: 'Call mode: only the current focus area', where: 'Live session' },
  {
    id: 'capture-homework',
    combo: 'Mod+Shift+H',
    label: 'Turn the selected words, or the line with the cursor, into homework',
    where: 'Live session, in an answer or note',
  },
  { id: 'capture-optional', combo: 'Mod+Shift+O', label: 'The same, as an optional item', where: 'Live session, in an answer or note' },
  { id: 'wrap-up', combo: 'Mod+Shift+W', label: 'Wrap up the session: ratings, homework, letter', where: 'Live session' },
  { id: 'export-letter', combo: 'Mod+Shift+E', label: 'Export the homework letter as a PDF', where: 'Wrap-up' },
  { id: 'copy-letter', combo: 'Mod+Shift+L', label: 'Copy the homework letter as e-mail text', where: 'Wrap-up' },
  { id: 'email-letter', combo: 'Mod+Shift+S', label: 'E-mail the homework letter with its PDF attached', where: 'Wrap-up' },
  {
    id: 'homework-status',
    combo: 'D',
    also: ['P', 'S', 'O'],
    label: 'Homework went: done, partly, skipped, still open',
    where: 'Session prep, on a homework item (↑ ↓ move between items)',
  },
  { id: 'today', combo: 'Mod+T', label: 'Today: the week’s sessions and what needs attention' },
  { id: 'settings', combo: 'Mod+,', label: 'Open settings' },
  { id: 'sync', combo: 'Mod+Shift+D', label: 'Sync with your other devices now', where: 'A shared practice' },
  { id: 'lock', combo: 'Mod+L', label: 'Lock Tenfold: hide every client until the passphrase is typed', where: 'An encrypted practice' },
  { id: 'save', combo: 'Mod+Enter', label: 'Save the form', where: 'In a form, even from the notes' },
  // Handled by the desktop shell (Tauri's zoom keys), listed so the help names them.
  { id: 'zoom', combo: 'Mod+=', also: ['Mod+-', 'Mod+0'], label: 'Larger, smaller, or back to normal size' },
  { id: 'list-move', combo: 'ArrowDown', also: ['ArrowUp'], label: 'Move through the client list', where: 'In the client list' },
  { id: 'close', combo: 'Escape', label: 'Close a form, call mode or this help' },
  { id: 'help', combo: '?', label: 'Show these shortcuts', where: 'Anywhere but a text field' },
];

export type Combo = { key: string; mod: boolean; shift: boolean; alt: boolean };

/** The subset of KeyboardEvent that matching needs, so tests can pass plain objects. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export function parseCombo(combo: string): Combo {
  // A lone "+" is a key; otherwise "+" separates parts.
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { key, mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt') };
}

/** Keys whose character already depends on Shift (like `?`), so Shift is not compared. */
function isSymbol(key: string): boolean {
  return key.length === 1 && !/[\p{L}\p{N}]/u.test(key);
}

export function matches(event: KeyLike, combo: string, mac = isMac()): boolean {
  const want = parseCombo(combo);
  const mod = mac ? event.metaKey : event.ctrlKey;
  const otherMod = mac ? event.ctrlKey : event.metaKey;
  if (mod !== want.mod || otherMod || event.altKey !== want.alt) return false;
  if (!isSymbol(want.key) && event.shiftKey !== want.shift) return false;
  return event.key.toLowerCase() === want.key.toLowerCase();
}

export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (!found) throw new Error(`No shortcut called ${id}`);
  return found;
}

/** Which shortcut, if any, this event is (only the first combo of each counts). */
export function shortcutFor(event: KeyLike, mac = isMac()): ShortcutId | null {
  return SHORTCUTS.find((s) => matches(event, s.combo, mac))?.id ?? null;
}

type FormKeyEvent = KeyLike & Pick<KeyboardEvent, 'preventDefault' | 'stopPropagation'>;

/**
 * The keys of a form saved by its button: the save shortcut saves it, Esc closes it. Esc goes
 * no further, so the screen behind the form does not close too.
 */
export function formKeys(actions: { save: () => void; close: () => void }, mac = isMac()): (event: FormKeyEvent) => void {
  return (event) => {
    const id = shortcutFor(event, mac);
    if (id === 'save') {
      event.preventDefault();
      actions.save();
    } else if (id === 'close') {
      event.preventDefault();
      event.stopPropagation();
      actions.close();
    }
  };
}

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
  ' ': 'Space',
};

/** The keys of a combo as people read them, one entry per key: `['Ctrl', 'N']`. */
export function comboKeys(combo: string, mac = isMac()): string[] {
  const c = parseCombo(combo);
  const keys: string[] = [];
  if (c.mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (c.alt) keys.push(mac ? '⌥' : 'Alt');
  if (c.shift) keys.push(mac ? '⇧' : 'Shift');
  keys.push(KEY_NAMES[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key));
  return keys;
}

/** `Ctrl+N` (or `⌘N` on a Mac). */
export function formatCombo(combo: string, mac = isMac()): string {
  return comboKeys(combo, mac).join(mac ? '' : '+');
}

/** The formatted keys of a shortcut: `Ctrl+N`. */
export function keysOf(id: ShortcutId, mac = isMac()): string {
  return formatCombo(shortcut(id).combo, mac);
}

/** A tooltip that names the action and its key: `New client (Ctrl+N)`. */
export function withKeys(label: string, id: ShortcutId, mac = isMac()): string {
  return `${label} (${keysOf(id, mac)})`;
}

/** The rating a digit key records (1–9, and 0 for 10), or null; no modifier may be held. */
export function ratingFromKey(event: KeyLike): number | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (!/^[0-9]$/.test(event.key)) return null;
  const digit = Number(event.key);
  return digit === 0 ? 10 : digit;
}

/**
 * Which client screen (0-based) Alt+1…Alt+9 asks for (up to `count` screens), or null. Reads `code` too, because
 * Alt changes the character of a digit on some keyboards (⌥1 is ¡ on a Mac).
 */
export function tabFromKey(event: KeyLike & { code?: string }, count = 5): number | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : /^Digit([1-9])$/.exec(event.code ?? '')?.[1];
  const n = Number(digit);
  return n >= 1 && n <= count ? n - 1 : null;
}

/** True while the person is typing, when single-key shortcuts such as `?` must stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const nonText = ['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'];
  return !nonText.includes((el.type ?? 'text').toLowerCase());
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');
}
