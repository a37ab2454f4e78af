import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { barChart, chartLabelMaxLength, chartWidth } from './charts.js';
import { defaultPeriod, monthsOf, parsePeriod, periodOf } from './period.js';

const now = new Date('2026-11-28T04:00:00Z');

function messages(query: Record<string, unknown>) {
  const parsed = parsePeriod(query, now);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]);
}

describe('the reporting period', () => {
  test('by default, this month so far and the 11 before it', () => {
    const period = defaultPeriod(now);
    assert.equal(period.from, '2025-12-01');
    assert.equal(period.to, '2026-11-28');
    assert.equal(monthsOf(period).length, 12);
    assert.deepEqual(monthsOf(period).slice(0, 2), ['2025-12', '2026-01']);
  });

  test('London calendar days, including British Summer Time', () => {
    const period = periodOf('2026-06-01', '2026-06-30');
    assert.equal(period.start.toISOString(), '2026-05-31T23:00:00.000Z');
    assert.equal(period.end.toISOString(), '2026-06-30T23:00:00.000Z');
    const winter = periodOf('2026-11-02', '2026-11-02');
    assert.equal(winter.start.toISOString(), '2026-11-02T00:00:00.000Z');
    assert.equal(winter.end.toISOString(), '2026-11-03T00:00:00.000Z');
  });

  test('given dates, empty ones defaulting; only `to` gives the 12 months up to it', () => {
    const parsed = parsePeriod({ from: ' 2026-11-01 ', to: '2026-12-31' }, now);
    assert.ok(parsed.success);
    assert.equal(parsed.period.from, '2026-11-01');
    assert.deepEqual(monthsOf(parsed.period), ['2026-11', '2026-12']);
    const onlyTo = parsePeriod({ from: '', to: '2026-03-15' }, now);
    assert.ok(onlyTo.success);
    assert.equal(onlyTo.period.from, '2025-04-01');
  });

  test('bad dates, repeated dates, to before from and over ten years are errors', () => {
    assert.deepEqual(messages({ from: '2026-02-30', to: 'yesterday' }), [
      ['from', 'From date must be a real date, like 2026-11-02'],
      ['to', 'To date must be a real date, like 2026-11-02'],
    ]);
    assert.deepEqual(messages({ from: ['2026-01-01', '2026-02-01'] }), [
      ['from', 'From date must be a real date, like 2026-11-02'],
    ]);
    assert.deepEqual(messages({ from: '2026-11-02', to: '2026-11-01' }), [
      ['to', 'To date must be the same as or after the from date'],
    ]);
    assert.deepEqual(messages({ from: '2010-01-01', to: '2026-01-01' }), [
      ['from', 'The period must be 10 years or shorter'],
    ]);
    assert.deepEqual(messages({ from: '1999-12-31', to: '2000-01-01' }), [
      ['from', 'From date must be a real date, like 2026-11-02'],
    ]);
    assert.deepEqual(messages({ from: '2026-11-02', to: '2026-11-02' }), []);
  });
});

describe('bar charts', () => {
  test('the largest value spans the room left for its text; none or zero draw no bar', () => {
    const chart = barChart({
      id: 'chart',
      title: 'Title',
      description: 'Description',
      bars: [
        { label: 'A', value: 4, valueText: '4' },
        { label: 'B', value: 2, valueText: '2' },
        { label: 'C', value: 0, valueText: '0' },
        { label: 'D', value: null, valueText: 'no data' },
      ],
    });
    assert.equal(chart.width, chartWidth);
    const widths = chart.bars.map((bar) => bar.barWidth);
    assert.deepEqual(widths, [248, 124, 0, 0]);
    assert.ok(chart.bars.every((bar) => bar.valueX < chartWidth));
    assert.ok(chart.height >= (chart.bars.at(-1)?.barY ?? 0) + chart.barHeight);
    assert.equal(chart.titleId, 'chart-title');
  });

  test('long labels are shortened, and an empty chart still has a size', () => {
    const chart = barChart({
      id: 'c',
      title: 't',
      description: 'd',
      bars: [{ label: 'x'.repeat(80), value: 1, valueText: '1' }],
    });
    const [bar] = chart.bars;
    assert.ok(bar);
    assert.equal(bar.label.length, chartLabelMaxLength);
    assert.ok(bar.label.endsWith('…'));
    assert.ok(barChart({ id: 'e', title: 't', description: 'd', bars: [] }).height > 0);
  });
});
