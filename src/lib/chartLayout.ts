/**
 * Geometry of a horizontal bar chart, from the chart's data alone. Text is drawn at its real size
 * (no viewBox scaling), one label line above each bar, and bar lengths are percentages of the
 * width, so the chart reflows to any screen from 320 px up and stays legible when zoomed.
 */
import type { ChartDefinition } from '../schemas/chart.ts';

/** The longest bar takes this share of the width; the rest holds its value. */
export const LONGEST_BAR_PERCENT = 80;
const LABEL_HEIGHT = 24;
const BAR_HEIGHT = 24;
const ROW_GAP = 14;
const ROW = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;

export interface BarRow {
  label: string;
  valueText: string;
  /** Baseline of the label text, in px from the top. */
  labelY: number;
  barY: number;
  barHeight: number;
  /** Bar length as a percentage of the chart's width. */
  widthPercent: number;
  /** Where the value text starts, as a percentage of the width. */
  valueXPercent: number;
  /** Baseline of the value text. */
  valueY: number;
}

/** A value as the data give it, to at most `decimals` places: 0.7, 0.95, 11. */
export function formatValue(value: number, decimals: number): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

export function barChartLayout(chart: Pick<ChartDefinition, 'bars' | 'decimals'>): { height: number; rows: BarRow[] } {
  const max = Math.max(...chart.bars.map((b) => b.value));
  const rows = chart.bars.map((b, i): BarRow => {
    const top = i * ROW;
    // A value above zero always shows as a sliver, so "small" never looks like "none".
    const widthPercent = b.value === 0 ? 0 : Math.max(0.5, Math.round((b.value / max) * LONGEST_BAR_PERCENT * 100) / 100);
    return {
      label: b.label,
      valueText: formatValue(b.value, chart.decimals),
      labelY: top + 17,
      barY: top + LABEL_HEIGHT,
      barHeight: BAR_HEIGHT,
      widthPercent,
      valueXPercent: Math.round((widthPercent + 1.5) * 100) / 100,
      valueY: top + LABEL_HEIGHT + 18,
    };
  });
  return { height: chart.bars.length * ROW - ROW_GAP, rows };
}
