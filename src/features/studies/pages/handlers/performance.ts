import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../../../../platform/http/errors.js';
import { paths, pathTo } from '../../../../platform/paths.js';
import { segments, totalTargetDays } from '../../model.js';
import { barChart } from '../charts.js';
import {
  type FigureName,
  type PortfolioFigures,
  type Share,
  figureNames,
  isFigureName,
  performanceCsv,
  portfolioFigures,
} from '../performance.js';
import { dayText, daysText, percentText, statusLabel } from '../presenters.js';
import { type StudyPageServices, queryOf } from './common.js';

const formatCount = (value: number) => value.toLocaleString('en-GB');

/** "67% (2 of 3)", or the text for nothing to count. */
const shareText = (share: Share, none = 'None to count') => {
  const percent = percentText(share.share);
  return percent === null
    ? none
    : `${percent} (${formatCount(share.count)} of ${formatCount(share.total)})`;
};

const csvHref = (figure?: FigureName) =>
  `${paths.studiesPerformanceCsv}${figure ? `?figure=${figure}` : ''}`;

function pageView(figures: PortfolioFigures) {
  const segmentCharts = segments.map((segment) => {
    const rows = figures.segments.trusts.map((trust) => ({
      name: trust.name,
      summary: trust.segments[segment.slug],
    }));
    return {
      slug: segment.slug,
      label: segment.label,
      chart: barChart({
        id: `chart-${segment.slug}`,
        title: `${segment.label}: median days by partner trust`,
        description: `Bar chart of the median days from ${segment.label.toLowerCase()}, for the sites that have completed it, against the target of ${segment.targetDays} days: ${rows
          .map(
            (row) =>
              `${row.name} ${row.summary.median === null ? 'no sites yet' : `${daysText(row.summary.median)} (${row.summary.n} ${row.summary.n === 1 ? 'site' : 'sites'})`}`,
          )
          .join(', ')}.`,
        bars: rows.map((row) => ({
          label: row.name,
          value: row.summary.median,
          valueText: row.summary.median === null ? 'No sites' : daysText(row.summary.median),
        })),
        target: { value: segment.targetDays, label: `Target ${segment.targetDays} days` },
      }),
    };
  });
  const withinChart = barChart({
    id: 'chart-within-150',
    title: `Sites reaching their first participant within ${totalTargetDays} days`,
    description: `Bar chart of the share of sites with a first participant that reached it within ${totalTargetDays} days of the application, by partner trust: ${figures.within150.trusts
      .map((trust) => `${trust.name} ${shareText(trust.within, 'no sites yet')}`)
      .join(', ')}.`,
    bars: figures.within150.trusts.map((trust) => ({
      label: trust.name,
      value: trust.within.share === null ? null : trust.within.share * 100,
      valueText: percentText(trust.within.share) ?? 'No sites',
    })),
  });
  const recruitmentChart = barChart({
    id: 'chart-recruitment',
    title: 'Recruited as a share of the plan to date, by study',
    description: `Bar chart of each study's participants recruited as a share of those its sites planned to have by today, against 100% (on plan): ${figures.recruitment.studies
      .map(
        (study) =>
          `${study.shortTitle} ${percentText(study.ofPlan.share) ?? 'nothing planned yet'}`,
      )
      .join(', ')}.`,
    bars: figures.recruitment.studies.map((study) => ({
      label: study.shortTitle,
      value: study.ofPlan.share === null ? null : study.ofPlan.share * 100,
      valueText: percentText(study.ofPlan.share) ?? 'Not started',
    })),
    target: { value: 100, label: 'On plan' },
  });
  return {
    figures,
    today: dayText(figures.today),
    segmentCharts,
    segmentRows: [...figures.segments.trusts, figures.segments.all].map((trust) => ({
      name: trust.name,
      all: trust.slug === 'all',
      cells: segments.map((segment) => {
        const summary = trust.segments[segment.slug];
        return summary.median === null
          ? 'No sites yet'
          : `${daysText(summary.median)} (${summary.n} ${summary.n === 1 ? 'site' : 'sites'})`;
      }),
    })),
    withinChart,
    withinRows: [...figures.within150.trusts, figures.within150.all].map((trust) => ({
      name: trust.name,
      all: trust.slug === 'all',
      sites: formatCount(trust.within.total),
      within: formatCount(trust.within.count),
      share: percentText(trust.within.share) ?? '–',
      median: trust.totalDays.median === null ? '–' : daysText(trust.totalDays.median),
    })),
    recruitmentChart,
    recruitmentRows: figures.recruitment.studies.map((study) => ({
      reference: study.reference,
      href: pathTo.study(study.reference),
      shortTitle: study.shortTitle,
      status: statusLabel(study.status),
      recruited: formatCount(study.recruited),
      planned: formatCount(study.plannedToDate),
      target: formatCount(study.target),
      ofPlan: percentText(study.ofPlan.share) ?? '–',
      ofTarget: percentText(study.ofTarget.share) ?? '–',
      onTrack:
        study.onTrack === null
          ? study.status === 'closed'
            ? 'Closed'
            : 'Not started'
          : study.onTrack
            ? 'Yes'
            : 'No',
    })),
    onTrackText: shareText(figures.recruitment.onTrack, 'no studies to judge yet'),
    segmentTargets: segments,
    totalTargetDays,
    csvHref,
  };
}

export function performanceHandlers({ service }: StudyPageServices) {
  return {
    show: async (_request: FastifyRequest, reply: FastifyReply) => {
      const figures = portfolioFigures(await service.studies(), service.today());
      return reply
        .header('cache-control', 'no-store')
        .render('studies/pages/views/performance.njk', {
          pageTitle: 'Study set-up and recruitment performance',
          breadcrumbs: [{ text: 'Studies', href: paths.studies }],
          ...pageView(figures),
        });
    },

    exportCsv: async (request: FastifyRequest, reply: FastifyReply) => {
      const figure = queryOf(request).figure;
      if (figure !== undefined && figure !== '' && !isFigureName(figure)) {
        return sendProblem(reply.header('cache-control', 'no-store'), {
          type: 'about:blank',
          title: 'Unknown figure',
          status: 422,
          errors: [{ name: 'figure', reason: `Figure must be one of ${figureNames.join(', ')}` }],
        });
      }
      const today = service.today();
      const figures = portfolioFigures(await service.studies(), today);
      const only = isFigureName(figure) ? [figure] : undefined;
      const name = `study-performance-${only ? `${figure as string}-` : ''}${today}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(performanceCsv(figures, only));
    },
  };
}
