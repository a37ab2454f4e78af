import { csvRow } from '../../../platform/audit/csv.js';
import type { PerformanceFigures } from './service.js';
import type { DurationSummary, Share } from './statistics.js';

/**
 * Every figure of the performance page as one CSV in long form: one row per number, named by
 * its figure, its group (a stage, a month, an organisation, an outcome or "all") and its
 * measure. Durations are whole working days; shares are fractions to four decimal places,
 * empty where there was nothing to count (as are medians of nothing).
 */

export const figureNames = [
  'enquiries-by-stage',
  'received-per-month',
  'first-response',
  'time-in-stage',
  'site-responses',
  'conversion',
] as const;
export type FigureName = (typeof figureNames)[number];

export const csvHeader = ['figure', 'group', 'measure', 'value'] as const;

type Row = [FigureName, string, string, number | string | null];

function fraction(share: Share): string | null {
  return share.share === null ? null : share.share.toFixed(4);
}

function durationRows(figure: FigureName, group: string, summary: DurationSummary): Row[] {
  return [
    [figure, group, 'median_working_days', summary.median],
    [figure, group, 'p90_working_days', summary.p90],
  ];
}

function rowsOf(figures: PerformanceFigures, figure: FigureName): Row[] {
  switch (figure) {
    case 'enquiries-by-stage':
      return figures.byStage.map((row) => [figure, row.label, 'enquiries', row.count]);
    case 'received-per-month':
      return figures.byMonth.map((row) => [figure, row.month, 'enquiries', row.count]);
    case 'first-response': {
      const first = figures.firstResponse;
      return [
        [figure, 'all', 'received', first.received],
        [figure, 'all', 'answered', first.answered],
        [figure, 'all', 'unanswered_overdue', first.overdue],
        [figure, 'all', 'unanswered_not_yet_due', first.pending],
        ...durationRows(figure, 'all', first.workingDays),
        [figure, 'all', 'answered_within_3_working_days', first.withinDeadline.count],
        [figure, 'all', 'counted_for_within_3_working_days', first.withinDeadline.total],
        [figure, 'all', 'share_within_3_working_days', fraction(first.withinDeadline)],
      ];
    }
    case 'time-in-stage':
      return figures.stageTimes.flatMap((row): Row[] => [
        [figure, row.label, 'n', row.workingDays.n],
        ...durationRows(figure, row.label, row.workingDays),
      ]);
    case 'site-responses':
      return figures.sites.flatMap((site): Row[] => [
        [figure, site.name, 'asked', site.asked],
        [figure, site.name, 'answered', site.answered],
        ...durationRows(figure, site.name, site.workingDays),
        [figure, site.name, 'answered_by_deadline', site.byDeadline.count],
        [figure, site.name, 'counted_for_deadline', site.byDeadline.total],
        [figure, site.name, 'share_answered_by_deadline', fraction(site.byDeadline)],
        [figure, site.name, 'interested', site.interested.count],
        [figure, site.name, 'share_interested', fraction(site.interested)],
      ]);
    case 'conversion': {
      const conversion = figures.conversion;
      return [
        ...conversion.outcomes.flatMap((row): Row[] => [
          [figure, row.outcome, 'closed', row.count],
          [figure, row.outcome, 'reached_open', row.reachedOpen],
        ]),
        [figure, 'all', 'closed', conversion.closed],
        [figure, 'all', 'reached_open', conversion.reachedOpen.count],
        [figure, 'all', 'share_reached_open', fraction(conversion.reachedOpen)],
      ];
    }
  }
}

/** The CSV text of the chosen figures (all of them by default), header first, CRLF lines. */
export function performanceCsv(
  figures: PerformanceFigures,
  only: readonly FigureName[] = figureNames,
): string {
  return [
    csvRow(csvHeader),
    ...only.flatMap((figure) => rowsOf(figures, figure).map((row) => csvRow(row))),
  ].join('');
}
