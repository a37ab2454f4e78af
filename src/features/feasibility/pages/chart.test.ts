import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, chartLabelMaxLength, chartWidth, shortLabel } from './chart.js';

const chart = (values: (number | null)[]) =>
  barChart({
    id: 'chart',
    title: 'Title',
    description: 'Description',
    bars: values.map((value, index) => ({
      label: `Trust ${index}`,
      value,
      valueText: value === null ? 'fewer than 8' : String(value),
    })),
  });

test('the largest count spans the width less room for its value, others in proportion', () => {
  const { bars, width } = chart([200, 100, 0]);
  assert.equal(width, chartWidth);
  const [largest, half, none] = bars;
  assert.ok(largest && half && none);
  assert.ok(largest.barWidth > 0 && largest.valueX + 60 <= chartWidth);
  assert.equal(half.barWidth, largest.barWidth / 2);
  assert.equal(none.barWidth, 0);
});

test('a suppressed count has no bar, only its text', () => {
  const suppressed = chart([null, 10]).bars[0];
  assert.ok(suppressed);
  assert.equal(suppressed.barWidth, 0);
  assert.equal(suppressed.valueText, 'fewer than 8');
});

test('a count far smaller than the largest is still seen', () => {
  assert.equal(chart([100_000, 10]).bars[1]?.barWidth, 2);
});

test('nothing to show draws no bars and a chart of one row', () => {
  const empty = chart([]);
  assert.deepEqual(empty.bars, []);
  assert.ok(empty.height > 0);
});

test('rows do not overlap and the chart is tall enough for the last one', () => {
  const { bars, height, barHeight } = chart([5, 10, 15]);
  for (const [index, bar] of bars.entries()) {
    assert.ok(bar.barY > bar.labelY, 'the bar is below its label');
    const next = bars[index + 1];
    if (next) assert.ok(next.labelY - 13 > bar.barY + barHeight, 'the next label is below the bar');
  }
  const last = bars.at(-1);
  assert.ok(last && last.barY + barHeight <= height);
});

test('trust names lose the words every trust shares, and long ones are cut', () => {
  assert.equal(
    shortLabel('University Hospitals Birmingham NHS Foundation Trust'),
    'University Hospitals Birmingham',
  );
  assert.equal(shortLabel('The Royal Wolverhampton NHS Trust'), 'The Royal Wolverhampton');
  const long = shortLabel('A'.repeat(80));
  assert.equal(long.length, chartLabelMaxLength);
  assert.ok(long.endsWith('…'));
});
