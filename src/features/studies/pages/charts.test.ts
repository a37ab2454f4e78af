import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart, barChartWidth, lineChart, monthTicks, niceStep, shortLabel } from './charts.js';

test('bars are scaled to the largest value or the target, whichever is larger', () => {
  const chart = barChart({
    id: 'days',
    title: 'Days',
    description: 'Days by trust',
    bars: [
      {
        label: 'University Hospitals Birmingham NHS Foundation Trust',
        value: 30,
        valueText: '30 days',
      },
      { label: 'Nowhere', value: null, valueText: 'No sites' },
    ],
    target: { value: 60, label: 'Target 60 days' },
  });
  const span = barChartWidth - 84;
  assert.equal(chart.bars[0]?.barWidth, Math.round((span / 2) * 10) / 10);
  assert.equal(chart.bars[1]?.barWidth, 0, 'nothing to show, no bar');
  assert.equal(chart.target?.x, span);
  assert.equal(chart.target.anchor, 'end', 'a line on the right is labelled on its left');
  assert.equal(chart.bars[0].label, 'University Hospitals Birmingham');
  assert.equal(chart.titleId, 'days-title');
  assert.equal(chart.descriptionId, 'days-description');
});

test('long names are cut to fit, and a tiny value still shows a bar', () => {
  assert.equal(shortLabel('A'.repeat(60)).length, 38);
  const chart = barChart({
    id: 'x',
    title: 't',
    description: 'd',
    bars: [
      { label: 'big', value: 10_000, valueText: '10,000' },
      { label: 'small', value: 1, valueText: '1' },
    ],
  });
  assert.equal(chart.bars[1]?.barWidth, 2);
  assert.equal(chart.target, null);
});

test('axis steps are 1, 2 or 5 times a power of ten', () => {
  assert.equal(niceStep(0), 1);
  assert.equal(niceStep(7), 2);
  assert.equal(niceStep(240), 100);
  assert.equal(niceStep(1_900), 500);
});

test('month ticks start on the first whole month and are spread to at most five', () => {
  assert.deepEqual(monthTicks('2026-01-15', '2026-04-20'), [
    '2026-02-01',
    '2026-03-01',
    '2026-04-01',
  ]);
  const long = monthTicks('2025-01-01', '2027-12-31');
  assert.ok(long.length <= 5);
  assert.equal(long[0], '2025-01-01');
});

test('a line chart maps dates across and values up, with the target and today marked', () => {
  const chart = lineChart({
    id: 'recruitment',
    title: 'Recruitment',
    description: 'Recruited against plan',
    start: '2026-01-01',
    end: '2026-01-11',
    series: [
      {
        points: [
          { date: '2026-01-01', value: 0 },
          { date: '2026-01-11', value: 10 },
        ],
        stroke: '#000',
        strokeWidth: 2,
        dash: null,
      },
      { points: [], stroke: '#000', strokeWidth: 2, dash: '4 4' },
    ],
    target: { value: 10, label: 'Target 10' },
    today: '2026-01-06',
  });
  assert.equal(chart.paths.length, 1, 'an empty series draws nothing');
  const { left, right, top, bottom } = chart.plot;
  assert.equal(chart.paths[0]?.d, `M${left} ${bottom} L${right} ${top}`);
  assert.equal(chart.target?.y, top);
  assert.equal(chart.today?.x, (left + right) / 2);
  assert.deepEqual(
    chart.yTicks.map((tick) => tick.label),
    ['0', '5', '10'],
  );
  const outside = lineChart({
    id: 'later',
    title: 'Later',
    description: 'Today is after the end',
    start: '2026-01-01',
    end: '2026-01-11',
    series: [],
    today: '2027-01-01',
  });
  assert.equal(outside.today, null);
});
