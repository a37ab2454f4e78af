/**
 * The performance page's horizontal bar charts: the platform's bar chart
 * (platform/views/bar-chart.ts) with its default spacing.
 */
export {
  barChart,
  barChartWidth as chartWidth,
  chartFontSize,
  type BarChartView,
  type ChartBarInput,
  type ChartInput,
  type PlacedBar,
} from '../../../platform/views/bar-chart.js';
import { defaultBarLayout } from '../../../platform/views/bar-chart.js';

/** Longest label drawn in the chart; the table beside it has the full text. */
export const chartLabelMaxLength = defaultBarLayout.labelMaxLength;
