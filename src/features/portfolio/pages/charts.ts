/**
 * Charts for the portfolio pages as pure view models that views/macros.njk draws as inline SVG
 * (presentation attributes only: the content security policy allows no inline styles). Each has a
 * title and a description that says what it shows in words, and a table beside it holds the same
 * numbers, so nothing is told by the drawing alone.
 */

import {
  type BarChartView,
  type BarLayout,
  type ChartInput,
  cutLabel,
  defaultBarLayout,
  barChart as platformBarChart,
} from '../../../platform/views/bar-chart.js';

const round1 = (value: number) => Math.round(value * 10) / 10;

// ----- Horizontal bars: the platform's, with this page's spacing -----

export { barChartWidth, chartFontSize } from '../../../platform/views/bar-chart.js';
/** Longest label drawn; the table beside the chart has every name in full. */
export const chartLabelMaxLength = 38;

const barLayout: BarLayout = { ...defaultBarLayout, labelMaxLength: chartLabelMaxLength };

export const shortLabel = (label: string, max = chartLabelMaxLength) => cutLabel(label, max);

export const barChart = (input: ChartInput): BarChartView => platformBarChart(input, barLayout);

// ----- Columns over time: one per period, labelled below, value on top -----

export const columnChartWidth = 320;
export const columnChartHeight = 180;
const columnMargin = { left: 8, right: 8, top: 22, bottom: 40 };

export interface ColumnChartInput {
  id: string;
  title: string;
  description: string;
  /** Periods oldest first; `label` may have two lines, split by a newline. */
  columns: readonly { label: string; value: number }[];
  /** The top of the scale, so that small multiples share it; the largest value by default. */
  scaleMax?: number;
}

export interface ColumnChartView {
  titleId: string;
  descriptionId: string;
  title: string;
  description: string;
  width: number;
  height: number;
  fontSize: number;
  baseline: number;
  plotLeft: number;
  plotRight: number;
  columns: {
    x: number;
    y: number;
    width: number;
    height: number;
    centre: number;
    valueY: number;
    value: number;
    labelLines: { text: string; y: number }[];
  }[];
}

export function columnChart(input: ColumnChartInput): ColumnChartView {
  const count = Math.max(1, input.columns.length);
  const plotLeft = columnMargin.left;
  const plotRight = columnChartWidth - columnMargin.right;
  const baseline = columnChartHeight - columnMargin.bottom;
  const slot = (plotRight - plotLeft) / count;
  const width = round1(slot * 0.6);
  const largest = Math.max(1, input.scaleMax ?? 0, ...input.columns.map((column) => column.value));
  const plotHeight = baseline - columnMargin.top;
  return {
    titleId: `${input.id}-title`,
    descriptionId: `${input.id}-description`,
    title: input.title,
    description: input.description,
    width: columnChartWidth,
    height: columnChartHeight,
    fontSize: 12,
    baseline,
    plotLeft,
    plotRight,
    columns: input.columns.map((column, index) => {
      const centre = round1(plotLeft + slot * index + slot / 2);
      const height =
        column.value > 0 ? Math.max(2, round1((column.value / largest) * plotHeight)) : 0;
      return {
        x: round1(centre - width / 2),
        y: round1(baseline - height),
        width,
        height,
        centre,
        valueY: round1(baseline - height - 5),
        value: column.value,
        labelLines: column.label
          .split('\n')
          .map((text, line) => ({ text, y: baseline + 15 + line * 14 })),
      };
    }),
  };
}
