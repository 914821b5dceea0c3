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
    expect((await flushAll()).size).toBe(0);
    expect(order.sort()).toEqual(['a', 'b']);
  });

  it('forgets a flush once unregistered', async () => {
    const flush = vi.fn(async () => true);
    registerFlush(flush)();
    await flushAll();
    expect(flush).not.toHaveBeenCalled();
  });

  it('reports where a failed or refused flush was', async () => {
    cleanups.push(registerFlush(async () => false, 'held'));
    cleanups.push(registerFlush(async () => true));
    expect([...(await flushAll())]).toEqual(['held']);
  });

  it('counts a flush that throws as not saved', async () => {
    cleanups.push(registerFlush(async () => true, 'held'));
    cleanups.push(
      registerFlush(async () => {
        throw new Error('gone');
      }),
    );
    expect([...(await flushAll())]).toEqual(['screen']);
  });

  it('gives up after the limit so a hung save cannot keep the window open', async () => {
    vi.useFakeTimers();
    cleanups.push(registerFlush(() => new Promise(() => {})));
    const done = flushAll(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect([...(await done)]).toEqual(['screen']);
  });
});
