/** The colours a chart is drawn with, read from theme.css (see chart.ts). */
export type ChartColors = {
  /** One per series, the accent first. */
  series: string[];
  /** The earlier of two compared things (the previous Assessment Map). */
  previous: string;
  /** Something flagged for the coach (a dimension that fell). */
  flagged: string;
  text: string;
  grid: string;
  surface: string;
  font: string;
};

export const TEST_COLORS: ChartColors = {
  series: ['#111111', '#222222', '#333333'],
  previous: '#999999',
  flagged: '#aa5500',
  text: '#444444',
  grid: '#dddddd',
  surface: '#ffffff',
  font: 'Inter',
};

/** A colour with an alpha, for fills: `#2f5d54` → `rgb(47 93 84 / 0.2)`. Other forms pass through. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}
