// The Assessment Map screen's data: the radar configuration, the comparison rows and the
// new-map form, as pure functions. Whether a fall is flagged comes from the core
// (DimensionChange.flagged); the UI never applies the rule itself.
import type { ChartConfiguration } from 'chart.js';
import { RATING_MAX, RATING_MIN, type AssessmentDimension, type AssessmentMap, type DimensionChange, type ErrorView, type ScoreInput } from '../lib/bindings';
import { withAlpha, type ChartColors } from '../lib/chartColors';
import { chartFont, legendLabels, tooltipText } from '../lib/chartText';

export type DimensionRow = {
  dimension: number;
  label: string;
  latest: number;
  previous: number | null;
  change: number | null;
  flagged: boolean;
  note: string;
};

function scoreOf(map: AssessmentMap | null, dimension: number): number | null {
  return map?.scores.find((s) => s.dimension === dimension)?.score ?? null;
}

/**
 * One row per dimension of the latest map: with the core's comparison when there is a map
 * before it, otherwise just the scores.
 */
export function dimensionRows(
  dimensions: readonly AssessmentDimension[],
  latest: AssessmentMap | null,
  changes: readonly DimensionChange[],
): DimensionRow[] {
  if (!latest) return [];
  return dimensions.map((d) => {
    const change = changes.find((c) => c.dimension === d.position);
    const note = latest.scores.find((s) => s.dimension === d.position)?.note ?? '';
    return {
      dimension: d.position,
      label: change?.label ?? d.label,
      latest: change?.latest ?? scoreOf(latest, d.position) ?? 0,
      previous: change?.previous ?? null,
      change: change?.change ?? null,
      flagged: change?.flagged ?? false,
      note,
    };
  });
}

/** Splits a long label into lines of about `width` characters, so radar labels are not cut. */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The 0–10 radial scale the radar and the wheel share, labelled with the dimensions. */
function scoreScale(colors: ChartColors) {
  const font = chartFont(colors);
  return {
    min: 0,
    max: 10,
    ticks: { stepSize: 2, color: colors.text, backdropColor: colors.surface, font: chartFont(colors, 11) },
    grid: { color: colors.grid },
    angleLines: { display: true, color: colors.grid },
    pointLabels: { color: colors.text, font },
  };
}

/** The radar of the latest map over the previous one (dashed), on the 0–10 scale. */
export function radarChart(
  dimensions: readonly AssessmentDimension[],
  latest: AssessmentMap,
  previous: AssessmentMap | null,
  colors: ChartColors,
  dateText: (map: AssessmentMap) => string = (m) => m.taken_at.slice(0, 10),
): ChartConfiguration<'radar', (number | null)[], string[]> {
  const accent = colors.series[0] ?? colors.text;
  const datasets: ChartConfiguration<'radar', (number | null)[], string[]>['data']['datasets'] = [];
  if (previous) {
    datasets.push({
      label: `Before: ${dateText(previous)}`,
      data: dimensions.map((d) => scoreOf(previous, d.position)),
      borderColor: colors.previous,
      backgroundColor: withAlpha(colors.previous, 0.08),
      borderDash: [5, 4],
      borderWidth: 1.5,
      pointRadius: 2.5,
      pointBackgroundColor: colors.previous,
      fill: true,
    });
  }
  datasets.push({
    label: `Latest: ${dateText(latest)}`,
    data: dimensions.map((d) => scoreOf(latest, d.position)),
    borderColor: accent,
    backgroundColor: withAlpha(accent, 0.18),
    borderWidth: 2.5,
    pointRadius: 3.5,
    pointBackgroundColor: accent,
    fill: true,
  });
  return {
    type: 'radar',
    data: { labels: dimensions.map((d) => wrapLabel(d.label)), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { r: scoreScale(colors) },
      plugins: {
        legend: { position: 'bottom', labels: legendLabels(colors) },
        tooltip: tooltipText(colors),
      },
    },
  };
}

/**
 * The wheel (a Wheel of Life, or any template but the relationship map): one equal segment per
 * dimension, filled from the centre to the latest score, a dimension the core flagged in the
 * warm colour; the score before shows in the segment's tooltip and in the list beside.
 */
export function wheelChart(
  rows: readonly DimensionRow[],
  colors: ChartColors,
  dateText: string,
): ChartConfiguration<'polarArea', number[], string[]> {
  const accent = colors.series[0] ?? colors.text;
  const font = chartFont(colors);
  const paint = (row: DimensionRow) => (row.flagged ? colors.flagged : accent);
  return {
    type: 'polarArea',
    data: {
      labels: rows.map((r) => wrapLabel(r.label)),
      datasets: [
        {
          label: `Latest: ${dateText}`,
          data: rows.map((r) => r.latest),
          backgroundColor: rows.map((r) => withAlpha(paint(r), 0.45)),
          borderColor: rows.map(paint),
          borderWidth: 1.5,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { r: { ...scoreScale(colors), pointLabels: { display: true, centerPointLabels: true, color: colors.text, font } } },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...tooltipText(colors),
          callbacks: {
            label: (item) => {
              const row = rows[item.dataIndex];
              if (!row) return '';
              return row.previous === null ? `${row.latest}` : `${row.previous} → ${row.latest}${row.flagged ? ' (fell)' : ''}`;
            },
          },
        },
      },
    },
  };
}

/** The form as typed. A number input bound by Svelte may hand over numbers (or null when empty). */
export type MapDraft = { scores: (string | number | null)[]; notes: string[]; note: string };

export function emptyDraft(count = 7): MapDraft {
  return { scores: Array.from({ length: count }, () => ''), notes: Array.from({ length: count }, () => ''), note: '' };
}

/** Checks the form: every score a whole number from the template's lowest score (1, or 0) to
 * 10. Errors are keyed by dimension (1-based). */
export function readDraft(draft: MapDraft, min: number = RATING_MIN): { scores: ScoreInput[]; errors: Record<number, string> } {
  const errors: Record<number, string> = {};
  const scores: ScoreInput[] = [];
  draft.scores.forEach((typed, i) => {
    const t = String(typed ?? '').trim();
    const n = Number(t);
    if (t === '') errors[i + 1] = `Give a score from ${min} to ${RATING_MAX}`;
    else if (!/^\d+$/.test(t) || n < min || n > RATING_MAX) errors[i + 1] = `A score is a whole number from ${min} to ${RATING_MAX}`;
    else scores.push({ dimension: i + 1, score: n, note: draft.notes[i]?.trim() ?? '' });
  });
  return { scores, errors };
}

/** The previous map's scores placed on today's dimensions, as the core matched them (a
 * dimension renamed or moved since keeps its scores), for drawing both maps on one radar. */
export function previousOnToday(previous: AssessmentMap, changes: readonly DimensionChange[]): AssessmentMap {
  return { ...previous, scores: changes.map((c) => ({ dimension: c.dimension, score: c.previous, note: '' })) };
}

/** Places a core error (`scores.4`) under the dimension it names; anything else is form-wide. */
export function placeMapError(error: ErrorView): { dimension: number | null; message: string } {
  const m = /^scores\.(\d+)$/.exec(error.field ?? '');
  return { dimension: m ? Number(m[1]) : null, message: error.message };
}
