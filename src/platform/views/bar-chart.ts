/**
 * Horizontal bar charts as a pure view model that a Nunjucks macro draws as inline SVG (no
 * script, no styles: presentation attributes only, which the content security policy allows).
 * Each bar has its label on a line of its own above it, so long names never squeeze the bars,
 * and its value just after its end; a table beside the chart holds the same numbers. The drawing
 * is 320 units wide and shown at 100% of its column. The features set their own spacing.
 */

export const barChartWidth = 320;
export const chartFontSize = 14;

export interface BarLayout {
  /** Longest label drawn in the chart; the table beside it has the full text. */
  labelMaxLength: number;
  barHeight: number;
  rowHeight: number;
  /** Above the first label (more when there is a target line to label). */
  topPadding: number;
  /** Room kept after the longest bar for its value. */
  valueRoom: number;
  barGap: number;
  /** How far above the bar's bottom edge its value text sits. */
  valueInset: number;
}

export const defaultBarLayout: BarLayout = {
  labelMaxLength: 36,
  barHeight: 18,
  rowHeight: 50,
  topPadding: 4,
  valueRoom: 72,
  barGap: 6,
  valueInset: 4,
};

export interface ChartBarInput {
  label: string;
  /** Null where there is nothing to show (no data, or suppressed): only `valueText`. */
  value: number | null;
  valueText: string;
}

export interface ChartInput {
  /** Prefix of the SVG's element ids; unique on the page. */
  id: string;
  title: string;
  description: string;
  bars: readonly ChartBarInput[];
  /** A vertical dashed line across the bars, such as a target of 60 days. */
  target?: { value: number; label: string };
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
  target: { x: number; label: string; labelX: number; anchor: 'start' | 'end' } | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A label cut to fit, with an ellipsis. */
export function cutLabel(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** An NHS trust's name without the words every trust's name ends with. */
export const withoutTrustSuffix = (name: string) => name.replace(/ NHS( Foundation)? Trust$/, '');

/** Places the bars: the largest value (or target) spans the width less room for its text. */
export function barChart(input: ChartInput, layout: BarLayout = defaultBarLayout): BarChartView {
  const largest = Math.max(0, ...input.bars.map((bar) => bar.value ?? 0), input.target?.value ?? 0);
  const span = barChartWidth - layout.valueRoom;
  // Room above the first bar for the target's label.
  const top = input.target ? 22 : layout.topPadding;
  const bars = input.bars.map((bar, index) => {
    const labelY = top + index * layout.rowHeight + chartFontSize;
    const barY = labelY + layout.barGap;
    const value = bar.value ?? 0;
    // A bar of a value above 0 is at least 2 units wide so that it can be seen.
    const barWidth = largest > 0 && value > 0 ? Math.max(2, round1((value / largest) * span)) : 0;
    return {
      label: cutLabel(bar.label, layout.labelMaxLength),
      valueText: bar.valueText,
      labelY,
      barY,
      barWidth,
      valueX: round1(barWidth + layout.barGap),
      valueY: barY + layout.barHeight - layout.valueInset,
    };
  });
  const targetX = input.target && largest > 0 ? round1((input.target.value / largest) * span) : 0;
  return {
    id: input.id,
    titleId: `${input.id}-title`,
    descriptionId: `${input.id}-description`,
    title: input.title,
    description: input.description,
    width: barChartWidth,
    height: top + Math.max(1, bars.length) * layout.rowHeight,
    fontSize: chartFontSize,
    barHeight: layout.barHeight,
    bars,
    target: input.target
      ? {
          x: targetX,
          label: input.target.label,
          // The label sits left of the line when the line is far to the right.
          labelX: targetX > barChartWidth / 2 ? round1(targetX - 4) : round1(targetX + 4),
          anchor: targetX > barChartWidth / 2 ? 'end' : 'start',
        }
      : null,
  };
}
