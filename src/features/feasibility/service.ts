// Patient feasibility for signed-in users: counts with disclosure control on every number, a log
// of every query with its user, a per-user rate limit, concept look-up, templates and saved
// queries. Counting itself is the engine's; this is the policy around it.
import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import type { SignedInUser } from '../../platform/auth/roles.js';
import type { Database } from '../../platform/db/database.js';
import { type CriteriaNode, type CriteriaProblem, parseCriteria } from './criteria.js';
import { type Namer, attritionSteps, describeCriterion } from './describe.js';
import { type ProtectedCount, protectCount } from './disclosure.js';
import { AGE_BANDS } from './engine/age-bands.js';
import { conceptId, countPlan, plan } from './engine/evaluate.js';
import type { PersonIndex } from './engine/person-index.js';
import type { PopulationEngine, PopulationStatus } from './engine/population-engine.js';
import { VOCABULARY_IDS } from './engine/reference-sql.js';
import { FeasibilityRepository, type SavedQuery } from './repository.js';
import { TEMPLATES } from './templates.js';

export interface FeasibilityCounts {
  population: {
    description: string;
    size: ProtectedCount;
    referenceDate: string;
    synthetic: boolean;
  };
  total: ProtectedCount;
  byCareSite: {
    careSite: { id: string; name: string } | null;
    count: ProtectedCount;
    byAgeBand: ProtectedCount[];
  }[];
  bySex: { sex: 'female' | 'male' | 'other'; count: ProtectedCount }[];
  byAgeBand: { band: string; count: ProtectedCount }[];
  attrition: { step: number; description: string; count: ProtectedCount }[];
  disclosureControl: string;
  durationMs: number;
}

export type CountOutcome =
  | { ok: true; counts: FeasibilityCounts }
  | { ok: false; reason: 'invalid'; problems: CriteriaProblem[] }
  | { ok: false; reason: 'not-ready'; status: PopulationStatus }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

export interface ConceptMatch {
  concept: string;
  name: string;
  domain: string;
  vocabulary: string;
  code: string;
}

export const disclosureRule =
  'Counts from 1 to 7 are suppressed (shown as null) and all other counts are rounded to the nearest 5; 0 is shown as 0.';

/** The code criteria use for a concept: `SNOMED:code` where the vocabulary is one they name. */
const vocabularyPrefixes = new Map(Object.entries(VOCABULARY_IDS).map(([p, id]) => [id, p]));
const criteriaCode = (c: { id: number; vocabulary: string; code: string }) => {
  const prefix = vocabularyPrefixes.get(c.vocabulary);
  return prefix ? `${prefix}:${c.code}` : `OMOP:${c.id}`;
};

/** A fixed one-minute window of queries per user, kept in memory. */
class RateLimit {
  private readonly windows = new Map<string, { started: number; count: number }>();
  constructor(private readonly perMinute: number) {}

  /** Seconds to wait, or 0 when the query may run. */
  take(userId: string, now = Date.now()): number {
    const window = this.windows.get(userId);
    if (!window || now - window.started >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(userId, { started: now, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.started + 60_000 - now) / 1_000) : 0;
  }
}

export class FeasibilityService {
  private readonly repository: FeasibilityRepository;
  private readonly limit: RateLimit;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly engine: PopulationEngine,
    queriesPerMinute: number,
  ) {
    this.repository = new FeasibilityRepository(database);
    this.limit = new RateLimit(queriesPerMinute);
  }

  status(): PopulationStatus {
    return this.engine.current().status;
  }

  /** Names for concepts and care sites, from the current population. */
  namer(): Namer {
    const { index } = this.engine.current();
    return {
      concept: (concept) => {
        const id = index && conceptId(index, concept);
        return id === undefined ? undefined : index?.concepts.get(id)?.name;
      },
      careSite: (id) => index?.careSites.find((site) => site.id === id)?.name,
    };
  }

  careSites(): { id: string; name: string }[] {
    return this.engine.current().index?.careSites ?? [];
  }

  templates() {
    return TEMPLATES;
  }

  /** Checks criteria against the language and the current population, without counting. */
  check(
    input: unknown,
  ): { ok: true; criteria: CriteriaNode } | { ok: false; problems: CriteriaProblem[] } {
    const parsed = parseCriteria(input);
    if (!parsed.ok) return parsed;
    const { index } = this.engine.current();
    if (!index) return parsed;
    const resolved = plan(index, parsed.criteria);
    return resolved.ok ? parsed : resolved;
  }

  async count(user: SignedInUser, input: unknown, via: 'page' | 'api'): Promise<CountOutcome> {
    const parsed = parseCriteria(input);
    if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
    const { index, status } = this.engine.current();
    if (!index) return { ok: false, reason: 'not-ready', status };
    const resolved = plan(index, parsed.criteria);
    if (!resolved.ok) return { ok: false, reason: 'invalid', problems: resolved.problems };
    const retryAfterSeconds = this.limit.take(user.id);
    if (retryAfterSeconds > 0) return { ok: false, reason: 'rate-limited', retryAfterSeconds };

    const started = performance.now();
    const raw = countPlan(index, resolved.plan);
    const durationMs = performance.now() - started;
    const counts = this.disclose(index, parsed.criteria, raw, durationMs);
    await this.repository.logQuery({
      userId: user.id,
      userEmail: user.email,
      via,
      criteria: parsed.criteria,
      populationId: index.manifest.id,
      totalShown: counts.total.value,
      totalSuppressed: counts.total.suppressed,
      durationMs,
    });
    return { ok: true, counts };
  }

  /** Every number through disclosure control; nothing raw leaves this function. */
  private disclose(
    index: PersonIndex,
    criteria: CriteriaNode,
    raw: ReturnType<typeof countPlan>,
    durationMs: number,
  ): FeasibilityCounts {
    const namer = this.namer();
    const sites = [...index.careSites, null];
    return {
      population: {
        description: index.manifest.description,
        size: protectCount(index.size),
        referenceDate: index.manifest.referenceDate,
        synthetic: index.manifest.synthetic,
      },
      total: protectCount(raw.total),
      byCareSite: sites.map((careSite, i) => ({
        careSite,
        count: protectCount(raw.byCareSite[i] ?? 0),
        byAgeBand: (raw.byCareSiteAndAgeBand[i] ?? []).map(protectCount),
      })),
      bySex: (['female', 'male', 'other'] as const).map((sex) => ({
        sex,
        count: protectCount(raw.bySex[sex]),
      })),
      byAgeBand: AGE_BANDS.map((band, i) => ({
        band: band.label,
        count: protectCount(raw.byAgeBand[i] ?? 0),
      })),
      attrition: attritionSteps(criteria).map((step, i) => ({
        step: i + 1,
        description: describeCriterion(step, namer),
        count: protectCount(raw.attrition[i] ?? 0),
      })),
      disclosureControl: disclosureRule,
      durationMs: Math.round(durationMs * 10) / 10,
    };
  }

  /** Concepts of the current population whose name or code matches, best matches first. */
  concepts(query: string, limit = 20): ConceptMatch[] {
    const { index } = this.engine.current();
    const q = query.trim().toLowerCase();
    if (!index || q.length === 0) return [];
    const scored: { score: number; match: ConceptMatch }[] = [];
    for (const concept of index.concepts.values()) {
      const code = criteriaCode(concept);
      const name = concept.name.toLowerCase();
      const score =
        code.toLowerCase() === q || concept.code.toLowerCase() === q
          ? 0
          : name.startsWith(q)
            ? 1
            : name.includes(` ${q}`) || name.includes(`(${q}`)
              ? 2
              : name.includes(q) || concept.code.toLowerCase().startsWith(q)
                ? 3
                : -1;
      if (score < 0) continue;
      scored.push({
        score,
        match: {
          concept: code,
          name: concept.name,
          domain: concept.domain,
          vocabulary: concept.vocabulary,
          code: concept.code,
        },
      });
    }
    return scored
      .sort((a, b) => a.score - b.score || a.match.name.localeCompare(b.match.name))
      .slice(0, limit)
      .map((entry) => entry.match);
  }

  savedQueries(user: SignedInUser): Promise<SavedQuery[]> {
    return this.repository.savedQueries(user.id);
  }

  savedQuery(user: SignedInUser, id: string): Promise<SavedQuery | null> {
    return this.repository.savedQuery(user.id, id);
  }

  recentQueries(user: SignedInUser, limit = 10) {
    return this.repository.recentQueries(user.id, limit);
  }

  async saveQuery(
    context: AuditContext,
    user: SignedInUser,
    name: string,
    criteria: CriteriaNode,
  ): Promise<SavedQuery> {
    return this.database.transaction(async (tx) => {
      const { saved, before } = await this.repository.saveQuery(tx, user.id, name, criteria);
      await this.audit.record(tx, context, {
        action: before ? 'update' : 'create',
        entityType: 'feasibility-saved-query',
        entityId: saved.id,
        before: before ? { name: before.name, criteria: before.criteria } : undefined,
        after: { name: saved.name, criteria: saved.criteria },
      });
      return saved;
    });
  }

  async deleteQuery(context: AuditContext, user: SignedInUser, id: string): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      const deleted = await this.repository.deleteQuery(tx, user.id, id);
      if (!deleted) return false;
      await this.audit.record(tx, context, {
        action: 'delete',
        entityType: 'feasibility-saved-query',
        entityId: deleted.id,
        before: { name: deleted.name, criteria: deleted.criteria },
      });
      return true;
    });
  }
}
