// Chart.js with only the pieces Tenfold draws (line and radar), and its colours read from the
// theme's custom properties so charts follow light and dark like everything else.
import {
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import type { ChartColors } from './chartColors';

Chart.register(LineController, LineElement, PointElement, LinearScale, RadarController, RadialLinearScale, Filler, Legend, Tooltip);

export { Chart };

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readChartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  return {
    series: [1, 2, 3, 4, 5, 6].map((n) => cssVar(style, `--chart-${n}`, '#2f5d54')),
    previous: cssVar(style, '--chart-previous', '#9aa39f'),
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
