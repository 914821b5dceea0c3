import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  comboKeys,
  formKeys,
  formatCombo,
  isTypingTarget,
  keysOf,
  matches,
  parseCombo,
  ratingFromKey,
  shortcutFor,
  tabFromKey,
  withKeys,
} from './keys';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('parseCombo', () => {
  it('splits modifiers from the key', () => {
    expect(parseCombo('Mod+Shift+N')).toEqual({ key: 'N', mod: true, shift: true, alt: false });
    expect(parseCombo('?')).toEqual({ key: '?', mod: false, shift: false, alt: false });
    expect(parseCombo('+').key).toBe('+');
  });
});

describe('matches', () => {
  it('treats Mod as Ctrl off a Mac and ⌘ on one', () => {
    expect(matches(key('n', { ctrl: true }), 'Mod+N', false)).toBe(true);
    expect(matches(key('N', { ctrl: true }), 'Mod+N', false)).toBe(true);
    expect(matches(key('n', { meta: true }), 'Mod+N', false)).toBe(false);
    expect(matches(key('n', { meta: true }), 'Mod+N', true)).toBe(true);
    expect(matches(key('n', { ctrl: true }), 'Mod+N', true)).toBe(false);
  });

  it('needs exactly the modifiers asked for', () => {
    expect(matches(key('n'), 'Mod+N', false)).toBe(false);
    expect(matches(key('n', { ctrl: true, shift: true }), 'Mod+N', false)).toBe(false);
    expect(matches(key('n', { ctrl: true, alt: true }), 'Mod+N', false)).toBe(false);
    expect(matches(key('Escape'), 'Escape', false)).toBe(true);
    expect(matches(key('Escape', { ctrl: true }), 'Escape', false)).toBe(false);
  });

  it('ignores Shift for symbols that need it', () => {
    expect(matches(key('?', { shift: true }), '?', false)).toBe(true);
    expect(matches(key('?'), '?', false)).toBe(true);
    expect(matches(key('/'), '?', false)).toBe(false);
  });
});

describe('shortcutFor', () => {
  it('finds the shortcut an event stands for', () => {
    expect(shortcutFor(key('n', { ctrl: true }), false)).toBe('new-client');
    expect(shortcutFor(key('?', { shift: true }), false)).toBe('help');
    expect(shortcutFor(key('Enter', { ctrl: true }), false)).toBe('save');
    expect(shortcutFor(key('x'), false)).toBeNull();
  });

  it('has no two shortcuts on the same keys', () => {
    const combos = SHORTCUTS.flatMap((s) => [s.combo, ...(s.also ?? [])]).map((c) => formatCombo(c, false));
    expect(new Set(combos).size).toBe(combos.length);
  });
});

describe('formatting', () => {
  it('shows keys the way people read them', () => {
    expect(keysOf('new-client', false)).toBe('Ctrl+N');
    expect(keysOf('new-client', true)).toBe('⌘N');
    expect(formatCombo('Escape', false)).toBe('Esc');
    expect(comboKeys('Mod+Enter', false)).toEqual(['Ctrl', 'Enter']);
    expect(withKeys('New client', 'new-client', false)).toBe('New client (Ctrl+N)');
  });
});

describe('isTypingTarget', () => {
  it('is quiet in text fields and not on buttons', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('live-session keys', () => {
  it('finds the area and call-mode shortcuts', () => {
    expect(shortcutFor(key('ArrowDown', { ctrl: true }), false)).toBe('next-area');
    expect(shortcutFor(key('ArrowUp', { ctrl: true }), false)).toBe('prev-area');
    expect(shortcutFor(key('M', { ctrl: true, shift: true }), false)).toBe('call-mode');
    expect(shortcutFor(key('T', { ctrl: true, shift: true }), false)).toBe('timer');
    expect(shortcutFor(key(',', { ctrl: true }), false)).toBe('settings');
    expect(keysOf('next-area', false)).toBe('Ctrl+↓');
  });

  it('turns digits into ratings, 0 into 10, and ignores digits with modifiers', () => {
    expect(ratingFromKey(key('1'))).toBe(1);
    expect(ratingFromKey(key('9'))).toBe(9);
    expect(ratingFromKey(key('0'))).toBe(10);
    expect(ratingFromKey(key('a'))).toBeNull();
    expect(ratingFromKey(key('1', { ctrl: true }))).toBeNull();
    expect(ratingFromKey(key('1', { alt: true }))).toBeNull();
  });

  it('shows only real combos (or "–") in a shortened run of keys', () => {
    for (const s of SHORTCUTS) {
      for (const shown of s.shown ?? []) {
        if (shown !== '–') expect([s.combo, ...(s.also ?? [])]).toContain(shown);
      }
    }
  });

  it('lists every digit that records a rating in the help', () => {
    const rate = SHORTCUTS.find((s) => s.id === 'rate');
    const keys = [rate?.combo, ...(rate?.also ?? [])].sort();
    expect(keys).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('maps Alt+1…Alt+5 to the client screens, by key or by code', () => {
    expect(tabFromKey(key('1', { alt: true }))).toBe(0);
    expect(tabFromKey(key('5', { alt: true }))).toBe(4);
    expect(tabFromKey({ ...key('¡', { alt: true }), code: 'Digit1' })).toBe(0);
    expect(tabFromKey(key('6', { alt: true }))).toBeNull();
    expect(tabFromKey(key('7', { alt: true }), 7)).toBe(6);
    expect(tabFromKey(key('8', { alt: true }), 7)).toBeNull();
    expect(tabFromKey(key('1'))).toBeNull();
    expect(tabFromKey(key('1', { alt: true, ctrl: true }))).toBeNull();
  });
});

describe('formKeys', () => {
  const pressed = (k: string, mods: Parameters<typeof key>[1] = {}) => {
    const calls: string[] = [];
    const event = { ...key(k, mods), preventDefault: () => calls.push('prevented'), stopPropagation: () => calls.push('stopped') };
    return { event, calls };
  };

  it('saves on the save shortcut and closes on Esc, which goes no further', () => {
    const done: string[] = [];
    const onKey = formKeys({ save: () => done.push('save'), close: () => done.push('close') }, false);
    const save = pressed('Enter', { ctrl: true });
    onKey(save.event);
    expect(save.calls).toEqual(['prevented']);
    const esc = pressed('Escape');
    onKey(esc.event);
    expect(esc.calls).toEqual(['prevented', 'stopped']);
    expect(done).toEqual(['save', 'close']);
  });

  it('leaves every other key to the form', () => {
    const done: string[] = [];
    const onKey = formKeys({ save: () => done.push('save'), close: () => done.push('close') }, false);
    for (const other of [pressed('s'), pressed('Enter'), pressed('Tab')]) {
      onKey(other.event);
      expect(other.calls).toEqual([]);
    }
    expect(done).toEqual([]);
  });
});
