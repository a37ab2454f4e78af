/**
 * Horizontal bar charts for the performance page, as a pure view model that a Nunjucks macro
 * draws as inline SVG (no script, no styles: presentation attributes only, which the content
 * security policy allows).
 *
 * Each bar has its label on a line of its own above it, so long names never squeeze the bars,
 * and its value just after its end. The drawing is 320 units wide and is shown at 100% of its
 * column: at 320 px (a 288 px column) 14-unit text is 12.6 px, at full width larger.
 */

export const chartWidth = 320;
export const chartFontSize = 14;
/** Longest label drawn in the chart; the table beside it has the full text. */
export const chartLabelMaxLength = 36;

const barHeight = 18;
const rowHeight = 50;
const topPadding = 4;
/** Room kept after the longest bar for its value. */
const valueRoom = 72;
const barGap = 6;

export interface ChartBarInput {
  label: string;
  /** Null where there is nothing to show (no data): no bar is drawn, only `valueText`. */
  value: number | null;
  valueText: string;
}

export interface ChartInput {
  /** Prefix of the SVG's element ids; unique on the page. */
  id: string;
  title: string;
  description: string;
  bars: readonly ChartBarInput[];
}

export interface PlacedBar {
  label: string;
  valueText: string;
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
  valueY: number;
}

export interface BarChartView {
  id: string;
  titleId: string;
  descriptionId: string;
  title: string;
  description: string;
  width: number;
  height: number;
  fontSize: number;
  barHeight: number;
  bars: PlacedBar[];
}

function shortLabel(label: string): string {
  return label.length <= chartLabelMaxLength
    ? label
    : `${label.slice(0, chartLabelMaxLength - 1).trimEnd()}…`;
}

/** Places the bars: the largest value spans the width less room for its value text. */
export function barChart(input: ChartInput): BarChartView {
  const values = input.bars.map((bar) => bar.value ?? 0).filter((value) => value > 0);
  const largest = values.length > 0 ? Math.max(...values) : 0;
  const span = chartWidth - valueRoom;
  const bars = input.bars.map((bar, index) => {
    const top = topPadding + index * rowHeight;
    const labelY = top + chartFontSize;
    const barY = labelY + barGap;
    const value = bar.value ?? 0;
    // A bar of a non-zero value is at least 2 units wide so that it can be seen.
    const barWidth =
      largest > 0 && value > 0 ? Math.max(2, Math.round((value / largest) * span * 10) / 10) : 0;
    return {
      label: shortLabel(bar.label),
      valueText: bar.valueText,
      labelY,
      barY,
      barWidth,
      valueX: barWidth + barGap,
      valueY: barY + barHeight - 4,
    };
  });
  return {
    id: input.id,
    titleId: `${input.id}-title`,
    descriptionId: `${input.id}-description`,
    title: input.title,
    description: input.description,
    width: chartWidth,
    // The last bar ends 8 units above the bottom edge.
    height: Math.max(1, bars.length) * rowHeight,
    fontSize: chartFontSize,
    barHeight,
    bars,
  };
}
