import type { Queryable } from '../../platform/db/database.js';
import type { HealthCategory } from '../directory/model.js';
import type { TrialPhase } from '../enquiries/model.js';
import type { StudyStatus, StudyType } from './model.js';
import type { SiteInput, StudyInput } from './schema.js';

export interface StudyRecord {
  id: string;
  reference: string;
  title: string;
  shortTitle: string;
  sponsor: string;
  isCommercial: boolean;
  studyType: StudyType;
  phase: TrialPhase;
  irasId: string | null;
  isrctn: string | null;
  nctId: string | null;
  euCtNumber: string | null;
  healthCategory: HealthCategory;
  mhraApprovalNeeded: boolean;
  recruitmentTarget: number;
  plannedStart: string;
  plannedEnd: string;
  /** As stored: only "closed" is set by hand; the service works out the rest. */
  storedStatus: StudyStatus;
  enquiryReference: string | null;
  isSample: boolean;
  updatedAt: Date;
}

export interface SiteRecord {
  id: string;
  studyId: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  principalInvestigator: string;
  recruitmentTarget: number;
  plannedOpen: string;
  plannedClose: string;
}

export interface MilestoneRecord {
  studyId: string;
  siteId: string | null;
  milestone: string;
  achievedOn: string;
  evidence: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface RecruitmentRecord {
  siteId: string;
  recruitedOn: string;
  participants: number;
}

export interface PartnerTrust {
  id: string;
  slug: string;
  name: string;
}

const studyColumns = `s.id::text as id, s.reference, s.title, s.short_title, s.sponsor, s.is_commercial,
  s.study_type, s.phase, s.iras_id, s.isrctn, s.nct_id, s.eu_ct_number, s.health_category,
  s.mhra_approval_needed, s.recruitment_target, to_char(s.planned_start, 'YYYY-MM-DD') as planned_start,
  to_char(s.planned_end, 'YYYY-MM-DD') as planned_end, s.status, e.reference as enquiry_reference,
  s.is_sample, s.updated_at`;

interface StudyRow {
  id: string;
  reference: string;
  title: string;
  short_title: string;
  sponsor: string;
  is_commercial: boolean;
  study_type: StudyType;
  phase: TrialPhase;
  iras_id: string | null;
  isrctn: string | null;
  nct_id: string | null;
  eu_ct_number: string | null;
  health_category: HealthCategory;
  mhra_approval_needed: boolean;
  recruitment_target: number;
  planned_start: string;
  planned_end: string;
  status: StudyStatus;
  enquiry_reference: string | null;
  is_sample: boolean;
  updated_at: Date;
}

const toStudy = (row: StudyRow): StudyRecord => ({
  id: row.id,
  reference: row.reference,
  title: row.title,
  shortTitle: row.short_title,
  sponsor: row.sponsor,
  isCommercial: row.is_commercial,
  studyType: row.study_type,
  phase: row.phase,
  irasId: row.iras_id,
  isrctn: row.isrctn,
  nctId: row.nct_id,
  euCtNumber: row.eu_ct_number,
  healthCategory: row.health_category,
  mhraApprovalNeeded: row.mhra_approval_needed,
  recruitmentTarget: row.recruitment_target,
  plannedStart: row.planned_start,
  plannedEnd: row.planned_end,
  storedStatus: row.status,
  enquiryReference: row.enquiry_reference,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at),
});

const siteColumns = `ss.id::text as id, ss.study_id::text as study_id, o.id::text as organisation_id,
  o.slug as organisation_slug, o.name as organisation_name, ss.principal_investigator,
  ss.recruitment_target, to_char(ss.planned_open, 'YYYY-MM-DD') as planned_open,
  to_char(ss.planned_close, 'YYYY-MM-DD') as planned_close`;

interface SiteRow {
  id: string;
  study_id: string;
  organisation_id: string;
  organisation_slug: string;
  organisation_name: string;
  principal_investigator: string;
  recruitment_target: number;
  planned_open: string;
  planned_close: string;
}

const toSite = (row: SiteRow): SiteRecord => ({
  id: row.id,
  studyId: row.study_id,
  organisationId: row.organisation_id,
  organisationSlug: row.organisation_slug,
  organisationName: row.organisation_name,
  principalInvestigator: row.principal_investigator,
  recruitmentTarget: row.recruitment_target,
  plannedOpen: row.planned_open,
  plannedClose: row.planned_close,
});

/** The study tables' SQL, and nothing else. */
export class StudyRepository {
  constructor(private readonly db: Queryable) {}

  /** The next reference of the year, e.g. MHA-S-2026-0007; the counter row stays locked. */
  async nextReference(tx: Queryable, year: number): Promise<string> {
    const [row] = await tx.query<{ last_number: number }>(
      `insert into study_reference_counter as counter (year, last_number) values ($1, 1)
       on conflict (year) do update set last_number = counter.last_number + 1
       returning last_number`,
      [year],
    );
    if (!row) throw new Error('the study reference counter returned no number');
    return `MHA-S-${year}-${String(row.last_number).padStart(4, '0')}`;
  }

  async insertStudy(
    tx: Queryable,
    study: StudyInput & { reference: string; enquiryId: string | null; isSample: boolean },
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `insert into study (reference, title, short_title, sponsor, is_commercial, study_type, phase,
         iras_id, isrctn, nct_id, eu_ct_number, health_category, mhra_approval_needed,
         recruitment_target, planned_start, planned_end, enquiry_id, is_sample)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       returning id::text as id`,
      [
        study.reference,
        study.title,
        study.shortTitle,
        study.sponsor,
        study.isCommercial,
        study.studyType,
        study.phase,
        study.irasId,
        study.isrctn,
        study.nctId,
        study.euCtNumber,
        study.healthCategory,
        study.mhraApprovalNeeded,
        study.recruitmentTarget,
        study.plannedStart,
        study.plannedEnd,
        study.enquiryId,
        study.isSample,
      ],
    );
    if (!row) throw new Error('the study was not stored');
    return row.id;
  }

  async studyWithIras(irasId: string, db: Queryable = this.db): Promise<string | null> {
    const [row] = await db.query<{ reference: string }>(
      'select reference from study where iras_id = $1',
      [irasId],
    );
    return row?.reference ?? null;
  }

  async studyForEnquiry(enquiryId: string, db: Queryable = this.db): Promise<string | null> {
    const [row] = await db.query<{ reference: string }>(
      'select reference from study where enquiry_id = $1',
      [enquiryId],
    );
    return row?.reference ?? null;
  }

  /** By id or by reference; null for anything else. */
  async study(idOrReference: string, db: Queryable = this.db): Promise<StudyRecord | null> {
    const [row] = await db.query<StudyRow>(
      `select ${studyColumns} from study s left join enquiry e on e.id = s.enquiry_id
       where s.id::text = $1 or s.reference = $1`,
      [idOrReference],
    );
    return row ? toStudy(row) : null;
  }

  async studies(db: Queryable = this.db): Promise<StudyRecord[]> {
    const rows = await db.query<StudyRow>(
      `select ${studyColumns} from study s left join enquiry e on e.id = s.enquiry_id
       order by s.planned_start desc, s.reference`,
    );
    return rows.map(toStudy);
  }

  async touchStudy(tx: Queryable, studyId: string): Promise<void> {
    await tx.query('update study set updated_at = now() where id = $1', [studyId]);
  }

  async setClosed(tx: Queryable, studyId: string, closed: boolean): Promise<void> {
    await tx.query(`update study set status = $2, updated_at = now() where id = $1`, [
      studyId,
      closed ? 'closed' : 'set-up',
    ]);
  }

  async partnerTrusts(db: Queryable = this.db): Promise<PartnerTrust[]> {
    return db.query<PartnerTrust>(
      `select id::text as id, slug, name from organisation
       where type = 'nhs-trust' and status = 'published' order by is_partner desc, name`,
    );
  }

  async insertSite(
    tx: Queryable,
    studyId: string,
    organisationId: string,
    site: SiteInput,
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `insert into study_site (study_id, organisation_id, principal_investigator, recruitment_target,
         planned_open, planned_close)
       values ($1, $2, $3, $4, $5, $6) on conflict (study_id, organisation_id) do nothing
       returning id::text as id`,
      [
        studyId,
        organisationId,
        site.principalInvestigator,
        site.recruitmentTarget,
        site.plannedOpen,
        site.plannedClose,
      ],
    );
    return row?.id ?? '';
  }

  async sites(studyIds: readonly string[], db: Queryable = this.db): Promise<SiteRecord[]> {
    if (studyIds.length === 0) return [];
    const rows = await db.query<SiteRow>(
      `select ${siteColumns} from study_site ss join organisation o on o.id = ss.organisation_id
       where ss.study_id::text = any($1::text[]) order by o.name`,
      [studyIds],
    );
    return rows.map(toSite);
  }

  async milestones(studyIds: readonly string[], db: Queryable = this.db) {
    if (studyIds.length === 0) return [];
    const rows = await db.query<{
      study_id: string;
      study_site_id: string | null;
      milestone: string;
      achieved_on: string;
      evidence: string;
      recorded_by_label: string;
      recorded_at: Date;
    }>(
      `select study_id::text as study_id, study_site_id::text as study_site_id, milestone,
         to_char(achieved_on, 'YYYY-MM-DD') as achieved_on, evidence, recorded_by_label, recorded_at
       from study_milestone where study_id::text = any($1::text[])`,
      [studyIds],
    );
    return rows.map((row): MilestoneRecord => ({
      studyId: row.study_id,
      siteId: row.study_site_id,
      milestone: row.milestone,
      achievedOn: row.achieved_on,
      evidence: row.evidence,
      recordedBy: row.recorded_by_label,
      recordedAt: new Date(row.recorded_at),
    }));
  }

  /** Records or replaces a milestone's date; returns the previous one, if any. */
  async upsertMilestone(
    tx: Queryable,
    entry: {
      studyId: string;
      siteId: string | null;
      milestone: string;
      achievedOn: string;
      evidence: string;
      userId: string | null;
      userLabel: string;
    },
  ): Promise<{ achievedOn: string; evidence: string } | null> {
    const where = entry.siteId === null ? 'study_site_id is null' : 'study_site_id = $3';
    const [previous] = await tx.query<{ achieved_on: string; evidence: string }>(
      `delete from study_milestone where study_id = $1 and milestone = $2 and ${where}
       returning to_char(achieved_on, 'YYYY-MM-DD') as achieved_on, evidence`,
      entry.siteId === null
        ? [entry.studyId, entry.milestone]
        : [entry.studyId, entry.milestone, entry.siteId],
    );
    await tx.query(
      `insert into study_milestone (study_id, study_site_id, milestone, achieved_on, evidence,
         recorded_by, recorded_by_label)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.studyId,
        entry.siteId,
        entry.milestone,
        entry.achievedOn,
        entry.evidence,
        entry.userId,
        entry.userLabel,
      ],
    );
    return previous ? { achievedOn: previous.achieved_on, evidence: previous.evidence } : null;
  }

  async recruitment(studyIds: readonly string[], db: Queryable = this.db) {
    if (studyIds.length === 0) return [];
    const rows = await db.query<{ site_id: string; recruited_on: string; participants: number }>(
      `select r.study_site_id::text as site_id, to_char(r.recruited_on, 'YYYY-MM-DD') as recruited_on,
         r.participants
       from study_recruitment r join study_site ss on ss.id = r.study_site_id
       where ss.study_id::text = any($1::text[]) order by r.recruited_on`,
      [studyIds],
    );
    return rows.map((row): RecruitmentRecord => ({
      siteId: row.site_id,
      recruitedOn: row.recruited_on,
      participants: row.participants,
    }));
  }

  async upsertRecruitment(
    tx: Queryable,
    rows: readonly RecruitmentRecord[],
    userId: string | null,
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `insert into study_recruitment (study_site_id, recruited_on, participants, recorded_by)
       select site::uuid, day::date, n, $4 from unnest($1::text[], $2::text[], $3::int[]) as r(site, day, n)
       on conflict (study_site_id, recruited_on)
       do update set participants = excluded.participants, recorded_by = excluded.recorded_by,
         recorded_at = now()`,
      [
        rows.map((r) => r.siteId),
        rows.map((r) => r.recruitedOn),
        rows.map((r) => r.participants),
        userId,
      ],
    );
  }
}
