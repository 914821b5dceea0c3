import { describe, expect, it } from 'vitest';
import { describeChange, direction, formatChange, sparkPath, sparkPoints } from './trend';

describe('sparkPoints', () => {
  it('spreads the values across the width on the fixed 1–10 scale', () => {
    const pts = sparkPoints([1, 10], 100, 20, 0);
    expect(pts).toEqual([
      { x: 0, y: 20 },
      { x: 100, y: 0 },
    ]);
  });

  it('places a middle value proportionally and keeps the padding', () => {
    const pts = sparkPoints([1, 5.5, 10], 104, 22, 2);
    expect(pts[1]).toEqual({ x: 52, y: 11 });
    expect(pts[0]!.x).toBe(2);
    expect(pts[2]!.x).toBe(102);
  });

  it('centres a single value and clamps values off the scale', () => {
    expect(sparkPoints([10], 80, 20, 0)).toEqual([{ x: 40, y: 0 }]);
    expect(sparkPoints([0, 12], 10, 10, 0).map((p) => p.y)).toEqual([10, 0]);
    expect(sparkPoints([], 80, 20)).toEqual([]);
  });
});

describe('sparkPath', () => {
  it('draws a path through the points', () => {
    expect(sparkPath([{ x: 0, y: 5 }, { x: 10, y: 2 }])).toBe('M0 5 L10 2');
    expect(sparkPath([])).toBe('');
  });
});

describe('changes', () => {
  it('signs the change with a real minus and says when there is none', () => {
    expect(formatChange(2)).toBe('+2');
    expect(formatChange(-3)).toBe('−3');
    expect(formatChange(0)).toBe('±0');
    expect(formatChange(null)).toBe('');
  });

  it('gives the direction and words', () => {
    expect(direction(1)).toBe('up');
    expect(direction(-1)).toBe('down');
    expect(direction(0)).toBe('same');
    expect(direction(null)).toBeNull();
    expect(describeChange(-1)).toBe('Down 1 point since the rating before');
    expect(describeChange(3)).toBe('Up 3 points since the rating before');
    expect(describeChange(null)).toBe('Only one rating so far');
  });
});
