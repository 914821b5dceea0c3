import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushAll, registerFlush } from './flush';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
  vi.useRealTimers();
});

describe('flushAll', () => {
  it('runs every registered flush and waits for them', async () => {
    const order: string[] = [];
    cleanups.push(registerFlush(async () => order.push('a')));
    cleanups.push(registerFlush(() => new Promise((r) => setTimeout(() => r(order.push('b')), 5))));
    await expect(flushAll()).resolves.toBe(true);
    expect(order.sort()).toEqual(['a', 'b']);
  });

  it('forgets a flush once unregistered', async () => {
    const flush = vi.fn(async () => true);
    registerFlush(flush)();
    await flushAll();
    expect(flush).not.toHaveBeenCalled();
  });

  it('reports a failed or refused flush as false', async () => {
    cleanups.push(registerFlush(async () => false));
    await expect(flushAll()).resolves.toBe(false);
  });

  it('gives up after the limit so a hung save cannot keep the window open', async () => {
    vi.useFakeTimers();
    cleanups.push(registerFlush(() => new Promise(() => {})));
    const done = flushAll(1000);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(done).resolves.toBe(false);
  });
});
