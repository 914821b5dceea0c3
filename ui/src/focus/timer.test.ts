import { describe, expect, it } from 'vitest';
import { elapsed, formatClock, isOverrun, newTimers, overrunText, pause, reset, start, switchArea, toggle } from './timer';

describe('area timers', () => {
  it('runs only while started and keeps the time across a pause', () => {
    let t = newTimers('a', false, 0);
    expect(elapsed(t, 'a', 10_000)).toBe(0);
    t = start(t, 10_000);
    expect(elapsed(t, 'a', 25_000)).toBe(15_000);
    t = pause(t, 25_000);
    expect(elapsed(t, 'a', 99_000)).toBe(15_000);
    t = toggle(t, 100_000);
    expect(t.running).toBe(true);
    expect(elapsed(t, 'a', 101_000)).toBe(16_000);
  });

  it('gives each area its own clock and stops the one left behind', () => {
    let t = newTimers('a', true, 0);
    t = switchArea(t, 'b', 60_000);
    expect(elapsed(t, 'a', 200_000)).toBe(60_000);
    expect(elapsed(t, 'b', 90_000)).toBe(30_000);
    t = switchArea(t, 'a', 90_000);
    expect(elapsed(t, 'a', 100_000)).toBe(70_000);
    expect(elapsed(t, 'b', 500_000)).toBe(30_000);
  });

  it('does not start a new area while paused', () => {
    let t = newTimers('a', false, 0);
    t = switchArea(t, 'b', 1000);
    expect(elapsed(t, 'b', 50_000)).toBe(0);
  });

  it('resets only the current area', () => {
    let t = newTimers('a', true, 0);
    t = switchArea(t, 'b', 10_000);
    t = reset(t, 20_000);
    expect(elapsed(t, 'b', 25_000)).toBe(5_000);
    expect(elapsed(t, 'a', 25_000)).toBe(10_000);
  });

  it('starting twice or pausing twice changes nothing', () => {
    let t = newTimers('a', true, 0);
    t = start(t, 5_000);
    expect(elapsed(t, 'a', 10_000)).toBe(10_000);
    t = pause(pause(t, 10_000), 20_000);
    expect(elapsed(t, 'a', 30_000)).toBe(10_000);
  });
});

describe('showing the time', () => {
  it('writes mm:ss and lets minutes pass 59', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(65_999)).toBe('01:05');
    expect(formatClock(75 * 60_000)).toBe('75:00');
    expect(formatClock(-5)).toBe('00:00');
  });

  it('is over only past the planned length and says by how much', () => {
    expect(isOverrun(15 * 60_000, 15)).toBe(false);
    expect(isOverrun(15 * 60_000 + 1, 15)).toBe(true);
    expect(overrunText(15 * 60_000, 15)).toBe('');
    expect(overrunText(15 * 60_000 + 30_000, 15)).toBe('just over');
    expect(overrunText(17 * 60_000 + 30_000, 15)).toBe('2 min over');
  });
});
