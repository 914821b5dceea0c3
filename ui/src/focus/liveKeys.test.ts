import { describe, expect, it } from 'vitest';
import { liveAction, type LiveContext } from './liveKeys';

const key = (k: string, mods: Partial<{ ctrl: boolean; shift: boolean }> = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  shiftKey: mods.shift ?? false,
  altKey: false,
});
const idle: LiveContext = { typing: false, inEntry: false, callMode: false, hasArea: true };
const inQuestion: LiveContext = { ...idle, typing: true, inEntry: true };

describe('live screen keys', () => {
  it('rates with a digit outside a text field only, 0 meaning 10', () => {
    expect(liveAction(key('7'), idle, false)).toEqual({ kind: 'rate', value: 7 });
    expect(liveAction(key('0'), idle, false)).toEqual({ kind: 'rate', value: 10 });
    expect(liveAction(key('7'), inQuestion, false)).toBeNull();
    expect(liveAction(key('7'), { ...idle, hasArea: false }, false)).toBeNull();
  });

  it('moves between areas, toggles call mode and the timer, captures and wraps up, even while typing', () => {
    expect(liveAction(key('ArrowDown', { ctrl: true }), inQuestion, false)).toEqual({ kind: 'step', delta: 1 });
    expect(liveAction(key('ArrowUp', { ctrl: true }), idle, false)).toEqual({ kind: 'step', delta: -1 });
    expect(liveAction(key('M', { ctrl: true, shift: true }), inQuestion, false)).toEqual({ kind: 'call-mode' });
    expect(liveAction(key('T', { ctrl: true, shift: true }), idle, false)).toEqual({ kind: 'timer' });
    expect(liveAction(key('H', { ctrl: true, shift: true }), inQuestion, false)).toEqual({ kind: 'capture', optional: false });
    expect(liveAction(key('O', { ctrl: true, shift: true }), inQuestion, false)).toEqual({ kind: 'capture', optional: true });
    expect(liveAction(key('W', { ctrl: true, shift: true }), idle, false)).toEqual({ kind: 'wrap-up' });
  });

  it('lets Esc leave the question first, then call mode', () => {
    expect(liveAction(key('Escape'), { ...inQuestion, callMode: true }, false)).toEqual({ kind: 'leave-field' });
    expect(liveAction(key('Escape'), { ...idle, callMode: true }, false)).toEqual({ kind: 'leave-call-mode' });
    expect(liveAction(key('Escape'), idle, false)).toBeNull();
    expect(liveAction(key('Escape'), { ...idle, typing: true, callMode: true }, false)).toBeNull();
  });
});
