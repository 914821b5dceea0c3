import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveGroup, Autosaver, combineStatus, statusText, type SaveStatus } from './autosave';

/** A save function whose calls the test resolves or rejects by hand, in any order. */
function controlledSave() {
  const calls: Array<{ value: string; resolve: (at: string) => void; reject: (e: unknown) => void }> = [];
  const save = vi.fn(
    (value: string) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ value, resolve, reject });
      }),
  );
  return { save, calls };
}

/** Lets pending promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver debounce', () => {
  it('starts saved and sends nothing until the coach types', async () => {
    const { save } = controlledSave();
    const saver = new Autosaver('', { save });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.status.state).toBe('saved');
  });

  it('waits for a pause in typing and then sends only the last text', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save, delay: 400 });
    saver.set('H');
    await vi.advanceTimersByTimeAsync(300);
    saver.set('He');
    await vi.advanceTimersByTimeAsync(300);
    saver.set('Hello');
    expect(saver.status.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Hello');
    expect(saver.status.state).toBe('saving');
    calls[0]!.resolve('2026-01-01T10:00:00Z');
    await settle();
    expect(saver.status).toEqual({ state: 'saved', error: null, retrying: false, savedAt: '2026-01-01T10:00:00Z' });
  });

  it('does not count a value equal to the current one as a change', async () => {
    const { save } = controlledSave();
    const saver = new Autosaver('same', { save });
    saver.set('same');
    expect(saver.status.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
  });

  it('reports every change of state to its listener', async () => {
    const { save, calls } = controlledSave();
    const seen: string[] = [];
    const saver = new Autosaver('', { save, onchange: (s) => seen.push(s.state) });
    saver.set('a');
    await vi.advanceTimersByTimeAsync(400);
    calls[0]!.resolve('t');
    await settle();
    expect(seen[0]).toBe('saving');
    expect(seen.at(-1)).toBe('saved');
  });
});

describe('Autosaver flush', () => {
  it('sends at once on flush and resolves when the core has the text', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('typed just before blur');
    const flushed = saver.flush();
    expect(save).toHaveBeenCalledWith('typed just before blur');
    let result: boolean | undefined;
    void flushed.then((r) => (result = r));
    await settle();
    expect(result).toBeUndefined();
    calls[0]!.resolve('t1');
    await settle();
    expect(result).toBe(true);
    // The debounce timer was cancelled: nothing is sent twice.
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('resolves at once when there is nothing to save', async () => {
    const { save } = controlledSave();
    const saver = new Autosaver('x', { save });
    await expect(saver.flush()).resolves.toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('waits for the newest text when a flush comes while an older save is in flight', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('first');
    await vi.advanceTimersByTimeAsync(400);
    saver.set('first and more');
    let result: boolean | undefined;
    void saver.flush().then((r) => (result = r));
    // Only one save per field at a time.
    expect(save).toHaveBeenCalledTimes(1);
    calls[0]!.resolve('t1');
    await settle();
    expect(result).toBeUndefined();
    expect(saver.status.state).toBe('saving');
    expect(save).toHaveBeenCalledTimes(2);
    expect(calls[1]!.value).toBe('first and more');
    calls[1]!.resolve('t2');
    await settle();
    expect(result).toBe(true);
    expect(saver.status.state).toBe('saved');
  });

  it('keeps text typed just before being destroyed when flushed first', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('last words');
    const flushed = saver.flush();
    saver.destroy();
    calls[0]!.resolve('t');
    await expect(flushed).resolves.toBe(true);
    saver.set('ignored after destroy');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe('Autosaver never says saved for older text', () => {
  it('stays saving when an older text is acknowledged after newer typing', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('old');
    await vi.advanceTimersByTimeAsync(400);
    saver.set('new');
    calls[0]!.resolve('t-old');
    await settle();
    // The core has "old"; the coach sees "new": not saved yet.
    expect(saver.status.state).toBe('saving');
    expect(saver.status.savedAt).toBe('t-old');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls[1]!.value).toBe('new');
    calls[1]!.resolve('t-new');
    await settle();
    expect(saver.status.state).toBe('saved');
  });

  it('holds a due save until the one in flight returns, so the core never gets texts out of order', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('one');
    await vi.advanceTimersByTimeAsync(400);
    saver.set('two');
    await vi.advanceTimersByTimeAsync(400);
    // "two" is due but "one" has not returned: it waits.
    expect(save).toHaveBeenCalledTimes(1);
    calls[0]!.resolve('t1');
    await settle();
    expect(save).toHaveBeenCalledTimes(2);
    expect(calls[1]!.value).toBe('two');
    calls[1]!.resolve('t2');
    await settle();
    expect(saver.status.state).toBe('saved');
  });

  it('treats going back to the saved text while a save is in flight as a change still to send', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('a', { save });
    saver.set('ab');
    await vi.advanceTimersByTimeAsync(400);
    saver.set('a');
    calls[0]!.resolve('t1');
    await settle();
    expect(saver.status.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls[1]!.value).toBe('a');
    calls[1]!.resolve('t2');
    await settle();
    expect(saver.status.state).toBe('saved');
  });
});

describe('Autosaver failure and retry', () => {
  it('says why it failed, keeps the text and retries by itself', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save, retryDelay: 3000 });
    saver.set('precious');
    await vi.advanceTimersByTimeAsync(400);
    calls[0]!.reject({ kind: 'storage', message: 'the disk is full' });
    await settle();
    expect(saver.status).toMatchObject({ state: 'failed', error: 'the disk is full' });
    expect(saver.value).toBe('precious');
    await vi.advanceTimersByTimeAsync(2999);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(calls[1]!.value).toBe('precious');
    // Still failed while the retry is out: the text is not stored yet.
    expect(saver.status.state).toBe('failed');
    calls[1]!.resolve('t');
    await settle();
    expect(saver.status).toEqual({ state: 'saved', error: null, retrying: false, savedAt: 't' });
  });

  it('does not send a value the core refused again until the coach changes it', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save, retryDelay: 3000 });
    saver.set('#12');
    await vi.advanceTimersByTimeAsync(400);
    calls[0]!.reject({ kind: 'invalid', field: 'accent_colour', message: 'The accent colour is not a colour' });
    await settle();
    expect(saver.status).toMatchObject({ state: 'failed', error: 'The accent colour is not a colour', retrying: false });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(save).toHaveBeenCalledTimes(1);
    saver.set('#123456');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls[1]!.value).toBe('#123456');
    calls[1]!.resolve('t');
    await settle();
    expect(saver.status).toEqual({ state: 'saved', error: null, retrying: false, savedAt: 't' });
  });

  it('says a failure that is not a refusal is being retried', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('x');
    const flushed = saver.flush();
    calls[0]!.reject({ kind: 'locked', message: 'Your practice is locked' });
    await expect(flushed).resolves.toBe(false);
    expect(saver.status.retrying).toBe(true);
    saver.destroy();
  });

  it('retries on the next keystroke with the newest text', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save, retryDelay: 10_000 });
    saver.set('a');
    await vi.advanceTimersByTimeAsync(400);
    calls[0]!.reject(new Error('locked'));
    await settle();
    saver.set('ab');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls[1]!.value).toBe('ab');
    calls[1]!.resolve('t');
    await settle();
    expect(saver.status.state).toBe('saved');
    // The pending automatic retry finds nothing to do.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('resolves a flush with false on failure and true after a successful retry', async () => {
    const { save, calls } = controlledSave();
    const saver = new Autosaver('', { save });
    saver.set('x');
    const first = saver.flush();
    calls[0]!.reject('busy');
    await expect(first).resolves.toBe(false);
    expect(saver.status.error).toBe('busy');
    const second = saver.flush();
    calls[1]!.resolve('t');
    await expect(second).resolves.toBe(true);
  });

  it('turns a save that throws synchronously into a failure', async () => {
    const saver = new Autosaver('', {
      save: () => {
        throw new Error('bridge gone');
      },
    });
    saver.set('x');
    await expect(saver.flush()).resolves.toBe(false);
    expect(saver.status).toMatchObject({ state: 'failed', error: 'bridge gone' });
    saver.destroy();
  });
});

describe('AutosaveGroup', () => {
  it('reuses the saver of a key and combines the states of all fields', async () => {
    const { save, calls } = controlledSave();
    const states: SaveStatus[] = [];
    const group = new AutosaveGroup({ onchange: (s) => states.push(s) });
    const a = group.field('area1:notes', 'Notes', '', save);
    expect(group.field('area1:notes', 'Notes', 'ignored', save)).toBe(a);
    const b = group.field('area2:notes', 'Notes', '', save);
    a.set('A');
    b.set('B');
    expect(group.status.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(400);
    // Responses in the opposite order from the requests.
    calls[1]!.resolve('2026-01-01T10:00:02Z');
    await settle();
    expect(group.status.state).toBe('saving');
    calls[0]!.resolve('2026-01-01T10:00:01Z');
    await settle();
    expect(group.status).toEqual({ state: 'saved', error: null, retrying: false, savedAt: '2026-01-01T10:00:02Z' });
    expect(states.at(-1)?.state).toBe('saved');
  });

  it('flushes one area by key prefix, or everything', async () => {
    const save = vi.fn(async (v: string) => `at-${v}`);
    const group = new AutosaveGroup();
    group.field('a1:x', 'X', '', save).set('1');
    group.field('a2:x', 'X', '', save).set('2');
    await expect(group.flush('a1:')).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith('1');
    expect(save).not.toHaveBeenCalledWith('2');
    await expect(group.flushAll()).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith('2');
    expect(group.status.state).toBe('saved');
  });

  it('shows a failure even while other fields save fine', async () => {
    const group = new AutosaveGroup();
    group.field('ok', 'Fine', '', async () => 't').set('fine');
    group.field('bad', 'Full', '', async () => Promise.reject({ message: 'no room' })).set('lost?');
    await expect(group.flushAll()).resolves.toBe(false);
    expect(group.status).toMatchObject({ state: 'failed', error: 'no room' });
    group.destroy();
  });
});

describe('combineStatus and statusText', () => {
  it('prefers failed over saving over saved', () => {
    const saved: SaveStatus = { state: 'saved', error: null, retrying: false, savedAt: null };
    const saving: SaveStatus = { state: 'saving', error: null, retrying: false, savedAt: null };
    const failed: SaveStatus = { state: 'failed', error: 'x', retrying: false, savedAt: null };
    expect(combineStatus([]).state).toBe('saved');
    expect(combineStatus([saved, saving]).state).toBe('saving');
    expect(combineStatus([saving, failed, saved]).state).toBe('failed');
  });

  it('words each state', () => {
    expect(statusText({ state: 'saved', error: null, retrying: false, savedAt: null })).toBe('Saved');
    expect(statusText({ state: 'saving', error: null, retrying: false, savedAt: null })).toBe('Saving…');
    expect(statusText({ state: 'failed', error: 'the disk is full', retrying: true, savedAt: null })).toBe('Not saved: the disk is full');
  });
});
