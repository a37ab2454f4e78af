import type { FastifyReply, FastifyRequest } from 'fastify';
import { paths, pathTo } from '../../../../platform/paths.js';
import { milestoneBySlug, studyStatuses, type StudyStatus } from '../../model.js';
import type { SiteView, StudyView } from '../../service.js';
import {
  dayText,
  daysText,
  filterStudies,
  milestoneLabel,
  percentText,
  ragFilters,
  ragTag,
  statusTag,
  worstRag,
  type RagFilter,
} from '../presenters.js';
import { plannedBy } from '../series.js';
import { type StudyPageServices, queryOf, userOf } from './common.js';

const ragFilterLabels: Record<RagFilter, string> = {
  red: 'Red: over target',
  amber: 'Amber: at risk',
  green: 'Green: within target',
  none: 'Not started',
};

/** Whether a milestone is the whole study's, which the alliance office records. */
const studyLevel = (slug: string | null) =>
  slug !== null && milestoneBySlug.get(slug)?.level === 'study';

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | '' =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : '';

function studyRow(study: StudyView) {
  const share = study.recruitmentTarget > 0 ? study.recruited / study.recruitmentTarget : null;
  return {
    reference: study.reference,
    href: pathTo.study(study.reference),
    shortTitle: study.shortTitle,
    isSample: study.isSample,
    sponsor: study.sponsor,
    statusTag: statusTag(study.status),
    siteCount: study.sites.length,
    siteNames: study.sites.map((site) => site.organisationSlug.toUpperCase()).join(', '),
    recruited: study.recruited,
    target: study.recruitmentTarget,
    percent: percentText(share),
    ragTag: ragTag(worstRag(study)),
  };
}

/**
 * What is late at a site: segments past their target while still open, the 150 days passed,
 * a planned opening date gone by, and recruitment behind the site's plan.
 */
export function overdueAt(site: SiteView, today: string): string[] {
  const items: string[] = [];
  for (const segment of site.measures.segments) {
    if (!segment.complete && segment.days !== null && segment.days > segment.targetDays) {
      items.push(
        `${segment.label}: ${daysText(segment.days)}, ${daysText(segment.days - segment.targetDays)} over its ${segment.targetDays}-day target`,
      );
    }
  }
  const total = site.measures.total;
  if (!total.complete && total.days !== null && total.days > total.targetDays) {
    items.push(
      `The ${total.targetDays}-day target to the first participant passed ${daysText(total.days - total.targetDays)} ago`,
    );
  }
  if (!site.openedOn && site.plannedOpen < today) {
    items.push(`Planned to open on ${dayText(site.plannedOpen)}, not open yet`);
  }
  if (site.openedOn) {
    const planned = Math.floor(plannedBy(site, today) + 1e-9);
    if (site.recruited < planned) {
      items.push(
        `Recruitment behind plan: ${site.recruited.toLocaleString('en-GB')} recruited, ${planned.toLocaleString('en-GB')} planned by today`,
      );
    }
  }
  return items;
}

export function portfolioHandlers({ service }: StudyPageServices) {
  return {
    /** /studies: every study, filtered by a GET form. */
    list: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const query = queryOf(request);
      const [studies, trusts] = await Promise.all([service.studies(), service.partnerTrusts()]);
      const ownOrganisation = user.role === 'site-office' ? user.organisationId : null;
      // A site office sees its own organisation's studies first; "mine=0" shows every study.
      const mine = ownOrganisation !== null && query.mine !== '0';
      const site = oneOf(
        trusts.map((trust) => trust.slug),
        query.site,
      );
      const status = oneOf<StudyStatus>(
        studyStatuses.map((item) => item.slug),
        query.status,
      );
      const rag = oneOf(ragFilters, query.rag);
      const shown = filterStudies(studies, {
        site,
        status,
        rag,
        organisationId: mine && ownOrganisation ? ownOrganisation : '',
      });
      return reply.render('studies/pages/views/portfolio.njk', {
        pageTitle: 'Studies',
        breadcrumbs: [{ text: 'Your account', href: paths.account }],
        rows: shown.map(studyRow),
        total: studies.length,
        filtered: Boolean(site || status || rag || mine),
        isSiteOffice: ownOrganisation !== null,
        mine,
        canManage: service.canManageStudies(user),
        mineItems: [
          { value: '1', text: 'My organisation’s studies', checked: mine },
          { value: '0', text: 'All studies', checked: !mine },
        ],
        siteItems: [
          { value: '', text: 'Any site', selected: site === '' },
          ...trusts.map((trust) => ({
            value: trust.slug,
            text: trust.name,
            selected: site === trust.slug,
          })),
        ],
        statusItems: [
          { value: '', text: 'Any status', selected: status === '' },
          ...studyStatuses.map((item) => ({
            value: item.slug,
            text: item.label,
            selected: status === item.slug,
          })),
        ],
        ragItems: [
          { value: '', text: 'Any', selected: rag === '' },
          ...ragFilters.map((value) => ({
            value,
            text: ragFilterLabels[value],
            selected: rag === value,
          })),
        ],
      });
    },

    /** /site/studies: a site office's own sites, what holds each up and what is late. */
    siteStudies: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const today = service.today();
      const studies = await service.studies();
      const rows = studies.flatMap((study) =>
        study.sites
          .filter((site) => site.organisationId === user.organisationId)
          .map((site) => ({
            reference: study.reference,
            href: pathTo.study(study.reference),
            siteHref: `${pathTo.study(study.reference)}#site-${site.organisationSlug}`,
            shortTitle: study.shortTitle,
            isSample: study.isSample,
            statusTag: statusTag(study.status),
            ragTag: ragTag(site.measures.rag),
            holdingUp: site.measures.holdingUp,
            holdingUpLabel: milestoneLabel(site.measures.holdingUp),
            waitingForOffice: studyLevel(site.measures.holdingUp),
            nextHref:
              site.measures.holdingUp &&
              site.measures.holdingUp !== 'first-participant' &&
              !studyLevel(site.measures.holdingUp) &&
              study.status !== 'closed'
                ? pathTo.studySiteMilestone(
                    study.reference,
                    site.organisationSlug,
                    site.measures.holdingUp,
                  )
                : null,
            recruitmentHref:
              site.openedOn && study.status !== 'closed'
                ? pathTo.studySiteRecruitment(study.reference, site.organisationSlug)
                : null,
            totalDaysText:
              site.measures.total.days === null
                ? 'The application has not been submitted yet'
                : `${daysText(site.measures.total.days)}${site.measures.total.complete ? '' : ' so far'}`,
            recruited: site.recruited,
            target: site.recruitmentTarget,
            overdue: overdueAt(site, today),
          })),
      );
      return reply.render('studies/pages/views/site-studies.njk', {
        pageTitle: 'Your organisation’s studies',
        breadcrumbs: [{ text: 'Your account', href: paths.account }],
        rows,
        overdueCount: rows.filter((row) => row.overdue.length > 0).length,
      });
    },
  };
}
