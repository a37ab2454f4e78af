// Studies, their sites, milestones and recruitment: the rules (who may change what, the order
// of milestone dates, no future dates, recruitment only at open sites) and every change audited
// in the same transaction.
import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import { type Outcome, type Problem, refuse } from '../../platform/outcome.js';
import type { Role, SignedInUser } from '../../platform/auth/roles.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type { EnquiryForStudy } from '../enquiries/for-studies.js';
import { type SiteMeasures, daysBetween, measureSite } from './measures.js';
import {
  type MilestoneDefinition,
  type StudyStatus,
  milestoneBySlug,
  milestones as allMilestones,
  notAfter,
} from './model.js';
import {
  type MilestoneRecord,
  type PartnerTrust,
  type RecruitmentRecord,
  type SiteRecord,
  type StudyRecord,
  StudyRepository,
} from './repository.js';
import type { MilestoneInput, RecruitmentRow, SiteInput, StudyInput } from './schema.js';

export type { Outcome, Problem };

const officeRoles: readonly Role[] = ['admin', 'alliance-office'];
export const studyViewerRoles: readonly Role[] = [
  'admin',
  'alliance-office',
  'site-office',
  'investigator',
];

/** The date in England now, as YYYY-MM-DD. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface SiteView extends SiteRecord {
  milestones: Map<string, MilestoneRecord>;
  measures: SiteMeasures;
  recruited: number;
  /** Participants per day, oldest first. */
  recruitment: RecruitmentRecord[];
  openedOn: string | null;
}

export interface StudyView extends StudyRecord {
  status: StudyStatus;
  studyMilestones: Map<string, MilestoneRecord>;
  sites: SiteView[];
  recruited: number;
}

export class StudyService {
  readonly repository: StudyRepository;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly findEnquiry: (reference: string) => Promise<EnquiryForStudy | null>,
    readonly now: () => Date = () => new Date(),
  ) {
    this.repository = new StudyRepository(database);
  }

  today(): string {
    return londonToday(this.now());
  }

  partnerTrusts(): Promise<PartnerTrust[]> {
    return this.repository.partnerTrusts();
  }

  canManageStudies(user: SignedInUser): boolean {
    return officeRoles.includes(user.role);
  }

  /** Whether the user may record milestones and recruitment for the site. */
  canUpdateSite(user: SignedInUser, site: Pick<SiteRecord, 'organisationId'>): boolean {
    if (officeRoles.includes(user.role)) return true;
    return user.role === 'site-office' && user.organisationId === site.organisationId;
  }

  // ----- Reading -----

  async views(studies: StudyRecord[], db: Queryable = this.database): Promise<StudyView[]> {
    const ids = studies.map((s) => s.id);
    const [sites, milestones, recruitment] = await Promise.all([
      this.repository.sites(ids, db),
      this.repository.milestones(ids, db),
      this.repository.recruitment(ids, db),
    ]);
    const today = this.today();
    return studies.map((study) => {
      const studyMilestones = new Map(
        milestones
          .filter((m) => m.studyId === study.id && m.siteId === null)
          .map((m) => [m.milestone, m]),
      );
      const studyDates = new Map([...studyMilestones].map(([slug, m]) => [slug, m.achievedOn]));
      const siteViews = sites
        .filter((site) => site.studyId === study.id)
        .map((site): SiteView => {
          const own = new Map(
            milestones.filter((m) => m.siteId === site.id).map((m) => [m.milestone, m]),
          );
          const days = recruitment.filter((r) => r.siteId === site.id);
          return {
            ...site,
            milestones: own,
            measures: measureSite(
              {
                study: studyDates,
                site: new Map([...own].map(([slug, m]) => [slug, m.achievedOn])),
                mhraApprovalNeeded: study.mhraApprovalNeeded,
              },
              today,
            ),
            recruited: days.reduce((sum, r) => sum + r.participants, 0),
            recruitment: days,
            openedOn: own.get('site-open')?.achievedOn ?? null,
          };
        });
      const status: StudyStatus =
        study.storedStatus === 'closed'
          ? 'closed'
          : siteViews.some((site) => site.openedOn)
            ? 'recruiting'
            : 'set-up';
      return {
        ...study,
        status,
        studyMilestones,
        sites: siteViews,
        recruited: siteViews.reduce((sum, site) => sum + site.recruited, 0),
      };
    });
  }

  async study(idOrReference: string): Promise<StudyView | null> {
    const record = await this.repository.study(idOrReference);
    if (!record) return null;
    const [view] = await this.views([record]);
    return view ?? null;
  }

  async studies(): Promise<StudyView[]> {
    return this.views(await this.repository.studies());
  }

  // ----- Changes -----

  async create(
    context: AuditContext,
    user: SignedInUser,
    input: StudyInput,
    options: { isSample?: boolean } = {},
  ): Promise<Outcome<{ id: string; reference: string }>> {
    if (!this.canManageStudies(user)) {
      return refuse(403, [{ name: 'study', reason: 'Only the alliance office can add studies' }]);
    }
    let enquiry: EnquiryForStudy | null = null;
    if (input.enquiryReference) {
      enquiry = await this.findEnquiry(input.enquiryReference);
      if (!enquiry) {
        return refuse(422, [
          { name: 'enquiryReference', reason: `There is no enquiry ${input.enquiryReference}` },
        ]);
      }
      if (enquiry.closedOutcome !== 'won') {
        return refuse(422, [
          {
            name: 'enquiryReference',
            reason: `Enquiry ${enquiry.reference} has not been closed as won`,
          },
        ]);
      }
      const existing = await this.repository.studyForEnquiry(enquiry.id);
      if (existing) {
        return refuse(409, [
          { name: 'enquiryReference', reason: `Study ${existing} already came from this enquiry` },
        ]);
      }
    }
    if (input.irasId) {
      const existing = await this.repository.studyWithIras(input.irasId);
      if (existing) {
        return refuse(409, [
          { name: 'irasId', reason: `Study ${existing} already has IRAS ID ${input.irasId}` },
        ]);
      }
    }
    const year = Number(this.today().slice(0, 4));
    const created = await this.database.transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, year);
      const id = await this.repository.insertStudy(tx, {
        ...input,
        reference,
        enquiryId: enquiry?.id ?? null,
        isSample: options.isSample ?? false,
      });
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'study',
        entityId: id,
        after: { reference, ...input },
      });
      return { id, reference };
    });
    return { ok: true, value: created };
  }

  async addSite(
    context: AuditContext,
    user: SignedInUser,
    studyIdOrReference: string,
    input: SiteInput,
  ): Promise<Outcome<{ id: string }>> {
    const study = await this.repository.study(studyIdOrReference);
    if (!study) return refuse(404, [{ name: 'study', reason: 'There is no such study' }]);
    if (!this.canManageStudies(user)) {
      return refuse(403, [{ name: 'site', reason: 'Only the alliance office can add sites' }]);
    }
    const trust = (await this.repository.partnerTrusts()).find(
      (t) => t.slug === input.organisation,
    );
    if (!trust) {
      return refuse(422, [{ name: 'organisation', reason: 'Choose a partner NHS trust' }]);
    }
    return this.database.transaction(async (tx) => {
      const id = await this.repository.insertSite(tx, study.id, trust.id, input);
      if (!id) {
        return refuse<{ id: string }>(409, [
          { name: 'organisation', reason: `${trust.name} is already a site of this study` },
        ]);
      }
      await this.repository.touchStudy(tx, study.id);
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'study-site',
        entityId: id,
        after: { study: study.reference, ...input },
      });
      return { ok: true as const, value: { id } };
    });
  }

  /** Problems with a milestone date against the other dates it must keep its order with. */
  private orderProblems(
    definition: MilestoneDefinition,
    achievedOn: string,
    study: StudyView,
    site: SiteView | undefined,
  ): Problem[] {
    const problems: Problem[] = [];
    const dateOf = (slug: string, at: SiteView | undefined) => {
      const other = milestoneBySlug.get(slug);
      if (!other) return undefined;
      return other.level === 'study'
        ? study.studyMilestones.get(slug)?.achievedOn
        : at?.milestones.get(slug)?.achievedOn;
    };
    const label = (slug: string) => milestoneBySlug.get(slug)?.label ?? slug;
    for (const earlier of definition.notBefore) {
      const date = dateOf(earlier, site);
      if (date && date > achievedOn) {
        problems.push({
          name: 'achievedOn',
          reason: `${definition.label} cannot be before ${label(earlier)} (${date})`,
        });
      }
    }
    const sitesToCheck = definition.level === 'study' ? study.sites : site ? [site] : [];
    for (const later of notAfter(definition.slug)) {
      for (const at of milestoneBySlug.get(later)?.level === 'study' ? [undefined] : sitesToCheck) {
        const date = dateOf(later, at);
        if (date && date < achievedOn) {
          problems.push({
            name: 'achievedOn',
            reason: `${definition.label} cannot be after ${label(later)}${at && definition.level === 'study' ? ` at ${at.organisationName}` : ''} (${date})`,
          });
        }
      }
    }
    return problems;
  }

  async recordMilestone(
    context: AuditContext,
    user: SignedInUser,
    studyIdOrReference: string,
    siteId: string | null,
    slug: string,
    input: MilestoneInput,
  ): Promise<Outcome<{ replaced: boolean }>> {
    const study = await this.study(studyIdOrReference);
    if (!study) return refuse(404, [{ name: 'study', reason: 'There is no such study' }]);
    const site = siteId === null ? undefined : study.sites.find((s) => s.id === siteId);
    if (siteId !== null && !site) {
      return refuse(404, [{ name: 'site', reason: 'This study has no such site' }]);
    }
    const definition = milestoneBySlug.get(slug);
    if (!definition) {
      return refuse(422, [
        {
          name: 'milestone',
          reason: `Unknown milestone "${slug.slice(0, 40)}": use one of ${allMilestones.map((m) => m.slug).join(', ')}`,
        },
      ]);
    }
    if ((definition.level === 'site') !== (site !== undefined)) {
      return refuse(422, [
        {
          name: 'milestone',
          reason:
            definition.level === 'site'
              ? `${definition.label} is recorded for a site`
              : `${definition.label} is recorded for the whole study, not a site`,
        },
      ]);
    }
    if (site ? !this.canUpdateSite(user, site) : !this.canManageStudies(user)) {
      return refuse(403, [
        {
          name: 'milestone',
          reason: site
            ? 'You can record milestones only for your own organisation’s sites'
            : 'Only the alliance office records study milestones',
        },
      ]);
    }
    if (slug === 'mhra-approval' && !study.mhraApprovalNeeded) {
      return refuse(422, [{ name: 'milestone', reason: 'This study does not need MHRA approval' }]);
    }
    const problems: Problem[] = [];
    if (input.achievedOn > this.today()) {
      problems.push({ name: 'achievedOn', reason: 'The date cannot be in the future' });
    }
    problems.push(...this.orderProblems(definition, input.achievedOn, study, site));
    if (slug === 'site-open' && site) {
      const firstDay = site.recruitment.find((r) => r.participants > 0)?.recruitedOn;
      if (firstDay && firstDay < input.achievedOn) {
        problems.push({
          name: 'achievedOn',
          reason: `Site open to recruitment cannot be after recruitment recorded on ${firstDay}`,
        });
      }
    }
    if (problems.length) return refuse(422, problems);
    return this.database.transaction(async (tx) => {
      const before = await this.repository.upsertMilestone(tx, {
        studyId: study.id,
        siteId,
        milestone: slug,
        achievedOn: input.achievedOn,
        evidence: input.evidence,
        userId: user.id,
        userLabel: user.displayName,
      });
      await this.repository.touchStudy(tx, study.id);
      await this.audit.record(tx, context, {
        action: before ? 'update' : 'create',
        entityType: 'study-milestone',
        entityId: `${study.reference}/${site?.organisationSlug ?? 'study'}/${slug}`,
        before: before ?? undefined,
        after: { achievedOn: input.achievedOn, evidence: input.evidence },
      });
      return { ok: true as const, value: { replaced: before !== null } };
    });
  }

  /**
   * Participants per site per day, all or nothing: every row is checked first and any problem
   * refuses the whole batch. A later value for a day replaces the earlier one.
   */
  async recordRecruitment(
    context: AuditContext,
    user: SignedInUser,
    studyIdOrReference: string,
    rows: readonly RecruitmentRow[],
    rowLabel: (index: number) => string = (index) => `rows[${index}]`,
  ): Promise<Outcome<{ rows: number; participants: number }>> {
    const study = await this.study(studyIdOrReference);
    if (!study) return refuse(404, [{ name: 'study', reason: 'There is no such study' }]);
    const today = this.today();
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const records: (RecruitmentRecord & { site: SiteView })[] = [];
    rows.forEach((row, index) => {
      const name = rowLabel(index);
      const site = study.sites.find((s) => s.organisationSlug === row.site || s.id === row.site);
      if (!site) {
        problems.push({
          name,
          reason: `Unknown site "${row.site.slice(0, 60)}": use one of ${study.sites.map((s) => s.organisationSlug).join(', ') || 'no sites yet'}`,
        });
        return;
      }
      if (!this.canUpdateSite(user, site)) {
        problems.push({
          name,
          reason: `You can record recruitment only for your own organisation’s sites, not ${site.organisationName}`,
        });
        return;
      }
      if (row.date > today) problems.push({ name, reason: `${row.date} is in the future` });
      else if (!site.openedOn) {
        problems.push({ name, reason: `${site.organisationName} is not open to recruitment yet` });
      } else if (row.date < site.openedOn) {
        problems.push({
          name,
          reason: `${row.date} is before ${site.organisationName} opened (${site.openedOn})`,
        });
      }
      const key = `${site.id} ${row.date}`;
      if (seen.has(key)) {
        problems.push({ name, reason: `${site.organisationSlug} on ${row.date} is given twice` });
      }
      seen.add(key);
      records.push({
        siteId: site.id,
        recruitedOn: row.date,
        participants: row.participants,
        site,
      });
    });
    if (problems.some((p) => p.reason.startsWith('You can record'))) {
      return refuse(403, problems);
    }
    if (problems.length) return refuse(422, problems);
    return this.database.transaction(async (tx) => {
      await this.repository.upsertRecruitment(tx, records, user.id);
      const firsts = this.firstParticipants(records);
      for (const [site, day] of firsts) {
        const current = site.milestones.get('first-participant')?.achievedOn;
        if (current && current <= day) continue;
        await this.repository.upsertMilestone(tx, {
          studyId: study.id,
          siteId: site.id,
          milestone: 'first-participant',
          achievedOn: day,
          evidence: 'From the recruitment recorded for this day.',
          userId: user.id,
          userLabel: user.displayName,
        });
      }
      await this.repository.touchStudy(tx, study.id);
      const participants = records.reduce((sum, r) => sum + r.participants, 0);
      await this.audit.record(tx, context, {
        action: 'record',
        entityType: 'study-recruitment',
        entityId: study.reference,
        after: {
          rows: records.map((r) => ({
            site: r.site.organisationSlug,
            date: r.recruitedOn,
            participants: r.participants,
          })),
          firstParticipants: [...firsts].map(([site, day]) => ({
            site: site.organisationSlug,
            date: day,
          })),
        },
      });
      return { ok: true as const, value: { rows: records.length, participants } };
    });
  }

  /** The earliest day with participants in the batch, per site. */
  private firstParticipants(records: readonly (RecruitmentRecord & { site: SiteView })[]) {
    const firsts = new Map<SiteView, string>();
    for (const record of records) {
      if (record.participants === 0) continue;
      const earliest = firsts.get(record.site);
      if (!earliest || record.recruitedOn < earliest) firsts.set(record.site, record.recruitedOn);
    }
    return firsts;
  }

  async setClosed(
    context: AuditContext,
    user: SignedInUser,
    studyIdOrReference: string,
    closed: boolean,
  ): Promise<Outcome<null>> {
    const study = await this.repository.study(studyIdOrReference);
    if (!study) return refuse(404, [{ name: 'study', reason: 'There is no such study' }]);
    if (!this.canManageStudies(user)) {
      return refuse(403, [{ name: 'study', reason: 'Only the alliance office can close studies' }]);
    }
    await this.database.transaction(async (tx) => {
      await this.repository.setClosed(tx, study.id, closed);
      await this.audit.record(tx, context, {
        action: 'update',
        entityType: 'study',
        entityId: study.id,
        before: { status: study.storedStatus },
        after: { status: closed ? 'closed' : 'open' },
      });
    });
    return { ok: true, value: null };
  }
}

/** Days since a site opened, up to today (0 when it opened today). */
export const daysOpen = (site: SiteView, today: string) =>
  site.openedOn ? Math.max(0, daysBetween(site.openedOn, today)) : 0;
