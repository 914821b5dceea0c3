import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleMinutes, setIdleMinutes, watchIdle } from './idleLock';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the chosen minutes without activity, and activity starts the wait again', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(onIdle, target, () => 5);
    vi.advanceTimersByTime(4 * 60_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('never locks on "never", and stops listening when stopped', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(onIdle, target, () => 0);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    stop();
    const after = vi.fn();
    watchIdle(after, target, () => 1)();
    vi.advanceTimersByTime(2 * 60_000);
    expect(after).not.toHaveBeenCalled();
  });

  it('keeps a chosen number of minutes and falls back to fifteen for anything else', () => {
    const storage = memoryStorage();
    expect(idleMinutes(storage)).toBe(15);
    setIdleMinutes(30, storage);
    expect(idleMinutes(storage)).toBe(30);
    setIdleMinutes(0, storage);
    expect(idleMinutes(storage)).toBe(0);
    storage.setItem('tenfold.idle-lock-minutes', 'soon');
    expect(idleMinutes(storage)).toBe(15);
  });
});
