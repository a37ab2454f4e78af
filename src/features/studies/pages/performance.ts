// The alliance's set-up and recruitment figures across the portfolio, worked out from the studies
// as the service reads them: pure, so every figure can be checked by hand in the tests.
//
// Medians use the nearest-rank method (with an even count, the lower middle value), as the
// front door's performance page does, so each median is the time of a real site.
import { csvRow } from '../../../platform/audit/csv.js';
import type { SiteMeasures } from '../measures.js';
import { type SegmentSlug, type StudyStatus, segments, totalTargetDays } from '../model.js';
import { type PlannedSite, plannedToDate } from './series.js';

export interface PortfolioSite extends PlannedSite {
  organisationSlug: string;
  organisationName: string;
  measures: SiteMeasures;
}

export interface PortfolioStudy {
  reference: string;
  shortTitle: string;
  status: StudyStatus;
  recruitmentTarget: number;
  recruited: number;
  sites: readonly PortfolioSite[];
}

export interface DaysSummary {
  /** Sites counted. */
  n: number;
  median: number | null;
}

export interface Share {
  count: number;
  total: number;
  /** count / total, or null when there is nothing to count. */
  share: number | null;
}

export const shareOf = (count: number, total: number): Share => ({
  count,
  total,
  share: total === 0 ? null : count / total,
});

/** The nearest-rank median: the lower middle value of an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? null;
}

const summarise = (values: readonly number[]): DaysSummary => ({
  n: values.length,
  median: median(values),
});

export interface TrustSegments {
  slug: string;
  name: string;
  segments: Record<SegmentSlug, DaysSummary>;
}

export interface TrustWithin150 {
  slug: string;
  name: string;
  /** Sites with a first participant, and how many reached it within 150 days. */
  within: Share;
  totalDays: DaysSummary;
}

export interface StudyRecruitment {
  reference: string;
  shortTitle: string;
  status: StudyStatus;
  recruited: number;
  /** Participants the sites planned to have by today, rounded down. */
  plannedToDate: number;
  target: number;
  ofPlan: Share;
  ofTarget: Share;
  /** Null when the study is closed or nothing was planned by today yet. */
  onTrack: boolean | null;
}

export interface PortfolioFigures {
  today: string;
  studies: number;
  sites: number;
  segments: { trusts: TrustSegments[]; all: TrustSegments };
  within150: { trusts: TrustWithin150[]; all: TrustWithin150 };
  recruitment: { studies: StudyRecruitment[]; onTrack: Share };
}

const everyTrust = { slug: 'all', name: 'All partner trusts' };

function trustsOf(studies: readonly PortfolioStudy[]) {
  const trusts = new Map<string, { slug: string; name: string; sites: PortfolioSite[] }>();
  for (const site of studies.flatMap((study) => study.sites)) {
    const trust = trusts.get(site.organisationSlug) ?? {
      slug: site.organisationSlug,
      name: site.organisationName,
      sites: [],
    };
    trust.sites.push(site);
    trusts.set(site.organisationSlug, trust);
  }
  return [...trusts.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Median days per segment, over the sites that completed it. */
function segmentsOf(trust: { slug: string; name: string }, sites: readonly PortfolioSite[]) {
  const bySegment = Object.fromEntries(
    segments.map((segment, index) => [
      segment.slug,
      summarise(
        sites.flatMap((site) => {
          const measured = site.measures.segments[index];
          return measured?.complete && measured.days !== null ? [measured.days] : [];
        }),
      ),
    ]),
  ) as Record<SegmentSlug, DaysSummary>;
  return { slug: trust.slug, name: trust.name, segments: bySegment };
}

/** The share of sites with a first participant that reached it within the 150 days. */
function within150Of(trust: { slug: string; name: string }, sites: readonly PortfolioSite[]) {
  const totals = sites.flatMap((site) =>
    site.measures.total.complete && site.measures.total.days !== null
      ? [site.measures.total.days]
      : [],
  );
  return {
    slug: trust.slug,
    name: trust.name,
    within: shareOf(totals.filter((days) => days <= totalTargetDays).length, totals.length),
    totalDays: summarise(totals),
  };
}

function recruitmentOf(study: PortfolioStudy, today: string): StudyRecruitment {
  const planned = Math.floor(plannedToDate(study.sites, today) + 1e-9);
  return {
    reference: study.reference,
    shortTitle: study.shortTitle,
    status: study.status,
    recruited: study.recruited,
    plannedToDate: planned,
    target: study.recruitmentTarget,
    ofPlan: shareOf(study.recruited, planned),
    ofTarget: shareOf(study.recruited, study.recruitmentTarget),
    onTrack: study.status === 'closed' || planned === 0 ? null : study.recruited >= planned,
  };
}

export function portfolioFigures(
  studies: readonly PortfolioStudy[],
  today: string,
): PortfolioFigures {
  const trusts = trustsOf(studies);
  const allSites = studies.flatMap((study) => study.sites);
  const recruitment = studies.map((study) => recruitmentOf(study, today));
  const judged = recruitment.filter((study) => study.onTrack !== null);
  return {
    today,
    studies: studies.length,
    sites: allSites.length,
    segments: {
      trusts: trusts.map((trust) => segmentsOf(trust, trust.sites)),
      all: segmentsOf(everyTrust, allSites),
    },
    within150: {
      trusts: trusts.map((trust) => within150Of(trust, trust.sites)),
      all: within150Of(everyTrust, allSites),
    },
    recruitment: {
      studies: recruitment,
      onTrack: shareOf(judged.filter((study) => study.onTrack).length, judged.length),
    },
  };
}

// ----- CSV -----

/**
 * Every figure as CSV in long form: one row per number, named by its figure, its group (a trust,
 * a study or "all") and its measure. Shares are fractions to four decimal places; a median or a
 * share of nothing is empty.
 */
export const figureNames = ['set-up-segments', 'within-150-days', 'recruitment'] as const;
export type FigureName = (typeof figureNames)[number];
export const isFigureName = (value: unknown): value is FigureName =>
  typeof value === 'string' && (figureNames as readonly string[]).includes(value);

type Row = [FigureName, string, string, number | string | null];

const fraction = (share: Share) => (share.share === null ? null : share.share.toFixed(4));

function rowsOf(figures: PortfolioFigures, figure: FigureName): Row[] {
  switch (figure) {
    case 'set-up-segments':
      return [...figures.segments.trusts, figures.segments.all].flatMap((trust) =>
        segments.flatMap((segment): Row[] => [
          [figure, trust.name, `${segment.slug}_sites`, trust.segments[segment.slug].n],
          [figure, trust.name, `${segment.slug}_median_days`, trust.segments[segment.slug].median],
        ]),
      );
    case 'within-150-days':
      return [...figures.within150.trusts, figures.within150.all].flatMap((trust): Row[] => [
        [figure, trust.name, 'sites_with_first_participant', trust.within.total],
        [figure, trust.name, 'sites_within_150_days', trust.within.count],
        [figure, trust.name, 'share_within_150_days', fraction(trust.within)],
        [figure, trust.name, 'median_total_days', trust.totalDays.median],
      ]);
    case 'recruitment':
      return [
        ...figures.recruitment.studies.flatMap((study): Row[] => {
          const group = `${study.reference} ${study.shortTitle}`;
          return [
            [figure, group, 'recruited', study.recruited],
            [figure, group, 'planned_to_date', study.plannedToDate],
            [figure, group, 'target', study.target],
            [figure, group, 'share_of_planned_to_date', fraction(study.ofPlan)],
            [figure, group, 'share_of_target', fraction(study.ofTarget)],
            [figure, group, 'on_track', study.onTrack === null ? null : study.onTrack ? 1 : 0],
          ];
        }),
        [figure, 'all', 'studies_on_track', figures.recruitment.onTrack.count],
        [figure, 'all', 'studies_judged', figures.recruitment.onTrack.total],
        [figure, 'all', 'share_on_track', fraction(figures.recruitment.onTrack)],
      ];
  }
}

export function performanceCsv(
  figures: PortfolioFigures,
  only: readonly FigureName[] = figureNames,
): string {
  return [
    csvRow(['figure', 'group', 'measure', 'value']),
    ...only.flatMap((figure) => rowsOf(figures, figure).map((row) => csvRow(row))),
  ].join('');
}
