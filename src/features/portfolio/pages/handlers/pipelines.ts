// /pipelines: where every project stands in each translational pipeline, how many entered each
// stage per quarter over the last two years, and the latest moves, filtered by centre and grand
// challenge with a GET form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { paths, pathTo } from '../../../../platform/paths.js';
import { formErrorsFor } from '../../../../platform/views/form-errors.js';
import type { Pipeline, Project } from '../../repository.js';
import type { ProjectStage } from '../../service.js';
import { columnChart } from '../charts.js';
import {
  entriesPerQuarter,
  lastQuarters,
  quarterShortText,
  quarterText,
  quartersSpanText,
  recentMoves,
} from '../figures.js';
import { type PortfolioPageServices, dayText, filterValue, queryOf, stageName } from './common.js';

/** Every stage of the pipelines shown, by short name, in pipeline order. */
function stagesOf(pipelines: readonly Pipeline[]) {
  const stages = new Map<string, { slug: string; name: string; position: number }>();
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      if (!stages.has(stage.slug)) stages.set(stage.slug, stage);
    }
  }
  return [...stages.values()].sort((a, b) => a.position - b.position);
}

function boardOf(
  pipeline: Pipeline,
  projects: readonly Project[],
  stages: Map<string, ProjectStage>,
) {
  const inPipeline = projects.filter((p) => stages.get(p.id)?.pipeline.id === pipeline.id);
  const row = (project: Project) => {
    const current = stages.get(project.id)?.current ?? null;
    return {
      reference: project.reference,
      href: pathTo.project(project.reference),
      title: project.title,
      lead: project.lead.name,
      since: current ? dayText(current.enteredOn) : '',
      sinceIso: current?.enteredOn ?? '',
      isSample: project.isSample,
    };
  };
  const bySince = (a: { sinceIso: string }, b: { sinceIso: string }) =>
    a.sinceIso.localeCompare(b.sinceIso);
  const columns = [
    {
      slug: 'not-started',
      name: 'Not started',
      gateCriteria: 'In the pipeline, no stage entered yet.',
      projects: inPipeline.filter((p) => !stages.get(p.id)?.current).map(row),
    },
    ...pipeline.stages.map((stage) => ({
      slug: stage.slug,
      name: stage.name,
      gateCriteria: stage.gateCriteria,
      projects: inPipeline
        .filter((p) => stages.get(p.id)?.current?.stage === stage.slug)
        .map(row)
        .sort(bySince),
    })),
  ];
  return {
    id: pipeline.slug,
    name: pipeline.name,
    description: pipeline.description,
    owner: pipeline.owner.name,
    stages: pipeline.stages,
    total: inPipeline.length,
    // "Not started" is shown only when some project is there.
    columns: columns.filter((c) => c.slug !== 'not-started' || c.projects.length > 0),
  };
}

export function pipelineHandlers({ service }: PortfolioPageServices) {
  return {
    board: async (request: FastifyRequest, reply: FastifyReply) => {
      const query = queryOf(request);
      const [pipelines, challenges, centres] = await Promise.all([
        service.pipelines(),
        service.challenges(),
        service.centres(),
      ]);
      const centre = filterValue(
        query,
        'centre',
        centres.map((c) => c.slug),
      );
      const challenge = filterValue(
        query,
        'challenge',
        challenges.map((c) => c.slug),
      );
      const errors = formErrorsFor(
        {
          ...(centre === null ? { centre: 'Choose a centre from the list' } : {}),
          ...(challenge === null ? { challenge: 'Choose a grand challenge from the list' } : {}),
        },
        ['centre', 'challenge'],
      );
      const failed = errors.summary.length > 0;
      const selectItems = (
        list: readonly { slug: string; text: string }[],
        chosen: string | null | undefined,
        anyText: string,
      ) => [
        { value: '', text: anyText, selected: !chosen },
        ...list.map((item) => ({
          value: item.slug,
          text: item.text,
          selected: chosen === item.slug,
        })),
      ];
      const common = {
        breadcrumbs: [{ text: 'Your account', href: paths.account }],
        errors,
        centreItems: selectItems(
          centres.map((c) => ({ slug: c.slug, text: c.name })),
          centre,
          'Any centre',
        ),
        challengeItems: selectItems(
          challenges.map((c) => ({ slug: c.slug, text: c.title })),
          challenge,
          'Any grand challenge',
        ),
      };
      if (failed) {
        return reply.code(422).render('portfolio/pages/views/pipelines.njk', {
          ...common,
          pageTitle: 'Error: Translational pipelines',
          failed,
        });
      }

      const all = await service.projects(challenge ? { challenge } : {});
      const stages = await service.stages(all);
      // A centre's projects are those it leads and those in the pipelines it runs.
      const projects = centre
        ? all.filter(
            (p) => p.lead.slug === centre || stages.get(p.id)?.pipeline.owner.slug === centre,
          )
        : all;
      const shownPipelines = centre
        ? pipelines.filter(
            (pl) =>
              pl.owner.slug === centre ||
              projects.some((p) => stages.get(p.id)?.pipeline.id === pl.id),
          )
        : pipelines;

      const histories = projects.map((p) => stages.get(p.id)?.history ?? []);
      const today = service.today();
      const quarters = lastQuarters(today, 8);
      const stageList = stagesOf(shownPipelines);
      const entries = entriesPerQuarter(histories.flat(), stageList, quarters);
      const scaleMax = Math.max(1, ...entries.flatMap((e) => e.counts));
      const range = quartersSpanText(quarters[0] ?? '', quarters[quarters.length - 1] ?? '');
      const movementCharts = entries.map((entry) => ({
        label: entry.label,
        total: entry.total,
        chart: columnChart({
          id: `moves-${entry.stage}`,
          title: `Projects entering ${entry.label} per quarter`,
          description: `Column chart of the projects that entered ${entry.label} in each quarter from ${range}: ${entry.counts
            .map((n, i) => `${quarterText(quarters[i] ?? '')} ${n}`)
            .join(', ')}. ${entry.total} in all.`,
          columns: entry.counts.map((value, i) => ({
            label: quarterShortText(quarters[i] ?? '').replace(' ', '\n'),
            value,
          })),
          scaleMax,
        }),
      }));

      const projectById = new Map(projects.map((p) => [p.id, p]));
      const moves = recentMoves(histories, 15).map((move) => {
        const project = projectById.get(move.projectId);
        const stage = stages.get(move.projectId);
        return {
          date: dayText(move.enteredOn),
          reference: project?.reference ?? '',
          href: project ? pathTo.project(project.reference) : '',
          title: project?.title ?? '',
          from: stageName(stage, move.from),
          to: stageName(stage, move.stage),
          evidence: move.evidence,
        };
      });

      const boards = shownPipelines.map((pipeline) => boardOf(pipeline, projects, stages));
      const overview = boards.map((board) => ({
        id: board.id,
        name: board.name,
        total: board.total,
        notStarted: board.columns.find((c) => c.slug === 'not-started')?.projects.length ?? 0,
        counts: stageList.map(
          (stage) => board.columns.find((c) => c.slug === stage.slug)?.projects.length ?? 0,
        ),
      }));

      const filtered = Boolean(centre || challenge);
      return reply.render('portfolio/pages/views/pipelines.njk', {
        ...common,
        pageTitle: 'Translational pipelines',
        failed,
        filtered,
        projectCount: projects.filter((p) => stages.has(p.id)).length,
        boards,
        overview,
        stageNames: stageList.map((stage) => stage.name),
        quarters: quarters.map((q) => ({ short: quarterShortText(q), long: quarterText(q) })),
        range,
        entries,
        movementCharts,
        moves,
      });
    },
  };
}
