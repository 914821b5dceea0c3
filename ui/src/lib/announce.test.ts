import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveAnnouncer, SETTLE_MS } from './announce';
import type { SaveStatus } from './autosave';

const saving: SaveStatus = { state: 'saving', error: null, retrying: false, savedAt: null };
const saved: SaveStatus = { state: 'saved', error: null, retrying: false, savedAt: '2026-12-03T10:00:00Z' };
const failed = (error: string): SaveStatus => ({ state: 'failed', error, retrying: true, savedAt: null });

describe('SaveAnnouncer', () => {
  let said: string[];
  let announcer: SaveAnnouncer;

  beforeEach(() => {
    vi.useFakeTimers();
    said = [];
    announcer = new SaveAnnouncer((text) => said.push(text));
  });
  afterEach(() => {
    announcer.destroy();
    vi.useRealTimers();
  });

  it('says nothing while typing flips the state between saving and saved', () => {
    for (let i = 0; i < 40; i += 1) {
      announcer.update(saving);
      vi.advanceTimersByTime(200);
      announcer.update(saved);
      vi.advanceTimersByTime(SETTLE_MS - 300);
    }
    expect(said).toEqual([]);
  });

  it('says "Saved" once when the state stays saved after typing stops', () => {
    announcer.update(saving);
    announcer.update(saved);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['Saved']);
    announcer.update(saved);
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(said).toEqual(['Saved']);
  });

  it('does not say "Saved" for a screen that opened saved', () => {
    announcer.update(saved);
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(said).toEqual([]);
  });

  it('says a failure at once, once per reason, and "Saved" when it is over', () => {
    announcer.update(saving);
    announcer.update(failed('the disk is full'));
    announcer.update(saving);
    announcer.update(failed('the disk is full'));
    expect(said).toEqual(['Not saved: the disk is full']);
    announcer.update(failed('the file is locked'));
    announcer.update(saving);
    announcer.update(saved);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['Not saved: the disk is full', 'Not saved: the file is locked', 'Saved']);
  });

  it('says "Saved" again after more typing', () => {
    for (let round = 0; round < 3; round += 1) {
      announcer.update(saving);
      announcer.update(saved);
      vi.advanceTimersByTime(SETTLE_MS);
    }
    expect(said).toEqual(['Saved', 'Saved', 'Saved']);
  });
});
