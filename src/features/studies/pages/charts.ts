/**
 * Charts for the study pages as pure view models that views/charts.njk draws as inline SVG
 * (presentation attributes only: the content security policy allows no inline styles). Every
 * chart has a title and a description giving its message in words, and a table beside it with
 * the same numbers, so nothing is told by the drawing alone.
 */
import {
  type BarChartView,
  type BarLayout,
  type ChartInput,
  cutLabel,
  defaultBarLayout,
  barChart as platformBarChart,
  withoutTrustSuffix,
} from '../../../platform/views/bar-chart.js';
import { daysBetween } from '../measures.js';

const round1 = (value: number) => Math.round(value * 10) / 10;

// ----- Horizontal bars, with an optional target line: the platform's, with this page's spacing -----

export { barChartWidth, chartFontSize } from '../../../platform/views/bar-chart.js';
/** Longest label drawn; the table beside the chart has every name in full. */
export const chartLabelMaxLength = 38;

const barLayout: BarLayout = {
  ...defaultBarLayout,
  labelMaxLength: chartLabelMaxLength,
  valueRoom: 84,
};

/** Trust names without the words every one of them shares, cut to fit. */
export const shortLabel = (label: string) =>
  cutLabel(withoutTrustSuffix(label), chartLabelMaxLength);

export const barChart = (input: ChartInput): BarChartView =>
  platformBarChart(
    { ...input, bars: input.bars.map((bar) => ({ ...bar, label: shortLabel(bar.label) })) },
    barLayout,
  );

// ----- Lines over time -----

export const lineChartWidth = 400;
export const lineChartHeight = 260;
const margin = { left: 44, right: 14, top: 14, bottom: 34 };
export const lineFontSize = 12;

export interface LineSeriesInput {
  points: readonly { date: string; value: number }[];
  stroke: string;
  strokeWidth: number;
  /** SVG stroke-dasharray, or null for a solid line. */
  dash: string | null;
}

export interface LineChartInput {
  id: string;
  title: string;
  description: string;
  start: string;
  end: string;
  series: readonly LineSeriesInput[];
  /** A horizontal dotted line, such as the study's target. */
  target?: { value: number; label: string };
  /** A vertical line marking today, when it falls inside the chart. */
  today?: string;
}

export interface LineChartView {
  titleId: string;
  descriptionId: string;
  title: string;
  description: string;
  width: number;
  height: number;
  fontSize: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  paths: { d: string; stroke: string; strokeWidth: number; dash: string | null }[];
  target: { y: number; label: string } | null;
  today: { x: number } | null;
}

/** The smallest 1, 2 or 5 × 10ⁿ step that splits `largest` into at most `count` steps. */
export function niceStep(largest: number, count = 4): number {
  if (!(largest > 0)) return 1;
  const rough = largest / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? rough;
  return Math.max(1, step);
}

const shortMonth = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** First days of months between two dates, every 1, 2, 3, 6, 12 or 24 months: at most `count`. */
export function monthTicks(start: string, end: string, count = 5): string[] {
  const first = new Date(`${start.slice(0, 7)}-01T00:00:00Z`);
  if (`${start.slice(0, 7)}-01` < start) first.setUTCMonth(first.getUTCMonth() + 1);
  const months = (from: Date, step: number) => {
    const list: string[] = [];
    for (const day = new Date(from); day.toISOString().slice(0, 10) <= end;) {
      list.push(day.toISOString().slice(0, 10));
      day.setUTCMonth(day.getUTCMonth() + step);
    }
    return list;
  };
  for (const step of [1, 2, 3, 6, 12, 24, 60]) {
    const list = months(first, step);
    if (list.length <= count) return list;
  }
  return [];
}

export function lineChart(input: LineChartInput): LineChartView {
  const plot = {
    left: margin.left,
    right: lineChartWidth - margin.right,
    top: margin.top,
    bottom: lineChartHeight - margin.bottom,
  };
  const totalDays = Math.max(1, daysBetween(input.start, input.end));
  const x = (date: string) =>
    round1(plot.left + (daysBetween(input.start, date) / totalDays) * (plot.right - plot.left));
  const largest = Math.max(
    1,
    input.target?.value ?? 0,
    ...input.series.flatMap((series) => series.points.map((point) => point.value)),
  );
  const step = niceStep(largest);
  const yMax = Math.ceil(largest / step) * step;
  const y = (value: number) => round1(plot.bottom - (value / yMax) * (plot.bottom - plot.top));
  const yTicks: LineChartView['yTicks'] = [];
  for (let value = 0; value <= yMax; value += step) {
    yTicks.push({ y: y(value), label: value.toLocaleString('en-GB') });
  }
  return {
    titleId: `${input.id}-title`,
    descriptionId: `${input.id}-description`,
    title: input.title,
    description: input.description,
    width: lineChartWidth,
    height: lineChartHeight,
    fontSize: lineFontSize,
    plot,
    yTicks,
    xTicks: monthTicks(input.start, input.end).map((date) => ({
      x: x(date),
      label: shortMonth.format(new Date(`${date}T00:00:00Z`)),
    })),
    paths: input.series
      .filter((series) => series.points.length > 0)
      .map((series) => ({
        d: series.points
          .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.date)} ${y(point.value)}`)
          .join(' '),
        stroke: series.stroke,
        strokeWidth: series.strokeWidth,
        dash: series.dash,
      })),
    target: input.target ? { y: y(input.target.value), label: input.target.label } : null,
    today:
      input.today && input.today >= input.start && input.today <= input.end
        ? { x: x(input.today) }
        : null,
  };
}
