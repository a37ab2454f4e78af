/**
 * Charts for the portfolio pages as pure view models that views/macros.njk draws as inline SVG
 * (presentation attributes only: the content security policy allows no inline styles). Each has a
 * title and a description that says what it shows in words, and a table beside it holds the same
 * numbers, so nothing is told by the drawing alone.
 */

const round1 = (value: number) => Math.round(value * 10) / 10;

// ----- Horizontal bars: one per group, its label above it and its value after it -----

export const barChartWidth = 320;
export const chartFontSize = 14;
/** Longest label drawn; the table beside the chart has every name in full. */
export const chartLabelMaxLength = 38;

const barHeight = 18;
const rowHeight = 50;
const barGap = 6;
/** Room kept after the longest bar for its value. */
const valueRoom = 72;

export interface BarInput {
  label: string;
  value: number;
  valueText: string;
}

export interface BarChartInput {
  /** Prefix of the SVG's element ids; unique on the page. */
  id: string;
  title: string;
  description: string;
  bars: readonly BarInput[];
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
  bars: {
    label: string;
    valueText: string;
    labelY: number;
    barY: number;
    barWidth: number;
    valueX: number;
    valueY: number;
  }[];
}

export function shortLabel(label: string, max = chartLabelMaxLength): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export function barChart(input: BarChartInput): BarChartView {
  const largest = Math.max(0, ...input.bars.map((bar) => bar.value));
  const span = barChartWidth - valueRoom;
  const bars = input.bars.map((bar, index) => {
    const labelY = 4 + index * rowHeight + chartFontSize;
    const barY = labelY + barGap;
    // A bar above 0 is at least 2 units wide so that it can be seen.
    const barWidth =
      largest > 0 && bar.value > 0 ? Math.max(2, round1((bar.value / largest) * span)) : 0;
    return {
      label: shortLabel(bar.label),
      valueText: bar.valueText,
      labelY,
      barY,
      barWidth,
      valueX: round1(barWidth + barGap),
      valueY: barY + barHeight - 4,
    };
  });
  return {
    titleId: `${input.id}-title`,
    descriptionId: `${input.id}-description`,
    title: input.title,
    description: input.description,
    width: barChartWidth,
    height: 4 + Math.max(1, bars.length) * rowHeight,
    fontSize: chartFontSize,
    barHeight,
    bars,
  };
}

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
