import { describe, expect, it } from 'vitest';
import { describeBackup, formatSize } from './backups';

describe('backup words', () => {
  it('gives sizes in kB below a megabyte and MB above', () => {
    expect(formatSize(10)).toBe('1 kB');
    expect(formatSize(300 * 1024)).toBe('300 kB');
    expect(formatSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });
  it('names the reason and size of a backup', () => {
    const text = describeBackup({
      file_name: 'f',
      path: '/p/f',
      taken_at: '2026-03-12T09:30:00.000Z',
      reason: 'before_restore',
      size_bytes: 2048,
    });
    expect(text).toContain('Taken before a restore');
    expect(text).toContain('2 kB');
  });
});
