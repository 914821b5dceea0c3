import { describe, expect, it } from 'vitest';
import { moved } from './order';

describe('moved', () => {
  it('moves an id up or down one place', () => {
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('refuses to move past either end or an unknown id', () => {
    expect(moved(['a', 'b'], 'a', -1)).toBeNull();
    expect(moved(['a', 'b'], 'b', 1)).toBeNull();
    expect(moved(['a', 'b'], 'x', 1)).toBeNull();
  });
});
