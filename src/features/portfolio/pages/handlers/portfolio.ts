// /portfolio: the whole portfolio in numbers (projects and funding by grand challenge, lead centre,
// health category and stage), each drawn as bar charts with a table, and the same as CSV.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../../../../platform/http/errors.js';
import { paths } from '../../../../platform/paths.js';
import { barChart } from '../charts.js';
import {
  type FigureName,
  type FigureRow,
  type PortfolioFigures,
  figureNames,
  figureTitles,
  figuresCsv,
  poundsText,
  portfolioFigures,
  shortPoundsText,
} from '../figures.js';
import { type PortfolioPageServices, factsOf, queryOf } from './common.js';

const groupWords: Record<FigureName, string> = {
  challenge: 'grand challenge',
  centre: 'lead centre',
  category: 'health category',
  stage: 'current pipeline stage',
};

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function figureView(figure: FigureName, rows: FigureRow[]) {
  const projectsInWords = rows.map((r) => `${r.label} ${r.projects}`).join(', ');
  const fundingInWords = rows.map((r) => `${r.label} ${poundsText(r.fundingPounds)}`).join(', ');
  return {
    name: figure,
    title: figureTitles[figure],
    group: groupWords[figure],
    csvHref: `${paths.portfolioCsv}?figure=${figure}`,
    rows: rows.map((row) => ({
      ...row,
      fundingText: poundsText(row.fundingPounds),
    })),
    projectsChart: barChart({
      id: `chart-${figure}-projects`,
      title: `Projects by ${groupWords[figure]}`,
      description: `Bar chart of the number of projects by ${groupWords[figure]}: ${projectsInWords || 'none'}.`,
      bars: rows.map((row) => ({
        label: row.label,
        value: row.projects,
        valueText: String(row.projects),
      })),
    }),
    fundingChart: barChart({
      id: `chart-${figure}-funding`,
      title: `Funding by ${groupWords[figure]}`,
      description: `Bar chart of the funding recorded for projects, by ${groupWords[figure]}: ${fundingInWords || 'none'}.`,
      bars: rows.map((row) => ({
        label: row.label,
        value: row.fundingPounds,
        valueText: shortPoundsText(row.fundingPounds),
      })),
    }),
  };
}

export function portfolioHandlers({ service }: PortfolioPageServices) {
  const figures = async (): Promise<PortfolioFigures> => {
    const [projects, challenges] = await Promise.all([service.projects(), service.challenges()]);
    const stages = await service.stages(projects);
    return portfolioFigures(
      projects.map((p) => factsOf(p, stages.get(p.id))),
      challenges.map((c) => ({ slug: c.slug, title: c.title })),
    );
  };

  return {
    show: async (_request: FastifyRequest, reply: FastifyReply) => {
      const numbers = await figures();
      return reply.render('portfolio/pages/views/portfolio.njk', {
        pageTitle: 'Research portfolio',
        breadcrumbs: [{ text: 'Your account', href: paths.account }],
        total: numbers.projects,
        totalText: plural(numbers.projects, 'project', 'projects'),
        fundingText: poundsText(numbers.fundingPounds),
        withoutAmountText:
          numbers.withoutAmount > 0
            ? `${plural(numbers.withoutAmount, 'project has', 'projects have')} no amount recorded and add nothing to the funding.`
            : '',
        figures: figureNames.map((figure) => figureView(figure, numbers.byFigure[figure])),
        csvHref: paths.portfolioCsv,
      });
    },

    exportCsv: async (request: FastifyRequest, reply: FastifyReply) => {
      const figure = queryOf(request).figure;
      const known =
        figure === undefined ||
        figure === '' ||
        (typeof figure === 'string' && (figureNames as readonly string[]).includes(figure));
      if (!known) {
        return sendProblem(reply.header('cache-control', 'no-store'), {
          type: 'about:blank',
          title: 'Unknown figure',
          status: 422,
          detail: `Figure must be one of ${figureNames.join(', ')}, or left out for all of them.`,
          errors: [{ name: 'figure', reason: `must be one of ${figureNames.join(', ')}` }],
        });
      }
      const only = typeof figure === 'string' && figure !== '' ? [figure as FigureName] : undefined;
      const name = `research-portfolio${only ? `-by-${only[0]}` : ''}-${service.today()}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(figuresCsv(await figures(), only));
    },
  };
}
