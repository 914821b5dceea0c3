import { describe, expect, it } from 'vitest';
import { parseMinutes } from './settings';

describe('parseMinutes', () => {
  it('accepts whole minutes from 1 to 120', () => {
    expect(parseMinutes('15')).toEqual({ ok: true, value: 15 });
    expect(parseMinutes(' 1 ')).toEqual({ ok: true, value: 1 });
    expect(parseMinutes('120')).toEqual({ ok: true, value: 120 });
  });

  it('refuses empty, zero, too many and fractions', () => {
    for (const bad of ['', '0', '121', '7.5', 'ten']) expect(parseMinutes(bad).ok).toBe(false);
  });
});
