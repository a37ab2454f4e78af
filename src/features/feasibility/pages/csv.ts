import { csvRow } from '../../../platform/audit/csv.js';
import type { CriteriaNode } from '../criteria.js';
import type { ProtectedCount } from '../disclosure.js';
import type { FeasibilityCounts } from '../service.js';
import { disclosureRuleAs, noHomeTrust, sexLabels } from './results.js';

/**
 * A count as CSV: a heading block that says what was counted, on which population and under
 * which disclosure rule, then one row per number (total, each trust, each sex, each age band,
 * each attrition step). Every number is disclosure-controlled; a suppressed one is written
 * `suppressed`, never as a number.
 */

export const csvColumns = ['breakdown', 'group', 'count'] as const;

const cell = (count: ProtectedCount) => (count.suppressed ? 'suppressed' : count.value);

export interface CsvHeading {
  /** The criteria in plain words. */
  criteriaDescription: string;
  criteria: CriteriaNode;
  queryName?: string;
  exportedAt: Date;
}

export function feasibilityCsv(counts: FeasibilityCounts, heading: CsvHeading): string {
  const { population } = counts;
  const rows: (readonly unknown[])[] = [
    ['Patient feasibility counts', 'Midlands Health Alliance'],
    ...(heading.queryName ? [['Query', heading.queryName]] : []),
    ['Population', population.description],
    [
      'Data',
      population.synthetic
        ? 'synthetic data: no record describes a real person'
        : 'not marked as synthetic',
    ],
    ['Population size', cell(population.size)],
    ['Reference date', population.referenceDate],
    ['Disclosure control', disclosureRuleAs('suppressed')],
    ['Criteria', heading.criteriaDescription],
    ['Criteria (JSON)', JSON.stringify(heading.criteria)],
    ['Exported at (UTC)', heading.exportedAt.toISOString()],
    [],
    csvColumns,
    ['total', 'all', cell(counts.total)],
    ...counts.byCareSite.map((row) => [
      'trust',
      row.careSite?.name ?? noHomeTrust,
      cell(row.count),
    ]),
    ...counts.bySex.map((row) => ['sex', sexLabels[row.sex], cell(row.count)]),
    ...counts.byAgeBand.map((row) => ['age band', row.band, cell(row.count)]),
    ...counts.attrition.map((row) => [
      'attrition',
      `Step ${row.step}: ${row.description}`,
      cell(row.count),
    ]),
  ];
  return rows.map((row) => csvRow(row)).join('');
}

/** `feasibility-counts-2026-11-28.csv`, or with the query's name in it when it has one. */
export function csvFilename(exportedAt: Date, queryName?: string): string {
  const slug = (queryName ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `feasibility-counts-${slug ? `${slug}-` : ''}${exportedAt.toISOString().slice(0, 10)}.csv`;
}
