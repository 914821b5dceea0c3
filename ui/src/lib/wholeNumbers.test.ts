import { describe, expect, it } from 'vitest';
import { unreadableNumbers } from './wholeNumbers';

describe('unreadableNumbers', () => {
  it('names an emptied field, a fraction and a minus, and passes whole numbers whatever their range', () => {
    const field = (value: unknown) => ({ value, message: `not ${String(value)}` });
    expect(unreadableNumbers({ a: field(null), b: field(2.5), c: field(-5), d: field(0), e: field(100000) })).toEqual({
      a: 'not null',
      b: 'not 2.5',
      c: 'not -5',
    });
  });
});
