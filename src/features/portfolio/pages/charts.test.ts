import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, barChartWidth, columnChart, columnChartHeight } from './charts.js';

test('bars are scaled to the largest value; zero draws no bar; ids come from the chart id', () => {
  const chart = barChart({
    id: 'centres',
    title: 'Projects by centre',
    description: 'words',
    bars: [
      {
        label: 'A very long organisation name that will not fit on the chart at all',
        value: 10,
        valueText: '10',
      },
      { label: 'B', value: 5, valueText: '5' },
      { label: 'C', value: 0, valueText: '0' },
    ],
  });
  assert.equal(chart.titleId, 'centres-title');
  assert.equal(chart.descriptionId, 'centres-description');
  assert.equal(chart.bars[0]?.barWidth, barChartWidth - 72);
  assert.equal(chart.bars[1]?.barWidth, (barChartWidth - 72) / 2);
  assert.equal(chart.bars[2]?.barWidth, 0);
  const [first] = chart.bars;
  assert.ok(first);
  assert.ok(first.label.length <= 38);
  assert.ok(first.label.endsWith('…'));
});

test('columns share the scale they are given, and a tiny value still shows', () => {
  const chart = columnChart({
    id: 'moves',
    title: 't',
    description: 'd',
    columns: [
      { label: 'Q1\n2026', value: 1 },
      { label: 'Q2\n2026', value: 0 },
    ],
    scaleMax: 100,
  });
  const [small, none] = chart.columns;
  assert.ok(small && none);
  assert.equal(small.height, 2);
  assert.equal(none.height, 0);
  assert.equal(small.y, chart.baseline - 2);
  assert.deepEqual(
    small.labelLines.map((l) => l.text),
    ['Q1', '2026'],
  );
  assert.ok(chart.baseline < columnChartHeight);
});
