import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from './loadOnce';

describe('loadOnce', () => {
  it('loads once, however often it is asked, and hands every caller the same result', async () => {
    const load = vi.fn(async () => 'workspace');
    const screen = loadOnce(load);
    expect(await Promise.all([screen(), screen()])).toEqual(['workspace', 'workspace']);
    expect(await screen()).toBe('workspace');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a load that failed', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('chunk not found'))
      .mockResolvedValueOnce('workspace');
    const screen = loadOnce(load);
    await expect(screen()).rejects.toThrow('chunk not found');
    await expect(screen()).resolves.toBe('workspace');
    await expect(screen()).resolves.toBe('workspace');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
