import { describe, expect, it } from 'vitest';
import { startText } from './sessionStart';

describe('startText', () => {
  it('writes the start alone when this laptop reads it the same', () => {
    expect(startText({ start_time: '10:00', planned_elsewhere: null })).toBe('10:00');
  });

  it('names the place of the zone it was planned in otherwise', () => {
    expect(startText({ start_time: '10:00', planned_elsewhere: 'Asia/Tokyo' })).toBe('10:00 Tokyo time');
    expect(startText({ start_time: '09:30', planned_elsewhere: 'America/New_York' })).toBe('09:30 New York time');
    expect(startText({ start_time: '09:30', planned_elsewhere: 'America/Argentina/Buenos_Aires' })).toBe('09:30 Buenos Aires time');
    expect(startText({ start_time: '09:30', planned_elsewhere: 'UTC' })).toBe('09:30 UTC time');
  });
});
