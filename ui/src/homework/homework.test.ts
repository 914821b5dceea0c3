import { describe, expect, it } from 'vitest';
import type { HomeworkItem } from '../lib/bindings';
import { shortcut } from '../lib/keys';
import { STATUS_CHOICES, editOf, homeworkLabels, itemCount, statusFromKey } from './homework';

const item = (text: string, is_optional = false): HomeworkItem => ({
  id: text,
  client_id: 'c',
  session_id: 's',
  focus_area_id: null,
  position: 1,
  text,
  is_optional,
  due_on: null,
  status: 'open',
  created_at: '2026-04-01T10:00:00.000Z',
  updated_at: '2026-04-01T10:00:00.000Z',
});

describe('homework list', () => {
  it('numbers every item as the letter does and marks the optional ones', () => {
    expect(homeworkLabels([item('a'), item('b', true), item('c')])).toEqual(['HW1', 'HW2 · optional', 'HW3']);
    expect(homeworkLabels([])).toEqual([]);
  });

  it('counts items in words', () => {
    expect(itemCount(1)).toBe('1 item');
    expect(itemCount(3)).toBe('3 items');
  });

  it('changes one thing of an item and keeps the rest', () => {
    expect(editOf(item('Walk'), { is_optional: true })).toEqual({ text: 'Walk', is_optional: true, due_on: '' });
    expect(editOf({ ...item('Walk'), due_on: '2026-05-01' }, { text: 'Run' })).toEqual({ text: 'Run', is_optional: false, due_on: '2026-05-01' });
  });
});

describe('one-key statuses', () => {
  const key = (k: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
    key: k,
    ctrlKey: !!mods.ctrl,
    metaKey: false,
    altKey: !!mods.alt,
    shiftKey: !!mods.shift,
  });

  it('maps D, P, S and O to the four statuses, either case', () => {
    expect(['d', 'p', 's', 'o'].map((k) => statusFromKey(key(k)))).toEqual(['done', 'partly', 'skipped', 'open']);
    expect(statusFromKey(key('D', { shift: true }))).toBe('done');
  });

  it('ignores other keys and keys with Ctrl or Alt', () => {
    expect(statusFromKey(key('x'))).toBeNull();
    expect(statusFromKey(key('d', { ctrl: true }))).toBeNull();
    expect(statusFromKey(key('s', { alt: true }))).toBeNull();
  });

  it('offers each of the four statuses once', () => {
    expect(new Set(STATUS_CHOICES.map((c) => c.id))).toEqual(new Set(['open', 'done', 'partly', 'skipped']));
    expect(STATUS_CHOICES).toHaveLength(4);
  });

  it('agrees with the key help', () => {
    const help = shortcut('homework-status');
    expect([help.combo, ...(help.also ?? [])]).toEqual(STATUS_CHOICES.map((c) => c.key));
  });
});
