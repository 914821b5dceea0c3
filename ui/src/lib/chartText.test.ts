import { describe, expect, it } from 'vitest';
import { TEST_COLORS } from './chartColors';
import { chartFont, legendLabels, tooltipText } from './chartText';

describe('chart text', () => {
  it('draws each legend dot inside the box its label is laid out beside', () => {
    const labels = legendLabels(TEST_COLORS);
    // Chart.js's legend: a dot of radius boxHeight · √2 / 2, centred in a box boxWidth wide,
    // its height capped at the font size.
    const diameter = Math.min(labels.boxHeight, labels.font.size) * Math.SQRT2;
    expect(labels.usePointStyle).toBe(true);
    expect(diameter).toBeLessThanOrEqual(labels.boxWidth);
    expect(diameter).toBeGreaterThanOrEqual(8);
  });

  it('writes legends and tooltips in the interface font', () => {
    expect(legendLabels(TEST_COLORS).font).toEqual(chartFont(TEST_COLORS));
    expect(tooltipText(TEST_COLORS).bodyFont.family).toBe(TEST_COLORS.font);
    expect(tooltipText(TEST_COLORS).titleFont.family).toBe(TEST_COLORS.font);
  });
});
