import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  plannedBy,
  plannedToDate,
  recruitedToDate,
  recruitmentByMonth,
  recruitmentSeries,
} from './series.js';

const site = (
  plannedOpen: string,
  plannedClose: string,
  recruitmentTarget: number,
  recruitment: { recruitedOn: string; participants: number }[] = [],
) => ({ plannedOpen, plannedClose, recruitmentTarget, recruitment });

test('a site plans its target evenly over its planned days, both ends counted', () => {
  // 10 days from 1 to 10 March: 2 a day.
  const march = site('2026-03-01', '2026-03-10', 20);
  assert.equal(plannedBy(march, '2026-02-28'), 0);
  assert.equal(plannedBy(march, '2026-03-01'), 2);
  assert.equal(plannedBy(march, '2026-03-05'), 10);
  assert.equal(plannedBy(march, '2026-03-10'), 20);
  assert.equal(plannedBy(march, '2026-12-31'), 20);
});

test('the plan and the count add the sites up', () => {
  const sites = [
    site('2026-03-01', '2026-03-10', 20, [
      { recruitedOn: '2026-03-02', participants: 3 },
      { recruitedOn: '2026-03-04', participants: 1 },
    ]),
    site('2026-03-06', '2026-03-15', 10, [{ recruitedOn: '2026-03-06', participants: 2 }]),
  ];
  assert.equal(plannedToDate(sites, '2026-03-06'), 12 + 1);
  assert.equal(recruitedToDate(sites, '2026-03-03'), 3);
  assert.equal(recruitedToDate(sites, '2026-03-06'), 6);
});

test('the series runs from the first planned day to the last, and the actual line stops today', () => {
  const sites = [
    site('2026-01-01', '2026-01-31', 31, [{ recruitedOn: '2026-01-03', participants: 4 }]),
  ];
  const series = recruitmentSeries(sites, '2026-01-10', 7);
  assert.ok(series);
  assert.equal(series.start, '2026-01-01');
  assert.equal(series.end, '2026-01-31');
  assert.deepEqual(
    series.planned.map((p) => [p.date, p.value]),
    [
      ['2026-01-01', 1],
      ['2026-01-08', 8],
      ['2026-01-15', 15],
      ['2026-01-22', 22],
      ['2026-01-29', 29],
      ['2026-01-31', 31],
    ],
  );
  assert.deepEqual(
    series.actual.map((p) => [p.date, p.value]),
    [
      ['2026-01-01', 0],
      ['2026-01-08', 4],
      ['2026-01-10', 4],
    ],
  );
});

test('recruitment goes on past the planned end up to today', () => {
  const sites = [
    site('2026-01-01', '2026-01-10', 10, [{ recruitedOn: '2026-01-20', participants: 1 }]),
  ];
  const series = recruitmentSeries(sites, '2026-02-01');
  assert.equal(series?.end, '2026-02-01');
  assert.equal(series.actual.at(-1)?.value, 1);
  assert.equal(recruitmentSeries([], '2026-02-01'), null, 'no sites, no series');
});

test('a study planned to start later has a plan and no actual line', () => {
  const series = recruitmentSeries([site('2026-06-01', '2026-06-30', 30)], '2026-01-01');
  assert.equal(series?.actual.length, 0);
  assert.equal(series.planned.at(-1)?.value, 30);
});

test('month by month: recruited in the month and so far, planned so far, nothing counted ahead of today', () => {
  const sites = [
    site('2026-01-01', '2026-03-31', 90, [
      { recruitedOn: '2026-01-15', participants: 5 },
      { recruitedOn: '2026-02-01', participants: 2 },
      { recruitedOn: '2026-02-10', participants: 3 },
    ]),
  ];
  const months = recruitmentByMonth(sites, '2026-02-14');
  assert.deepEqual(
    months.map((m) => [m.label, m.until, m.recruitedInMonth, m.recruitedToDate]),
    [
      ['January 2026', '2026-01-31', 5, 5],
      ['February 2026', '2026-02-14', 5, 10],
      ['March 2026', '2026-03-31', null, null],
    ],
  );
  assert.equal(months[2]?.plannedToDate, 90);
  assert.ok(Math.abs((months[0]?.plannedToDate ?? 0) - 31) < 1e-9);
});
