// Charts' colours, read from the theme's custom properties so charts follow light and dark like
// everything else, and Chart.js itself, loaded on first use.
import type { Chart } from 'chart.js';
import type { ChartColors } from './chartColors';

/**
 * Chart.js, loaded the first time a chart is drawn: only client screens draw charts, so the
 * client list and the Today page the app opens on do not load and run its code first.
 */
export function loadChart(): Promise<typeof Chart> {
  return import('./chartjs').then((module) => module.Chart);
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readChartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  return {
    series: [1, 2, 3, 4, 5, 6].map((n) => cssVar(style, `--chart-${n}`, '#2f5d54')),
    previous: cssVar(style, '--chart-previous', '#9aa39f'),
    flagged: cssVar(style, '--color-warm', '#e8a85c'),
    text: cssVar(style, '--color-text-muted', '#56625e'),
    grid: cssVar(style, '--color-border', '#ddd8cd'),
    surface: cssVar(style, '--color-surface', '#ffffff'),
    font: cssVar(style, '--font-ui', 'sans-serif'),
  };
}

/** Calls `changed` whenever the theme switches (the `data-theme` attribute of <html>). */
export function onThemeChange(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
