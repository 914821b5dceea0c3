// The small numbers and lines of the overview: a rating's change and its sparkline.
import { RATING_MAX, RATING_MIN } from '../lib/bindings';

export type Point = { x: number; y: number };

/**
 * Points of a sparkline for ratings on the fixed 1–10 scale (so a flat 8 sits high and a
 * flat 3 sits low), spread evenly across `width`, inset by `pad` so round line caps fit.
 */
export function sparkPoints(values: readonly number[], width: number, height: number, pad = 2): Point[] {
  if (values.length === 0) return [];
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const step = values.length > 1 ? innerW / (values.length - 1) : 0;
  return values.map((v, i) => {
    const clamped = Math.min(RATING_MAX, Math.max(RATING_MIN, v));
    const x = values.length > 1 ? pad + i * step : width / 2;
    const y = pad + ((RATING_MAX - clamped) / (RATING_MAX - RATING_MIN)) * innerH;
    return { x: round(x), y: round(y) };
  });
}

/** An SVG path through the points (`M x y L x y …`), empty when there are none. */
export function sparkPath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export type Direction = 'up' | 'down' | 'same';

export function direction(change: number | null): Direction | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/** `+2`, `−1` (a real minus sign), `±0`; empty when there is nothing to compare with. */
export function formatChange(change: number | null): string {
  if (change === null) return '';
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return '±0';
}

/** The same change in words, for screen readers and tooltips. */
export function describeChange(change: number | null): string {
  if (change === null) return 'Only one rating so far';
  if (change === 0) return 'Same as the rating before';
  const points = Math.abs(change) === 1 ? 'point' : 'points';
  return `${change > 0 ? 'Up' : 'Down'} ${Math.abs(change)} ${points} since the rating before`;
}
