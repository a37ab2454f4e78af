/**
 * The count per trust as a horizontal bar chart: a pure view model that views/bar-chart.njk draws
 * as inline SVG (presentation attributes only, as the content security policy allows no inline
 * styles). Each bar's label sits on its own line above it, so long trust names never squeeze the
 * bars; its value follows the bar's end. Suppressed counts have no bar, only their text: a bar
 * would show a size the disclosure rule hides.
 */

import {
  type BarChartView,
  type ChartInput,
  barChartWidth,
  cutLabel,
  barChart as platformBarChart,
  withoutTrustSuffix,
} from '../../../platform/views/bar-chart.js';

export { type BarChartView, type ChartBarInput } from '../../../platform/views/bar-chart.js';
export const chartWidth = barChartWidth;
/** Longest label drawn; the table beside the chart has every name in full. */
export const chartLabelMaxLength = 40;

const layout = {
  labelMaxLength: chartLabelMaxLength,
  barHeight: 15,
  rowHeight: 42,
  topPadding: 2,
  valueRoom: 84,
  barGap: 5,
  valueInset: 3,
};

/** Trust names without the words every one of them shares, cut to fit. */
export function shortLabel(label: string): string {
  return cutLabel(withoutTrustSuffix(label), chartLabelMaxLength);
}

/** Places the bars: the largest count spans the width less room for its value text. */
export function barChart(input: ChartInput): BarChartView {
  return platformBarChart(
    { ...input, bars: input.bars.map((bar) => ({ ...bar, label: shortLabel(bar.label) })) },
    layout,
  );
}
