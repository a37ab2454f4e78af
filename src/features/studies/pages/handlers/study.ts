import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../../platform/auth/roles.js';
import { auditContextOf } from '../../../../platform/http/authentication.js';
import { formBody } from '../../../../platform/http/forms.js';
import { paths, pathTo } from '../../../../platform/paths.js';
import { healthCategoryName } from '../../../directory/model.js';
import { trialPhaseLabel } from '../../../enquiries/model.js';
import type { StudyForecast } from '../../forecasting.js';
import { milestoneBySlug, siteMilestones, studyMilestones, studyTypes } from '../../model.js';
import type { MilestoneRecord } from '../../repository.js';
import type { SiteView, StudyView } from '../../service.js';
import { lineChart } from '../charts.js';
import {
  dayText,
  daysText,
  milestoneLabel,
  percentText,
  ragTag,
  statusTag,
} from '../presenters.js';
import { recruitmentByMonth, recruitmentSeries } from '../series.js';
import {
  type StudyPageServices,
  forbidden,
  notFound,
  queryOf,
  sitesUserMayUpdate,
  studyOf,
  userOf,
} from './common.js';

/** Days in an average month, for rates shown per month. */
const daysPerMonth = 365.25 / 12;

const formatCount = (value: number) => value.toLocaleString('en-GB');

/** A chance as people read it: never "0%" or "100%" for what is only nearly so. */
export function chanceText(probability: number): string {
  if (probability >= 1) return '100%';
  if (probability <= 0) return '0%';
  if (probability < 0.01) return 'less than 1%';
  if (probability > 0.99) return 'more than 99%';
  return `${Math.round(probability * 100)}%`;
}

const rateText = (perDay: number) => (perDay * daysPerMonth).toFixed(1);

const siteStatusLabels: Record<StudyForecast['sites'][number]['status'], string> = {
  open: 'Open',
  closed: 'Closed',
  'not-yet-open': 'Not open yet',
  'not-planned': 'No opening date',
};

function extraSitesText(forecast: StudyForecast): string {
  const extra = forecast.extraSites;
  const wanted = chanceText(extra.requiredProbability);
  if (forecast.status === 'target-met')
    return 'The target has been met: no extra sites are needed.';
  if (extra.needed === 0) {
    return `On track: no extra sites are needed to make reaching the target by the planned end at least ${wanted} likely.`;
  }
  if (extra.needed === null) {
    return `Not reachable: even ${formatCount(extra.searchedUpTo)} extra sites opening on ${dayText(extra.opensOn)} would not make reaching the target by the planned end ${wanted} likely.`;
  }
  const sites =
    extra.needed === 1
      ? '1 extra site, recruiting like a typical site'
      : `${formatCount(extra.needed)} extra sites, each recruiting like a typical site`;
  return `${sites} and opening on ${dayText(extra.opensOn)}, would make reaching the target by the planned end at least ${wanted} likely (${chanceText(extra.probabilityWithExtraSites)}).`;
}

export function forecastView(forecast: StudyForecast) {
  const date = (iso: string | null) =>
    iso ? dayText(iso) : `Later than ${dayText(forecast.horizonEnd)}`;
  return {
    status: forecast.status,
    recruited: forecast.recruited,
    remaining: forecast.remaining,
    target: forecast.target,
    expected: forecast.completion.expected ? dayText(forecast.completion.expected) : null,
    percentiles: [
      { label: '10% chance of finishing by', date: date(forecast.completion.p10) },
      { label: '50% chance (the median)', date: date(forecast.completion.p50) },
      { label: '90% chance of finishing by', date: date(forecast.completion.p90) },
    ],
    byPlannedEnd: chanceText(forecast.probabilityByPlannedEnd),
    sites: forecast.sites.map((site) => ({
      name: site.organisation.name,
      status: siteStatusLabels[site.status],
      recruited: site.recruited,
      daysOpen: site.daysOpen,
      perMonth: rateText(site.meanRate),
      interval: `${rateText(site.rateInterval80.lower)} to ${rateText(site.rateInterval80.upper)}`,
    })),
    extraSites: extraSitesText(forecast),
    method:
      forecast.prior.method === 'maximum-likelihood'
        ? `The spread of rates between sites was fitted to this study's own recruitment (${forecast.prior.reason}).`
        : `This study has too little recruitment to learn from yet, so the forecast starts from the planned rate: the target spread over the sites and the planned recruitment period.`,
    notes: forecast.notes,
  };
}

type Notice = string | undefined;

function noticeFor(study: StudyView, query: Record<string, unknown>): Notice {
  const site = study.sites.find((item) => item.organisationSlug === query.site);
  switch (query.done) {
    case 'created':
      return 'The study has been added. Add its sites and record its milestones next.';
    case 'site-added':
      return site ? `${site.organisationName} has been added as a site.` : undefined;
    case 'milestone': {
      const milestone =
        typeof query.milestone === 'string' ? milestoneBySlug.get(query.milestone) : undefined;
      if (!milestone) return undefined;
      return `${milestone.label} has been recorded${site ? ` for ${site.organisationName}` : ''}.`;
    }
    case 'recruitment':
      return `The recruitment has been saved. ${formatCount(study.recruited)} ${study.recruited === 1 ? 'participant' : 'participants'} recruited so far.`;
    case 'closed':
      return 'The study has been closed to recruitment.';
    case 'reopened':
      return 'The study has been reopened.';
    default:
      return undefined;
  }
}

function milestoneRow(
  slug: string,
  record: MilestoneRecord | undefined,
  action: { href: string; context: string } | null,
) {
  return {
    label: milestoneLabel(slug),
    date: record ? dayText(record.achievedOn) : 'Not recorded',
    recordedBy: record ? record.recordedBy : '',
    evidence: record?.evidence ?? '',
    action: action
      ? {
          href: action.href,
          text: record ? 'Change' : 'Record',
          hidden: ` the date of ${milestoneLabel(slug).toLowerCase()}${action.context}`,
        }
      : null,
  };
}

function siteSection(study: StudyView, site: SiteView, canUpdate: boolean) {
  const measures = site.measures;
  return {
    anchor: `site-${site.organisationSlug}`,
    slug: site.organisationSlug,
    name: site.organisationName,
    canUpdate,
    details: [
      { key: 'Principal investigator', text: site.principalInvestigator },
      { key: 'Site target', text: `${formatCount(site.recruitmentTarget)} participants` },
      {
        key: 'Recruited',
        text: `${formatCount(site.recruited)} of ${formatCount(site.recruitmentTarget)} (${percentText(site.recruited / site.recruitmentTarget) ?? '0%'})`,
      },
      { key: 'Planned opening', text: dayText(site.plannedOpen) },
      { key: 'Planned close', text: dayText(site.plannedClose) },
      { key: 'Opened', text: site.openedOn ? dayText(site.openedOn) : 'Not open yet' },
    ],
    ragTag: ragTag(measures.rag),
    holdingUp: measures.holdingUp ? milestoneLabel(measures.holdingUp) : null,
    segments: [
      ...measures.segments.map((segment) => ({
        label: segment.label,
        days: segment.days === null ? 'Not started' : daysText(segment.days),
        target: daysText(segment.targetDays),
        state:
          segment.days === null ? 'Not started' : segment.complete ? 'Complete' : 'In progress',
        tag: segment.rag ? ragTag(segment.rag) : null,
      })),
      {
        label: 'Total: application to first participant',
        days: measures.total.days === null ? 'Not started' : daysText(measures.total.days),
        target: daysText(measures.total.targetDays),
        state:
          measures.total.days === null
            ? 'Not started'
            : measures.total.complete
              ? 'Complete'
              : 'In progress',
        tag: measures.total.rag ? ragTag(measures.total.rag) : null,
        total: true,
      },
    ],
    milestones: siteMilestones.map((definition) =>
      milestoneRow(
        definition.slug,
        site.milestones.get(definition.slug),
        canUpdate
          ? {
              href: pathTo.studySiteMilestone(
                study.reference,
                site.organisationSlug,
                definition.slug,
              ),
              context: ` at ${site.organisationName}`,
            }
          : null,
      ),
    ),
    recruitmentHref: canUpdate
      ? pathTo.studySiteRecruitment(study.reference, site.organisationSlug)
      : null,
  };
}

function recruitmentChart(study: StudyView, today: string) {
  const series = recruitmentSeries(study.sites, today);
  if (!series) return null;
  const plannedNow = series.planned.filter((point) => point.date <= today).at(-1)?.value ?? 0;
  const plannedTotal = series.planned.at(-1)?.value ?? 0;
  return lineChart({
    id: 'recruitment-chart',
    title: 'Participants recruited over time, against the plan',
    description: `Line chart of participants recruited so far, from ${dayText(series.start)} to ${dayText(series.end)}. ${formatCount(study.recruited)} recruited by ${dayText(today)}, against ${formatCount(Math.floor(plannedNow + 1e-9))} planned by then. The sites plan ${formatCount(Math.round(plannedTotal))} in all by ${dayText(series.end)}; the study's target is ${formatCount(study.recruitmentTarget)}.`,
    start: series.start,
    end: series.end,
    series: [
      { points: series.planned, stroke: '#425563', strokeWidth: 2, dash: '6 4' },
      { points: series.actual, stroke: '#005eb8', strokeWidth: 3, dash: null },
    ],
    target: {
      value: study.recruitmentTarget,
      label: `Target ${formatCount(study.recruitmentTarget)}`,
    },
    today,
  });
}

function studyDetails(study: StudyView) {
  const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
  return [
    { key: 'Full title', text: study.title },
    { key: 'Sponsor', text: study.sponsor },
    { key: 'Commercial', text: yesNo(study.isCommercial) },
    {
      key: 'Type of study',
      text: studyTypes.find((type) => type.slug === study.studyType)?.label ?? study.studyType,
    },
    { key: 'Phase', text: trialPhaseLabel(study.phase) },
    { key: 'Health category', text: healthCategoryName(study.healthCategory) },
    { key: 'MHRA approval needed', text: yesNo(study.mhraApprovalNeeded) },
    { key: 'Recruitment target', text: `${formatCount(study.recruitmentTarget)} participants` },
    {
      key: 'Planned recruitment',
      text: `${dayText(study.plannedStart)} to ${dayText(study.plannedEnd)}`,
    },
    { key: 'IRAS ID', text: study.irasId ?? 'Not given' },
    { key: 'ISRCTN', text: study.isrctn ?? 'Not given' },
    { key: 'ClinicalTrials.gov number', text: study.nctId ?? 'Not given' },
    { key: 'EU CT or EudraCT number', text: study.euCtNumber ?? 'Not given' },
    {
      key: 'From enquiry',
      text: study.enquiryReference ?? 'Not from a front-door enquiry',
      href:
        study.enquiryReference !== null ? pathTo.officeEnquiry(study.enquiryReference) : undefined,
    },
  ];
}

export function studyPageHandlers({ service, forecasts }: StudyPageServices) {
  const canSeeEnquiries = (user: SignedInUser) => service.canManageStudies(user);

  return {
    /** /studies/:id: details, milestones, measures, recruitment and the forecast. */
    show: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const study = await studyOf(service, request);
      if (!study) return notFound(reply);
      const today = service.today();
      const canManage = service.canManageStudies(user);
      let forecast: ReturnType<typeof forecastView> | null = null;
      let forecastProblem: string | null = null;
      if (study.sites.length === 0) {
        forecastProblem = 'A forecast needs at least one site. Add the study’s sites first.';
      } else {
        try {
          forecast = forecastView(forecasts.forStudy(study));
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          request.log.warn({ err: error, study: study.reference }, 'no forecast');
          forecastProblem = `A forecast cannot be made from the dates recorded: ${error.message}`;
        }
      }
      const updatable = new Set(sitesUserMayUpdate(service, user, study).map((site) => site.id));
      const details = studyDetails(study).map((row) =>
        row.key === 'From enquiry' && !canSeeEnquiries(user) ? { ...row, href: undefined } : row,
      );
      return reply.render('studies/pages/views/study.njk', {
        pageTitle: `${study.shortTitle} (${study.reference})`,
        breadcrumbs: [{ text: 'Studies', href: paths.studies }],
        study,
        statusTag: statusTag(study.status),
        notice: noticeFor(study, queryOf(request)),
        details,
        canManage,
        csrfToken: canManage ? reply.generateCsrf() : undefined,
        statusAction: pathTo.studyStatus(study.reference),
        addSiteHref: pathTo.newStudySite(study.reference),
        uploadHref: updatable.size > 0 ? pathTo.studyRecruitmentUpload(study.reference) : null,
        studyMilestones: studyMilestones.map((definition) =>
          definition.slug === 'mhra-approval' && !study.mhraApprovalNeeded
            ? {
                label: definition.label,
                date: 'Not needed for this study',
                recordedBy: '',
                evidence: '',
                action: null,
              }
            : milestoneRow(
                definition.slug,
                study.studyMilestones.get(definition.slug),
                canManage
                  ? { href: pathTo.studyMilestone(study.reference, definition.slug), context: '' }
                  : null,
              ),
        ),
        sites: study.sites.map((site) => siteSection(study, site, updatable.has(site.id))),
        chart: recruitmentChart(study, today),
        months: recruitmentByMonth(study.sites, today).map((month) => ({
          ...month,
          plannedToDate: Math.floor(month.plannedToDate + 1e-9),
        })),
        today: dayText(today),
        plannedEnd: dayText(study.plannedEnd),
        forecast,
        forecastProblem,
        formatCount,
      });
    },

    /** Closes a study to recruitment, or reopens it. */
    setStatus: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const study = await studyOf(service, request);
      if (!study) return notFound(reply);
      const body = formBody(request);
      if (body.closed !== 'yes' && body.closed !== 'no') {
        return reply.redirect(pathTo.study(study.reference), 303);
      }
      const closed = body.closed === 'yes';
      const outcome = await service.setClosed(auditContextOf(request), user, study.id, closed);
      if (!outcome.ok) return outcome.status === 403 ? forbidden(reply) : notFound(reply);
      return reply.redirect(
        `${pathTo.study(study.reference)}?done=${closed ? 'closed' : 'reopened'}`,
        303,
      );
    },
  };
}
