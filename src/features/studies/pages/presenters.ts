// Small pieces every study page shows the same way: tags that say their colour's meaning in
// words, dates, shares, and which studies a portfolio filter keeps.
import { type Rag, type StudyStatus, milestoneBySlug, ragLabels, studyStatuses } from '../model.js';
import type { StudyView } from '../service.js';

export interface Tag {
  text: string;
  colour: string;
}

const ragColours: Record<Rag, string> = { green: 'green', amber: 'orange', red: 'red' };

/** A red/amber/green tag whose text says what the colour means. */
export const ragTag = (rag: Rag | null): Tag =>
  rag ? { text: ragLabels[rag], colour: ragColours[rag] } : { text: 'Not started', colour: 'grey' };

const statusColours: Record<StudyStatus, string> = {
  'set-up': 'blue',
  recruiting: 'green',
  closed: 'grey',
};

export const statusLabel = (status: StudyStatus) =>
  studyStatuses.find((item) => item.slug === status)?.label ?? status;

export const statusTag = (status: StudyStatus): Tag => ({
  text: statusLabel(status),
  colour: statusColours[status],
});

export const milestoneLabel = (slug: string | null) =>
  slug ? (milestoneBySlug.get(slug)?.label ?? slug) : '';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-03-07` as `7 March 2026`. */
export const dayText = (iso: string | null | undefined): string =>
  iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : '';

export const daysText = (days: number | null): string =>
  days === null ? '–' : `${days.toLocaleString('en-GB')} ${days === 1 ? 'day' : 'days'}`;

/** "45%" from a fraction, or null for a share of nothing. */
export const percentText = (share: number | null): string | null =>
  share === null ? null : `${Math.round(share * 100)}%`;

const ragOrder: Record<Rag, number> = { green: 1, amber: 2, red: 3 };

/** The worst colour of any of the study's sites, or null before any set-up has started. */
export function worstRag(study: Pick<StudyView, 'sites'>): Rag | null {
  return study.sites.reduce<Rag | null>((worst, site) => {
    const rag = site.measures.rag;
    if (!rag) return worst;
    return !worst || ragOrder[rag] > ragOrder[worst] ? rag : worst;
  }, null);
}

export const ragFilters = ['red', 'amber', 'green', 'none'] as const;
export type RagFilter = (typeof ragFilters)[number];

export interface PortfolioFilter {
  /** A partner trust's slug: studies with a site there. */
  site: string;
  status: StudyStatus | '';
  rag: RagFilter | '';
  /** An organisation's id: studies with a site there (a site office's own studies). */
  organisationId: string;
}

/** The studies a filter keeps, in the order given. */
export function filterStudies<T extends StudyView>(
  studies: readonly T[],
  filter: PortfolioFilter,
): T[] {
  return studies.filter((study) => {
    if (filter.site && !study.sites.some((site) => site.organisationSlug === filter.site)) {
      return false;
    }
    if (
      filter.organisationId &&
      !study.sites.some((site) => site.organisationId === filter.organisationId)
    ) {
      return false;
    }
    if (filter.status && study.status !== filter.status) return false;
    if (filter.rag) {
      const rag = worstRag(study);
      if (filter.rag === 'none' ? rag !== null : rag !== filter.rag) return false;
    }
    return true;
  });
}
