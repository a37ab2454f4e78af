/**
 * The count per trust as a horizontal bar chart: a pure view model that views/bar-chart.njk draws
 * as inline SVG (presentation attributes only, as the content security policy allows no inline
 * styles). Each bar's label sits on its own line above it, so long trust names never squeeze the
 * bars; its value follows the bar's end. Suppressed counts have no bar, only their text: a bar
 * would show a size the disclosure rule hides.
 */

export const chartWidth = 320;
export const chartFontSize = 14;
/** Longest label drawn; the table beside the chart has every name in full. */
export const chartLabelMaxLength = 40;

const barHeight = 15;
const rowHeight = 42;
const topPadding = 2;
const barGap = 5;
/** Room kept after the longest bar for its value. */
const valueRoom = 84;

export interface ChartBarInput {
  label: string;
  /** The disclosure-controlled count; null when suppressed, and then no bar is drawn. */
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

/** Trust names without the words every one of them shares, cut to fit. */
export function shortLabel(label: string): string {
  const short = label.replace(/ NHS( Foundation)? Trust$/, '');
  return short.length <= chartLabelMaxLength
    ? short
    : `${short.slice(0, chartLabelMaxLength - 1).trimEnd()}…`;
}

/** Places the bars: the largest count spans the width less room for its value text. */
export function barChart(input: ChartInput): BarChartView {
  const largest = Math.max(0, ...input.bars.map((bar) => bar.value ?? 0));
  const span = chartWidth - valueRoom;
  const bars = input.bars.map((bar, index) => {
    const labelY = topPadding + index * rowHeight + chartFontSize;
    const barY = labelY + barGap;
    const value = bar.value ?? 0;
    // A bar of a count above 0 is at least 2 units wide so that it can be seen.
    const barWidth =
      largest > 0 && value > 0 ? Math.max(2, Math.round((value / largest) * span * 10) / 10) : 0;
    return {
      label: shortLabel(bar.label),
      valueText: bar.valueText,
      labelY,
      barY,
      barWidth,
      valueX: barWidth + barGap,
      valueY: barY + barHeight - 3,
    };
  });
  return {
    titleId: `${input.id}-title`,
    descriptionId: `${input.id}-description`,
    title: input.title,
    description: input.description,
    width: chartWidth,
    height: Math.max(1, bars.length) * rowHeight,
    fontSize: chartFontSize,
    barHeight,
    bars,
  };
}
