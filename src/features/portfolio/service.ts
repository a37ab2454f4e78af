// The shared portfolio's rules: who may add and change projects and challenges, stage moves that
// follow the pipeline, similar projects raised before two centres duplicate work (and never again
// once the alliance office has decided the pair), and an audit record for every change.
import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import { type Outcome, type Problem, refuse } from '../../platform/outcome.js';
import type { Role, SignedInUser } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/database.js';
import { type PairDecision, pairDecisions } from './model.js';
import {
  type Challenge,
  type Pipeline,
  PortfolioRepository,
  type Project,
  type ProjectFilter,
  type StageMove,
  type StoredProject,
} from './repository.js';
import type { ChallengeInput, PairDecisionInput, ProjectInput, StageMoveInput } from './schema.js';
import { type ProjectForSimilarity, SimilarityIndex, alertThreshold } from './similarity.js';

export type { Outcome, Problem };

/** Staff who may add and edit projects; the alliance office decides pairs and edits challenges. */
export const portfolioStaff: readonly Role[] = [
  'admin',
  'alliance-office',
  'site-office',
  'investigator',
];
const office: readonly Role[] = ['admin', 'alliance-office'];

export interface SimilarProject {
  project: Pick<Project, 'id' | 'reference' | 'title' | 'lead' | 'healthCategory'>;
  score: number;
  reasons: string[];
}

export interface ProjectStage {
  pipeline: Pipeline;
  current: StageMove | null;
  history: StageMove[];
}

const slugify = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'challenge';

export class PortfolioService {
  readonly repository: PortfolioRepository;
  private index: Promise<{ index: SimilarityIndex; projects: Map<string, Project> }> | undefined;
  private indexBuiltAt = 0;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    readonly now: () => Date = () => new Date(),
  ) {
    this.repository = new PortfolioRepository(database);
  }

  canEditProjects(user: SignedInUser | null): boolean {
    return user !== null && portfolioStaff.includes(user.role);
  }

  isOffice(user: SignedInUser | null): boolean {
    return user !== null && office.includes(user.role);
  }

  today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(this.now());
  }

  // ----- Reading -----

  challenges(): Promise<Challenge[]> {
    return this.repository.challenges();
  }

  async challenge(slug: string): Promise<Challenge | null> {
    return (await this.repository.challenges()).find((c) => c.slug === slug) ?? null;
  }

  pipelines(): Promise<Pipeline[]> {
    return this.repository.pipelines();
  }

  centres() {
    return this.repository.centres();
  }

  /** People of the directory who may be named as investigators. */
  people(): Promise<{ id: string; name: string; organisation: string }[]> {
    return this.repository.directoryPeople();
  }

  projects(filter: ProjectFilter = {}): Promise<Project[]> {
    return this.repository.projects(filter);
  }

  project(idOrReference: string): Promise<Project | null> {
    return this.repository.project(idOrReference);
  }

  /** Each project's pipeline and where it stands, from its dated moves. */
  async stages(projects: readonly Project[]): Promise<Map<string, ProjectStage>> {
    const [pipelines, moves] = await Promise.all([
      this.repository.pipelines(),
      this.repository.stageMoves(projects.map((p) => p.id)),
    ]);
    const byId = new Map(pipelines.map((p) => [p.id, p]));
    const stages = new Map<string, ProjectStage>();
    for (const project of projects) {
      const pipeline = project.pipelineId ? byId.get(project.pipelineId) : undefined;
      if (!pipeline) continue;
      const history = moves.filter((m) => m.projectId === project.id);
      stages.set(project.id, { pipeline, history, current: history[history.length - 1] ?? null });
    }
    return stages;
  }

  // ----- Similar projects -----

  /** Rebuilt after any change here, and at least every minute for changes made elsewhere. */
  private similarityIndex() {
    if (Date.now() - this.indexBuiltAt > 60_000) this.index = undefined;
    this.index ??= (async () => {
      this.indexBuiltAt = Date.now();
      const projects = await this.repository.projects();
      const index = new SimilarityIndex(projects.map(forSimilarity));
      return { index, projects: new Map(projects.map((p) => [p.id, p])) };
    })();
    return this.index;
  }

  private changed() {
    this.index = undefined;
  }

  /**
   * Existing projects most like the candidate (an existing project or one being written), best
   * first, leaving out pairs the alliance office has already decided.
   */
  async similar(
    candidate: ProjectForSimilarity | Omit<ProjectForSimilarity, 'id'>,
    limit = 5,
  ): Promise<SimilarProject[]> {
    const { index, projects } = await this.similarityIndex();
    const id = 'id' in candidate ? candidate.id : undefined;
    const decided = id ? (await this.repository.decidedPairs(id)).map((d) => d.other) : [];
    const excludeIds = new Set([...decided, ...(id ? [id] : [])]);
    return index
      .similarTo(candidate, { limit, excludeIds, minimumScore: alertThreshold })
      .flatMap(({ id: otherId, score, reasons }) => {
        const other = projects.get(otherId);
        return other
          ? [
              {
                project: {
                  id: other.id,
                  reference: other.reference,
                  title: other.title,
                  lead: other.lead,
                  healthCategory: other.healthCategory,
                },
                score,
                reasons,
              },
            ]
          : [];
      });
  }

  async similarToProject(idOrReference: string): Promise<SimilarProject[] | null> {
    const project = await this.repository.project(idOrReference);
    return project ? this.similar(forSimilarity(project)) : null;
  }

  /** A draft as the similarity index sees it, with investigators and challenges named. */
  async draftForSimilarity(input: {
    title: string;
    laySummary: string;
    abstract: string;
    healthCategory: string;
    investigatorIds: string[];
    grandChallenges: string[];
  }): Promise<Omit<ProjectForSimilarity, 'id'>> {
    const challenges = await this.repository.challenges();
    const chosen = challenges.filter(
      (c) => input.grandChallenges.includes(c.id) || input.grandChallenges.includes(c.slug),
    );
    return {
      title: input.title,
      laySummary: input.laySummary,
      abstract: input.abstract,
      healthCategory: input.healthCategory,
      investigators: input.investigatorIds.map((id) => ({ id, name: '' })),
      grandChallenges: chosen.map((c) => ({ id: c.id, title: c.title })),
    };
  }

  // ----- Changes -----

  /** Resolves names to ids and checks every reference exists. */
  private async resolve(input: ProjectInput): Promise<Outcome<StoredProject>> {
    const problems: Problem[] = [];
    const keys = [input.leadOrganisationId, ...input.partnerOrganisationIds];
    const organisations = await this.repository.organisations(keys);
    const find = (key: string) => organisations.find((o) => o.id === key || o.slug === key);
    const lead = find(input.leadOrganisationId);
    if (!lead)
      problems.push({ name: 'leadOrganisationId', reason: 'There is no such organisation' });
    const partnerIds = input.partnerOrganisationIds.flatMap((key, i) => {
      const found = find(key);
      if (!found)
        problems.push({
          name: `partnerOrganisationIds.${i}`,
          reason: 'There is no such organisation',
        });
      return found && found.id !== lead?.id ? [found.id] : [];
    });
    const people = await this.repository.people(input.investigatorIds);
    input.investigatorIds.forEach((id, i) => {
      if (!people.includes(id)) {
        problems.push({
          name: `investigatorIds.${i}`,
          reason: 'There is no such person in the directory',
        });
      }
    });
    const challenges = await this.repository.challenges();
    const challengeIds = input.grandChallenges.flatMap((key, i) => {
      const found = challenges.find((c) => c.id === key || c.slug === key);
      if (!found)
        problems.push({ name: `grandChallenges.${i}`, reason: 'There is no such grand challenge' });
      return found ? [found.id] : [];
    });
    let pipelineId: string | null = null;
    if (input.pipeline) {
      const pipeline = (await this.repository.pipelines()).find(
        (p) => p.id === input.pipeline || p.slug === input.pipeline,
      );
      if (!pipeline) problems.push({ name: 'pipeline', reason: 'There is no such pipeline' });
      pipelineId = pipeline?.id ?? null;
    }
    if (problems.length || !lead) return refuse(422, problems);
    return {
      ok: true,
      value: {
        title: input.title,
        laySummary: input.laySummary,
        abstract: input.abstract,
        healthCategory: input.healthCategory,
        leadOrganisationId: lead.id,
        researchActivityCode: input.researchActivityCode,
        funder: input.funder,
        amountPounds: input.amountPounds,
        startDate: input.startDate,
        endDate: input.endDate,
        pipelineId,
        partnerIds,
        investigatorIds: input.investigatorIds,
        challengeIds,
      },
    };
  }

  async createProject(
    context: AuditContext,
    user: SignedInUser,
    input: ProjectInput,
    options: { isSample?: boolean } = {},
  ): Promise<Outcome<{ id: string; reference: string }>> {
    if (!this.canEditProjects(user)) {
      return refuse(403, [
        { name: 'project', reason: 'Only alliance and partner staff can add projects' },
      ]);
    }
    const resolved = await this.resolve(input);
    if (!resolved.ok) return resolved;
    const created = await this.database.transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, Number(this.today().slice(0, 4)));
      const id = await this.repository.insertProject(tx, {
        ...resolved.value,
        reference,
        isSample: options.isSample ?? false,
        createdBy: user.id,
      });
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'research-project',
        entityId: id,
        after: { reference, ...resolved.value },
      });
      return { id, reference };
    });
    this.changed();
    return { ok: true, value: created };
  }

  async updateProject(
    context: AuditContext,
    user: SignedInUser,
    idOrReference: string,
    input: ProjectInput,
  ): Promise<Outcome<{ id: string }>> {
    const project = await this.repository.project(idOrReference);
    if (!project) return refuse(404, [{ name: 'id', reason: 'There is no such project' }]);
    if (!this.canEditProjects(user)) {
      return refuse(403, [
        { name: 'project', reason: 'Only alliance and partner staff can change projects' },
      ]);
    }
    const resolved = await this.resolve(input);
    if (!resolved.ok) return resolved;
    await this.database.transaction(async (tx) => {
      await this.repository.updateProject(tx, project.id, resolved.value);
      await this.audit.record(tx, context, {
        action: 'update',
        entityType: 'research-project',
        entityId: project.id,
        before: project,
        after: resolved.value,
      });
    });
    this.changed();
    return { ok: true, value: { id: project.id } };
  }

  /**
   * Moves a project along its pipeline: forward only to the next stage (the gate just passed),
   * or back to any earlier stage; each move is dated, not before the last one nor in the future,
   * and carries its evidence.
   */
  async moveStage(
    context: AuditContext,
    user: SignedInUser,
    idOrReference: string,
    input: StageMoveInput,
  ): Promise<Outcome<StageMove>> {
    const project = await this.repository.project(idOrReference);
    if (!project) return refuse(404, [{ name: 'id', reason: 'There is no such project' }]);
    if (!this.canEditProjects(user)) {
      return refuse(403, [
        { name: 'stage', reason: 'Only alliance and partner staff can move projects' },
      ]);
    }
    const stage = (await this.stages([project])).get(project.id);
    if (!stage) {
      return refuse(422, [
        { name: 'stage', reason: 'Choose a pipeline for the project before moving it' },
      ]);
    }
    const { pipeline, current } = stage;
    const target = pipeline.stages.find((s) => s.slug === input.stage);
    const problems: Problem[] = [];
    if (!target) {
      problems.push({
        name: 'stage',
        reason: `"${input.stage.slice(0, 60)}" is not a stage of ${pipeline.name}: use one of ${pipeline.stages.map((s) => s.slug).join(', ')}`,
      });
    } else {
      const from = current ? pipeline.stages.find((s) => s.slug === current.stage) : undefined;
      const position = from?.position ?? 0;
      if (target.position === position)
        problems.push({ name: 'stage', reason: `The project is already at ${target.name}` });
      if (target.position > position + 1) {
        const next = pipeline.stages.find((s) => s.position === position + 1);
        problems.push({
          name: 'stage',
          reason: `A project moves forward one gate at a time: the next stage is ${next?.name ?? 'the first'}`,
        });
      }
    }
    if (input.enteredOn > this.today())
      problems.push({ name: 'enteredOn', reason: 'The date cannot be in the future' });
    if (current && input.enteredOn < current.enteredOn) {
      problems.push({
        name: 'enteredOn',
        reason: `The date cannot be before the last move (${current.enteredOn})`,
      });
    }
    if (problems.length) return refuse(422, problems);
    const move: StageMove = {
      projectId: project.id,
      pipelineId: pipeline.id,
      stage: input.stage,
      enteredOn: input.enteredOn,
      evidence: input.evidence,
      recordedBy: user.displayName,
    };
    await this.database.transaction(async (tx) => {
      await this.repository.insertStageMove(tx, { ...move, userId: user.id });
      await this.audit.record(tx, context, {
        action: 'move',
        entityType: 'research-project',
        entityId: project.id,
        before: { stage: current?.stage ?? null },
        after: { stage: input.stage, enteredOn: input.enteredOn, evidence: input.evidence },
      });
    });
    return { ok: true, value: move };
  }

  async decidePair(
    context: AuditContext,
    user: SignedInUser,
    idOrReference: string,
    input: PairDecisionInput,
  ): Promise<Outcome<{ decision: PairDecision }>> {
    if (!this.isOffice(user)) {
      return refuse(403, [
        { name: 'decision', reason: 'Only the alliance office decides on similar projects' },
      ]);
    }
    const [project, other] = await Promise.all([
      this.repository.project(idOrReference),
      this.repository.project(input.otherProjectId),
    ]);
    if (!project || !other)
      return refuse(404, [{ name: 'otherProjectId', reason: 'There is no such project' }]);
    if (project.id === other.id) {
      return refuse(422, [
        { name: 'otherProjectId', reason: 'A project cannot be paired with itself' },
      ]);
    }
    await this.database.transaction(async (tx) => {
      await this.repository.decide(tx, project.id, other.id, input.decision, input.note, user.id);
      await this.audit.record(tx, context, {
        action: 'decide',
        entityType: 'research-project-pair',
        entityId: `${project.reference}/${other.reference}`,
        after: {
          decision: input.decision,
          label: pairDecisions.find((d) => d.slug === input.decision)?.label,
          note: input.note,
        },
      });
    });
    return { ok: true, value: { decision: input.decision } };
  }

  async saveChallenge(
    context: AuditContext,
    user: SignedInUser,
    slug: string | null,
    input: ChallengeInput,
  ): Promise<Outcome<{ slug: string }>> {
    if (!this.isOffice(user)) {
      return refuse(403, [
        { name: 'challenge', reason: 'Only the alliance office edits grand challenges' },
      ]);
    }
    const organisations = await this.repository.organisations(input.organisations);
    const missing = input.organisations.filter(
      (key) => !organisations.some((o) => o.id === key || o.slug === key),
    );
    if (missing.length) {
      return refuse(422, [
        { name: 'organisations', reason: `No such organisation: ${missing.join(', ')}` },
      ]);
    }
    const existing = slug ? await this.challenge(slug) : null;
    if (slug && !existing)
      return refuse(404, [{ name: 'slug', reason: 'There is no such grand challenge' }]);
    return this.database.transaction(async (tx) => {
      let id = existing?.id ?? '';
      // "new" is the address of the form for a new challenge, so no challenge may take it.
      const fresh = slugify(input.title);
      const finalSlug = existing?.slug ?? (fresh === 'new' ? 'new-challenge' : fresh);
      if (existing) await this.repository.updateChallenge(tx, existing.id, input);
      else {
        id = await this.repository.insertChallenge(tx, finalSlug, input, null);
        if (!id) {
          return refuse<{ slug: string }>(409, [
            { name: 'title', reason: 'A grand challenge with this title already exists' },
          ]);
        }
      }
      await this.repository.setChallengeOrganisations(
        tx,
        id,
        organisations.map((o) => o.id),
      );
      await this.audit.record(tx, context, {
        action: existing ? 'update' : 'create',
        entityType: 'grand-challenge',
        entityId: id,
        before: existing ?? undefined,
        after: input,
      });
      return { ok: true as const, value: { slug: finalSlug } };
    });
  }
}

export function forSimilarity(project: Project): ProjectForSimilarity {
  return {
    id: project.id,
    title: project.title,
    laySummary: project.laySummary,
    abstract: project.abstract,
    healthCategory: project.healthCategory,
    investigators: project.investigators.map((i) => ({ id: i.id, name: i.name })),
    grandChallenges: project.grandChallenges.map((g) => ({ id: g.id, title: g.title })),
  };
}
