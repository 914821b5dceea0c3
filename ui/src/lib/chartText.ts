// How every chart's words and keys look: the interface's font instead of Chart.js's own
// (Helvetica, else the system's), and the legend's dots sized to the box Chart.js lays the
// label out beside, so a dot never runs into its words.
import type { ChartColors } from './chartColors';

/** The interface's font at `size` pixels. */
export function chartFont(colors: ChartColors, size = 13) {
  return { family: colors.font, size };
}

/** Chart.js draws a legend dot of radius `boxHeight · √2 / 2` centred in a box `boxWidth` wide. */
const LEGEND_BOX = { boxWidth: 10, boxHeight: 7 };

/** A legend's labels: one dot in the series' colour beside each name. */
export function legendLabels(colors: ChartColors) {
  return { color: colors.text, font: chartFont(colors), usePointStyle: true, ...LEGEND_BOX };
}

/** A tooltip's words in the interface's font, its colour key a dot as in the legend. */
export function tooltipText(colors: ChartColors) {
  return {
    titleFont: { ...chartFont(colors), weight: 'bold' as const },
    bodyFont: chartFont(colors),
    usePointStyle: true,
    boxPadding: 4,
  };
}
