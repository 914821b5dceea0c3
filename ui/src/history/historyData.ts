// What the History screen shows, built from the core's ClientHistory by pure functions: the
// table rows and the Chart.js line configuration come from the same data.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartColors } from '../lib/chartColors';
import { chartFont, legendLabels, tooltipText } from '../lib/chartText';
import { endOfDay, startOfDay, timeTicks } from '../lib/timeTicks';
import type { ClientHistory, Session, SessionKindInfo } from '../lib/bindings';
import { dateFormatter, formatDate, formatInstantDate } from '../lib/dates';
import { kindLabel } from '../sessions/kinds';

export type HistoryRow = {
  id: string;
  takenAt: string;
  date: string;
  area: string;
  value: number;
  session: string;
};

export function sessionLabel(session: Session | undefined, kinds: readonly SessionKindInfo[] = []): string {
  if (!session) return 'Between sessions';
  return `${formatDate(session.held_on)} · ${kindLabel(session.kind, kinds)}`;
}

/** One row per rating, oldest first (ties keep the core's order). */
export function historyRows(history: ClientHistory, kinds: readonly SessionKindInfo[] = []): HistoryRow[] {
  const sessions = new Map(history.sessions.map((s) => [s.id, s]));
  const rows = history.areas.flatMap((h) =>
    h.ratings.map((r) => ({
      id: r.id,
      takenAt: r.taken_at,
      date: formatInstantDate(r.taken_at),
      area: h.area.title,
      value: r.value,
      session: sessionLabel(r.session_id ? sessions.get(r.session_id) : undefined, kinds),
    })),
  );
  return rows
    .map((row, i) => ({ row, i, t: Date.parse(row.takenAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ row }) => row);
}

export type Point = { x: number; y: number };

/** Marks target lines so the legend and tooltips can tell them from ratings. */
export const TARGET_SUFFIX = ' · three-month target';

/**
 * The line chart: one line per focus area with ratings, in the area's colour, and for an
 * area with a three-month target a dashed line at that height across the chart.
 */
export function historyChart(history: ClientHistory, colors: ChartColors, locale?: string): ChartConfiguration<'line', Point[]> {
  const rated = history.areas.filter((h) => h.ratings.length > 0);
  const times = rated.flatMap((h) => h.ratings.map((r) => Date.parse(r.taken_at)));
  // The axis runs over whole days, from the first rating's to the last one's.
  const minX = times.length ? startOfDay(Math.min(...times)) : 0;
  const maxX = endOfDay(times.length ? Math.max(...times) : minX);
  const ticks = timeTicks(minX, maxX);
  const datasets: ChartDataset<'line', Point[]>[] = [];
  rated.forEach((h, i) => {
    const color = colors.series[i % colors.series.length] ?? colors.text;
    datasets.push({
      label: h.area.title,
      data: h.ratings.map((r) => ({ x: Date.parse(r.taken_at), y: r.value })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2.5,
      pointRadius: 3.5,
      pointHoverRadius: 6,
      tension: 0,
      // The first and last ratings sit on the chart's edges, and a 10 or a 1 on its top or
      // bottom: unclipped, their points are drawn whole.
      clip: false,
    });
    if (h.area.three_month_target !== null) {
      datasets.push({
        label: h.area.title + TARGET_SUFFIX,
        data: [
          { x: minX, y: h.area.three_month_target },
          { x: maxX, y: h.area.three_month_target },
        ],
        borderColor: color,
        backgroundColor: color,
        borderWidth: 1.5,
        borderDash: [6, 5],
        pointRadius: 0,
        pointHoverRadius: 0,
      });
    }
  });
  // A point's own date in full: over years of ratings the axis alone does not say which year.
  const dateText = (ms: number) => dateFormatter('long', locale).format(new Date(ms));
  const tickText = (ms: number) => dateFormatter(ticks.style, locale).format(new Date(ms));
  const font = chartFont(colors);
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: minX,
          max: maxX,
          grid: { color: colors.grid },
          border: { color: colors.grid },
          afterBuildTicks: (axis) => {
            axis.ticks = ticks.values.map((value) => ({ value }));
          },
          ticks: { color: colors.text, font, callback: (v) => tickText(Number(v)) },
        },
        y: {
          type: 'linear',
          min: 1,
          max: 10,
          grid: { color: colors.grid },
          border: { color: colors.grid },
          ticks: { color: colors.text, font, stepSize: 1 },
          title: { display: true, text: 'Satisfaction (1–10)', color: colors.text, font },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            ...legendLabels(colors),
            filter: (item) => !String(item.text).endsWith(TARGET_SUFFIX),
          },
        },
        tooltip: {
          ...tooltipText(colors),
          filter: (item) => !String(item.dataset.label).endsWith(TARGET_SUFFIX),
          callbacks: {
            title: (items) => (items[0] ? dateText(Number(items[0].parsed.x)) : ''),
            label: (item) => `${item.dataset.label}: ${item.parsed.y}`,
          },
        },
      },
    },
  };
}
