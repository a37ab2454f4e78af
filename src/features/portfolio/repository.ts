import type { Queryable } from '../../platform/db/database.js';
import type { HealthCategory } from '../directory/model.js';
import type { ChallengeStatus, PairDecision } from './model.js';
import type { ChallengeInput } from './schema.js';

export interface Named {
  id: string;
  slug: string;
  name: string;
}

export interface Challenge {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  leads: string;
  programmeSlug: string | null;
  status: ChallengeStatus;
  organisations: Named[];
  projectCount: number;
}

export interface PipelineStage {
  position: number;
  slug: string;
  name: string;
  gateCriteria: string;
}

export interface Pipeline {
  id: string;
  slug: string;
  name: string;
  description: string;
  owner: Named;
  sharedWithAlliance: boolean;
  stages: PipelineStage[];
}

export interface StageMove {
  projectId: string;
  pipelineId: string;
  stage: string;
  enteredOn: string;
  evidence: string;
  recordedBy: string;
}

export interface Project {
  id: string;
  reference: string;
  title: string;
  laySummary: string;
  abstract: string;
  lead: Named;
  partners: Named[];
  investigators: { id: string; name: string; organisation: string }[];
  grandChallenges: { id: string; slug: string; title: string }[];
  healthCategory: HealthCategory;
  researchActivityCode: string | null;
  funder: string | null;
  amountPounds: number | null;
  startDate: string | null;
  endDate: string | null;
  pipelineId: string | null;
  isSample: boolean;
  updatedAt: Date;
}

export interface StoredProject {
  title: string;
  laySummary: string;
  abstract: string;
  healthCategory: string;
  leadOrganisationId: string;
  researchActivityCode: string | null;
  funder: string | null;
  amountPounds: number | null;
  startDate: string | null;
  endDate: string | null;
  pipelineId: string | null;
  partnerIds: string[];
  investigatorIds: string[];
  challengeIds: string[];
}

interface ProjectRow {
  id: string;
  reference: string;
  title: string;
  lay_summary: string;
  abstract: string;
  lead: Named;
  partners: Named[] | null;
  investigators: { id: string; name: string; organisation: string }[] | null;
  grand_challenges: { id: string; slug: string; title: string }[] | null;
  health_category: HealthCategory;
  research_activity_code: string | null;
  funder: string | null;
  amount_pounds: string | number | null;
  start_date: string | null;
  end_date: string | null;
  pipeline_id: string | null;
  is_sample: boolean;
  updated_at: Date;
}

const projectSelect = `select p.id::text as id, p.reference, p.title, p.lay_summary, p.abstract,
  json_build_object('id', lo.id::text, 'slug', lo.slug, 'name', lo.name) as lead,
  (select json_agg(json_build_object('id', o.id::text, 'slug', o.slug, 'name', o.name) order by o.name)
     from project_organisation po join organisation o on o.id = po.organisation_id
     where po.project_id = p.id) as partners,
  (select json_agg(json_build_object('id', d.id::text, 'name', d.full_name, 'organisation', o.name) order by d.full_name)
     from project_investigator pi join directory_person d on d.id = pi.person_id
     join organisation o on o.id = d.organisation_id where pi.project_id = p.id) as investigators,
  (select json_agg(json_build_object('id', g.id::text, 'slug', g.slug, 'title', g.title) order by g.title)
     from project_grand_challenge pg join grand_challenge g on g.id = pg.grand_challenge_id
     where pg.project_id = p.id) as grand_challenges,
  p.health_category, p.research_activity_code, p.funder, p.amount_pounds,
  to_char(p.start_date, 'YYYY-MM-DD') as start_date, to_char(p.end_date, 'YYYY-MM-DD') as end_date,
  p.pipeline_id::text as pipeline_id, p.is_sample, p.updated_at
  from research_project p join organisation lo on lo.id = p.lead_organisation_id`;

const toProject = (row: ProjectRow): Project => ({
  id: row.id,
  reference: row.reference,
  title: row.title,
  laySummary: row.lay_summary,
  abstract: row.abstract,
  lead: row.lead,
  partners: row.partners ?? [],
  investigators: row.investigators ?? [],
  grandChallenges: row.grand_challenges ?? [],
  healthCategory: row.health_category,
  researchActivityCode: row.research_activity_code,
  funder: row.funder,
  amountPounds: row.amount_pounds === null ? null : Number(row.amount_pounds),
  startDate: row.start_date,
  endDate: row.end_date,
  pipelineId: row.pipeline_id,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at),
});

export interface ProjectFilter {
  q?: string;
  challenge?: string;
  centre?: string;
  category?: string;
}

/** The portfolio tables' SQL, and nothing else. */
export class PortfolioRepository {
  constructor(private readonly db: Queryable) {}

  async organisations(keys: readonly string[], db: Queryable = this.db): Promise<Named[]> {
    if (keys.length === 0) return [];
    return db.query<Named>(
      `select id::text as id, slug, name from organisation
       where id::text = any($1::text[]) or slug = any($1::text[])`,
      [keys],
    );
  }

  async centres(db: Queryable = this.db): Promise<Named[]> {
    return db.query<Named>(
      `select id::text as id, slug, name from organisation
       where is_partner and status = 'published' order by name`,
    );
  }

  async people(ids: readonly string[], db: Queryable = this.db): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db.query<{ id: string }>(
      `select id::text as id from directory_person where id::text = any($1::text[]) and status = 'published'`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Published people of the directory, to choose investigators from. */
  async directoryPeople(db: Queryable = this.db) {
    return db.query<{ id: string; name: string; organisation: string }>(
      `select d.id::text as id, d.full_name as name, o.name as organisation
       from directory_person d join organisation o on o.id = d.organisation_id
       where d.status = 'published' order by d.full_name`,
    );
  }

  // ----- Grand challenges -----

  async challenges(db: Queryable = this.db): Promise<Challenge[]> {
    const rows = await db.query<{
      id: string;
      slug: string;
      title: string;
      summary: string;
      description: string;
      leads: string;
      programme_slug: string | null;
      status: ChallengeStatus;
      organisations: Named[] | null;
      project_count: number;
    }>(
      `select g.id::text as id, g.slug, g.title, g.summary, g.description, g.leads, g.programme_slug,
         g.status,
         (select json_agg(json_build_object('id', o.id::text, 'slug', o.slug, 'name', o.name) order by o.name)
            from grand_challenge_organisation go join organisation o on o.id = go.organisation_id
            where go.grand_challenge_id = g.id) as organisations,
         (select count(*)::int from project_grand_challenge pg where pg.grand_challenge_id = g.id) as project_count
       from grand_challenge g order by g.status = 'active' desc, g.title`,
    );
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      description: row.description,
      leads: row.leads,
      programmeSlug: row.programme_slug,
      status: row.status,
      organisations: row.organisations ?? [],
      projectCount: row.project_count,
    }));
  }

  async insertChallenge(
    tx: Queryable,
    slug: string,
    input: ChallengeInput,
    programmeSlug: string | null,
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `insert into grand_challenge (slug, title, summary, description, leads, status, programme_slug)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (slug) do nothing returning id::text as id`,
      [
        slug,
        input.title,
        input.summary,
        input.description,
        input.leads,
        input.status,
        programmeSlug,
      ],
    );
    return row?.id ?? '';
  }

  async updateChallenge(tx: Queryable, id: string, input: ChallengeInput): Promise<void> {
    await tx.query(
      `update grand_challenge set title = $2, summary = $3, description = $4, leads = $5, status = $6,
         updated_at = now() where id = $1`,
      [id, input.title, input.summary, input.description, input.leads, input.status],
    );
  }

  async setChallengeOrganisations(tx: Queryable, id: string, organisationIds: string[]) {
    await tx.query('delete from grand_challenge_organisation where grand_challenge_id = $1', [id]);
    if (organisationIds.length === 0) return;
    await tx.query(
      `insert into grand_challenge_organisation (grand_challenge_id, organisation_id)
       select $1, unnest($2::uuid[])`,
      [id, organisationIds],
    );
  }

  // ----- Pipelines -----

  async pipelines(db: Queryable = this.db): Promise<Pipeline[]> {
    const rows = await db.query<{
      id: string;
      slug: string;
      name: string;
      description: string;
      owner: Named;
      shared_with_alliance: boolean;
      stages: { position: number; slug: string; name: string; gate_criteria: string }[] | null;
    }>(
      `select pl.id::text as id, pl.slug, pl.name, pl.description, pl.shared_with_alliance,
         json_build_object('id', o.id::text, 'slug', o.slug, 'name', o.name) as owner,
         (select json_agg(json_build_object('position', s.position, 'slug', s.slug, 'name', s.name,
            'gate_criteria', s.gate_criteria) order by s.position)
          from pipeline_stage s where s.pipeline_id = pl.id) as stages
       from pipeline pl join organisation o on o.id = pl.owner_organisation_id order by pl.name`,
    );
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      owner: row.owner,
      sharedWithAlliance: row.shared_with_alliance,
      stages: (row.stages ?? []).map((s) => ({
        position: s.position,
        slug: s.slug,
        name: s.name,
        gateCriteria: s.gate_criteria,
      })),
    }));
  }

  async insertPipeline(
    tx: Queryable,
    pipeline: { slug: string; name: string; description: string; ownerId: string },
    stages: readonly { slug: string; name: string; gateCriteria: string }[],
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `insert into pipeline (slug, name, description, owner_organisation_id)
       values ($1, $2, $3, $4) on conflict (slug) do nothing returning id::text as id`,
      [pipeline.slug, pipeline.name, pipeline.description, pipeline.ownerId],
    );
    if (!row) return '';
    for (const [index, stage] of stages.entries()) {
      await tx.query(
        `insert into pipeline_stage (pipeline_id, position, slug, name, gate_criteria)
         values ($1, $2, $3, $4, $5)`,
        [row.id, index + 1, stage.slug, stage.name, stage.gateCriteria],
      );
    }
    return row.id;
  }

  async stageMoves(
    projectIds: readonly string[] | null,
    db: Queryable = this.db,
  ): Promise<StageMove[]> {
    const rows = await db.query<{
      project_id: string;
      pipeline_id: string;
      stage_slug: string;
      entered_on: string;
      evidence: string;
      recorded_by_label: string;
    }>(
      `select project_id::text as project_id, pipeline_id::text as pipeline_id, stage_slug,
         to_char(entered_on, 'YYYY-MM-DD') as entered_on, evidence, recorded_by_label
       from project_stage_move ${projectIds ? 'where project_id::text = any($1::text[])' : ''}
       order by entered_on, id`,
      projectIds ? [projectIds] : [],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      pipelineId: row.pipeline_id,
      stage: row.stage_slug,
      enteredOn: row.entered_on,
      evidence: row.evidence,
      recordedBy: row.recorded_by_label,
    }));
  }

  async insertStageMove(tx: Queryable, move: StageMove & { userId: string | null }): Promise<void> {
    await tx.query(
      `insert into project_stage_move (project_id, pipeline_id, stage_slug, entered_on, evidence,
         recorded_by, recorded_by_label) values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        move.projectId,
        move.pipelineId,
        move.stage,
        move.enteredOn,
        move.evidence,
        move.userId,
        move.recordedBy,
      ],
    );
  }

  // ----- Projects -----

  async nextReference(tx: Queryable, year: number): Promise<string> {
    const [row] = await tx.query<{ last_number: number }>(
      `insert into research_project_counter as counter (year, last_number) values ($1, 1)
       on conflict (year) do update set last_number = counter.last_number + 1
       returning last_number`,
      [year],
    );
    if (!row) throw new Error('the project reference counter returned no number');
    return `MHA-P-${year}-${String(row.last_number).padStart(4, '0')}`;
  }

  async insertProject(
    tx: Queryable,
    project: StoredProject & { reference: string; isSample: boolean; createdBy: string | null },
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `insert into research_project (reference, title, lay_summary, abstract, lead_organisation_id,
         health_category, research_activity_code, funder, amount_pounds, start_date, end_date,
         pipeline_id, is_sample, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id::text as id`,
      [
        project.reference,
        project.title,
        project.laySummary,
        project.abstract,
        project.leadOrganisationId,
        project.healthCategory,
        project.researchActivityCode,
        project.funder,
        project.amountPounds,
        project.startDate,
        project.endDate,
        project.pipelineId,
        project.isSample,
        project.createdBy,
      ],
    );
    if (!row) throw new Error('the project was not stored');
    await this.setLinks(tx, row.id, project);
    return row.id;
  }

  async updateProject(tx: Queryable, id: string, project: StoredProject): Promise<void> {
    await tx.query(
      `update research_project set title = $2, lay_summary = $3, abstract = $4,
         lead_organisation_id = $5, health_category = $6, research_activity_code = $7, funder = $8,
         amount_pounds = $9, start_date = $10, end_date = $11, pipeline_id = $12, updated_at = now()
       where id = $1`,
      [
        id,
        project.title,
        project.laySummary,
        project.abstract,
        project.leadOrganisationId,
        project.healthCategory,
        project.researchActivityCode,
        project.funder,
        project.amountPounds,
        project.startDate,
        project.endDate,
        project.pipelineId,
      ],
    );
    await this.setLinks(tx, id, project);
  }

  private async setLinks(tx: Queryable, id: string, project: StoredProject) {
    const links = [
      ['project_organisation', 'organisation_id', project.partnerIds],
      ['project_investigator', 'person_id', project.investigatorIds],
      ['project_grand_challenge', 'grand_challenge_id', project.challengeIds],
    ] as const;
    for (const [table, column, ids] of links) {
      await tx.query(`delete from ${table} where project_id = $1`, [id]);
      if (ids.length > 0) {
        await tx.query(
          `insert into ${table} (project_id, ${column}) select $1, unnest($2::uuid[])`,
          [id, ids],
        );
      }
    }
  }

  async project(idOrReference: string, db: Queryable = this.db): Promise<Project | null> {
    const [row] = await db.query<ProjectRow>(
      `${projectSelect} where p.id::text = $1 or p.reference = $1`,
      [idOrReference],
    );
    return row ? toProject(row) : null;
  }

  async projects(filter: ProjectFilter = {}, db: Queryable = this.db): Promise<Project[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      values.push(value);
      conditions.push(sql(values.length));
    };
    if (filter.q) add((n) => `p.search_vector @@ websearch_to_tsquery('english', $${n})`, filter.q);
    if (filter.category) add((n) => `p.health_category = $${n}`, filter.category);
    if (filter.centre) {
      add(
        (
          n,
        ) => `(lo.slug = $${n} or exists (select 1 from project_organisation po join organisation o
          on o.id = po.organisation_id where po.project_id = p.id and o.slug = $${n}))`,
        filter.centre,
      );
    }
    if (filter.challenge) {
      add(
        (n) => `exists (select 1 from project_grand_challenge pg join grand_challenge g
          on g.id = pg.grand_challenge_id where pg.project_id = p.id and g.slug = $${n})`,
        filter.challenge,
      );
    }
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const order = filter.q
      ? `order by ts_rank(p.search_vector, websearch_to_tsquery('english', $1)) desc, p.title`
      : 'order by p.title';
    const rows = await db.query<ProjectRow>(`${projectSelect} ${where} ${order}`, values);
    return rows.map(toProject);
  }

  /** Other projects whose pair with this one has been decided. */
  async decidedPairs(projectId: string, db: Queryable = this.db) {
    return db.query<{ other: string; decision: PairDecision; note: string }>(
      `select case when project_a::text = $1 then project_b::text else project_a::text end as other,
         decision, note
       from project_pair_decision where project_a::text = $1 or project_b::text = $1`,
      [projectId],
    );
  }

  async decide(
    tx: Queryable,
    a: string,
    b: string,
    decision: PairDecision,
    note: string,
    userId: string | null,
  ): Promise<void> {
    const [first, second] = a < b ? [a, b] : [b, a];
    await tx.query(
      `insert into project_pair_decision (project_a, project_b, decision, note, decided_by)
       values ($1, $2, $3, $4, $5)
       on conflict (project_a, project_b) do update set decision = excluded.decision,
         note = excluded.note, decided_by = excluded.decided_by, decided_at = now()`,
      [first, second, decision, note, userId],
    );
  }
}
