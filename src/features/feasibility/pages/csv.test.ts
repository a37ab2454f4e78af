import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { protectCount } from '../disclosure.js';
import type { FeasibilityCounts } from '../service.js';
import { csvFilename, feasibilityCsv } from './csv.js';

const suppressed = protectCount(3);
const counts: FeasibilityCounts = {
  population: {
    description: 'Synthetic Midlands population of 2,000 persons (seed 11)',
    size: protectCount(2000),
    referenceDate: '2026-01-01',
    synthetic: true,
  },
  total: protectCount(123),
  byCareSite: [
    { careSite: { id: '1', name: 'Trust One' }, count: protectCount(118), byAgeBand: [] },
    { careSite: { id: '2', name: 'Trust Two' }, count: suppressed, byAgeBand: [] },
    { careSite: null, count: protectCount(0), byAgeBand: [] },
  ],
  bySex: [
    { sex: 'female', count: protectCount(61) },
    { sex: 'male', count: protectCount(58) },
    { sex: 'other', count: suppressed },
  ],
  byAgeBand: [
    { band: '60-69', count: protectCount(40) },
    { band: '90 and over', count: suppressed },
  ],
  attrition: [
    { step: 1, description: 'Aged 65 or over', count: protectCount(402) },
    { step: 2, description: '=Female', count: protectCount(123) },
  ],
  disclosureControl: 'rule',
  durationMs: 1.5,
};

const rows = (): string[][] =>
  parse(
    feasibilityCsv(counts, {
      criteria: { all: [{ type: 'age', min: 65 }] },
      criteriaDescription: 'Aged 65 or over',
      queryName: 'Older people, "quoted"',
      exportedAt: new Date('2026-11-28T10:00:00Z'),
    }),
    { relaxColumnCount: true, skipEmptyLines: true },
  );

test('the heading block says what was counted, on which population, under which rule', () => {
  const heading: Record<string, string | undefined> = Object.fromEntries(
    rows()
      .slice(0, 10)
      .map(([key, value]): [string, string | undefined] => [key ?? '', value]),
  );
  assert.equal(heading.Query, 'Older people, "quoted"');
  assert.equal(heading.Population, 'Synthetic Midlands population of 2,000 persons (seed 11)');
  assert.match(heading.Data ?? '', /^synthetic data/);
  assert.equal(heading['Population size'], '2000');
  assert.equal(heading['Reference date'], '2026-01-01');
  assert.match(
    heading['Disclosure control'] ?? '',
    /^Counts from 1 to 7 are suppressed: they are shown as “suppressed”, never as a number\. Every other count is rounded to the nearest 5/,
  );
  assert.equal(heading.Criteria, 'Aged 65 or over');
  assert.equal(heading['Criteria (JSON)'], '{"all":[{"type":"age","min":65}]}');
});

test('a row for the total, each trust, sex, age band and attrition step; suppressed as a word', () => {
  const all = rows();
  const start = all.findIndex((row) => row[0] === 'breakdown');
  assert.deepEqual(all.slice(start), [
    ['breakdown', 'group', 'count'],
    ['total', 'all', '125'],
    ['trust', 'Trust One', '120'],
    ['trust', 'Trust Two', 'suppressed'],
    ['trust', 'No home trust recorded', '0'],
    ['sex', 'Female', '60'],
    ['sex', 'Male', '60'],
    ['sex', 'Other or not recorded', 'suppressed'],
    ['age band', '60-69', '40'],
    ['age band', '90 and over', 'suppressed'],
    ['attrition', 'Step 1: Aged 65 or over', '400'],
    ['attrition', 'Step 2: =Female', '125'],
  ]);
});

test('no number below 8 but 0 appears anywhere in the counts', () => {
  const all = rows();
  const start = all.findIndex((row) => row[0] === 'breakdown') + 1;
  for (const [, , count] of all.slice(start)) {
    assert.ok(count === 'suppressed' || count === '0' || Number(count) >= 8, String(count));
  }
});

test('the file is named after the query and the day', () => {
  const day = new Date('2026-11-28T10:00:00Z');
  assert.equal(csvFilename(day), 'feasibility-counts-2026-11-28.csv');
  assert.equal(
    csvFilename(day, 'Probable sarcopenia (EWGSOP2), aged 65+'),
    'feasibility-counts-probable-sarcopenia-ewgsop2-aged-65-2026-11-28.csv',
  );
});
