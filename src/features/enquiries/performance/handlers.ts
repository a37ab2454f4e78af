import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../../../platform/http/errors.js';
import { paths } from '../../../platform/paths.js';
import { formErrorsFrom, noFormErrors } from '../../../platform/views/form-errors.js';
import { londonDay } from '../dates.js';
import { firstResponseWorkingDays } from '../model.js';
import { barChart } from './charts.js';
import { figureNames, performanceCsv, type FigureName } from './csv.js';
import { parsePeriod, periodFields, type ReportingPeriod } from './period.js';
import type { PerformanceFigures, PerformanceService } from './service.js';
import { percentText, type Share } from './statistics.js';

const template = 'enquiries/performance/views/performance.njk';

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function days(value: number | null, none: string): string {
  if (value === null) return none;
  return `${value} ${value === 1 ? 'day' : 'days'}`;
}

/** "67% (2 of 3)", or the text for nothing to count. */
function shareText(share: Share, none = 'None to count'): string {
  const percent = percentText(share);
  return percent === null ? none : `${percent} (${share.count} of ${share.total})`;
}

function periodText(period: ReportingPeriod): string {
  return `${londonDay(period.start)} to ${londonDay(new Date(period.end.getTime() - 1))}`;
}

function periodQuery(period: ReportingPeriod, figure?: FigureName): string {
  return new URLSearchParams({
    from: period.from,
    to: period.to,
    ...(figure ? { figure } : {}),
  }).toString();
}

/** What the template needs: the figures, their charts and the texts that go with them. */
function pageView(figures: PerformanceFigures) {
  const during = periodText(figures.period);
  const stageChart = barChart({
    id: 'chart-stages',
    title: 'Enquiries by current stage',
    description: `Bar chart of the ${figures.received} enquiries received from ${during}, by the stage each is at now: ${figures.byStage
      .map((row) => `${row.label} ${row.count}`)
      .join(', ')}.`,
    bars: figures.byStage.map((row) => ({
      label: row.label,
      value: row.count,
      valueText: String(row.count),
    })),
  });
  const stageTimeChart = barChart({
    id: 'chart-stage-times',
    title: 'Median working days spent in each stage',
    description: `Bar chart of the median number of working days enquiries spent in each stage, for stays that ended from ${during}: ${figures.stageTimes
      .map((row) => `${row.label} ${days(row.workingDays.median, 'no data')}`)
      .join(', ')}.`,
    bars: figures.stageTimes.map((row) => ({
      label: row.label,
      value: row.workingDays.median,
      valueText: days(row.workingDays.median, 'no data'),
    })),
  });
  const siteChart = barChart({
    id: 'chart-sites',
    title: 'Median working days for partner sites to answer',
    description: `Bar chart of the median number of working days each partner site took to answer a request sent from ${during}: ${figures.sites
      .map((site) => `${site.name} ${days(site.workingDays.median, 'no answers yet')}`)
      .join(', ')}.`,
    bars: figures.sites.map((site) => ({
      label: site.shortName,
      value: site.workingDays.median,
      valueText: days(site.workingDays.median, 'no answers'),
    })),
  });
  return {
    figures,
    during,
    firstResponseWorkingDays,
    stageChart,
    stageTimeChart,
    siteChart,
    anyStageLeft: figures.stageTimes.some((row) => row.workingDays.n > 0),
    days,
    shareText,
    csvHref: (figure?: FigureName) =>
      `${paths.officePerformanceCsv}?${periodQuery(figures.period, figure)}`,
  };
}

/** /office/performance and its CSV export. */
export function performanceHandlers(service: PerformanceService) {
  return {
    show: async (request: FastifyRequest, reply: FastifyReply) => {
      const query = queryOf(request);
      const now = new Date();
      const parsed = parsePeriod(query, now);
      reply.header('cache-control', 'no-store');
      if (!parsed.success) {
        return reply.code(422).render(template, {
          errors: formErrorsFrom(parsed.error, periodFields),
          values: { from: textOf(query.from), to: textOf(query.to) },
        });
      }
      const figures = await service.figures(parsed.period, now);
      return reply.render(template, {
        errors: noFormErrors,
        values: { from: parsed.period.from, to: parsed.period.to },
        ...pageView(figures),
      });
    },

    exportCsv: async (request: FastifyRequest, reply: FastifyReply) => {
      const query = queryOf(request);
      const now = new Date();
      const parsed = parsePeriod(query, now);
      const figure = query.figure;
      const knownFigure =
        figure === undefined ||
        figure === '' ||
        (typeof figure === 'string' && (figureNames as readonly string[]).includes(figure));
      if (!parsed.success || !knownFigure) {
        const errors = parsed.success
          ? []
          : parsed.error.issues.map((issue) => ({
              name: String(issue.path[0] ?? 'from'),
              reason: issue.message,
            }));
        if (!knownFigure) {
          errors.push({
            name: 'figure',
            reason: `Figure must be one of ${figureNames.join(', ')}`,
          });
        }
        return sendProblem(reply.header('cache-control', 'no-store'), {
          type: 'about:blank',
          title: 'Invalid period or figure',
          status: 422,
          errors,
        });
      }
      const only = typeof figure === 'string' && figure !== '' ? [figure as FigureName] : undefined;
      const figures = await service.figures(parsed.period, now);
      const { from, to } = parsed.period;
      const name = `enquiry-performance-${only ? `${only[0]}-` : ''}${from}-to-${to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(performanceCsv(figures, only));
    },
  };
}
