/**
 * Measures the duplicate detector on the hand-written evaluation set: every project in turn is the
 * candidate, compared with all the others; its top 3 suggestions at or above the alert threshold
 * are the alerts it would raise.
 *
 * - precision: alerts that are labelled near duplicates / all alerts raised;
 * - recall: labelled near duplicates that appear among their candidate's alerts / all labelled
 *   pairs, each pair counted once in each direction.
 */
import { SimilarityIndex, alertThreshold, type SimilarProject } from '../similarity.js';
import {
  evaluationProjects,
  nearDuplicatePairs,
  pairRelation,
  type EvaluationProject,
  type EvaluationSplit,
  type PairRelation,
} from './pairs.js';

export interface EvaluationAlert {
  candidate: string;
  suggestion: string;
  score: number;
  relation: PairRelation;
  reasons: string[];
}

export interface EvaluationMiss {
  candidate: string;
  duplicate: string;
  /** Where the duplicate ranked among all suggestions (1 is first), and its score. */
  rank: number;
  score: number;
}

export interface EvaluationFigures {
  split: EvaluationSplit | 'all';
  threshold: number;
  candidates: number;
  labelledPairs: number;
  /** Labelled pairs counted in both directions: the denominator of recall. */
  directedDuplicates: number;
  alerts: number;
  precision: number;
  recall: number;
  /** Per category: alerts raised, and how many directed pairs of that kind exist. */
  byRelation: Record<PairRelation, { alerts: number; directedPairs: number }>;
  misses: EvaluationMiss[];
  falseAlarms: EvaluationAlert[];
}

const topK = 3;

/** Each candidate's full ranking (scores and reasons), computed once and reused for any threshold. */
export function rankEvaluationSet(
  projects: readonly EvaluationProject[] = evaluationProjects,
): Map<string, SimilarProject[]> {
  const index = new SimilarityIndex(projects);
  return new Map(
    projects.map((candidate) => [
      candidate.id,
      index.similarTo(candidate, { limit: projects.length }),
    ]),
  );
}

export function evaluationFigures(
  rankings: ReadonlyMap<string, readonly SimilarProject[]>,
  options: { threshold?: number; split?: EvaluationSplit | 'all' } = {},
  projects: readonly EvaluationProject[] = evaluationProjects,
): EvaluationFigures {
  const threshold = options.threshold ?? alertThreshold;
  const split = options.split ?? 'all';
  const byId = new Map(projects.map((project) => [project.id, project]));
  const candidates = projects.filter((project) => split === 'all' || project.split === split);

  const byRelation: EvaluationFigures['byRelation'] = {
    'near-duplicate': { alerts: 0, directedPairs: 0 },
    related: { alerts: 0, directedPairs: 0 },
    unrelated: { alerts: 0, directedPairs: 0 },
  };
  const misses: EvaluationMiss[] = [];
  const falseAlarms: EvaluationAlert[] = [];
  let alerts = 0;

  for (const candidate of candidates) {
    for (const other of projects) {
      if (other.id !== candidate.id) byRelation[pairRelation(candidate, other)].directedPairs += 1;
    }
    const ranking = rankings.get(candidate.id) ?? [];
    const raised = ranking.slice(0, topK).filter((result) => result.score >= threshold);
    const raisedIds = new Set(raised.map((result) => result.id));
    for (const result of raised) {
      const suggestion = byId.get(result.id);
      if (!suggestion) continue;
      const relation = pairRelation(candidate, suggestion);
      alerts += 1;
      byRelation[relation].alerts += 1;
      if (relation !== 'near-duplicate') {
        falseAlarms.push({
          candidate: candidate.id,
          suggestion: result.id,
          score: result.score,
          relation,
          reasons: result.reasons,
        });
      }
    }
    for (const other of projects) {
      if (other.id === candidate.id || pairRelation(candidate, other) !== 'near-duplicate')
        continue;
      if (raisedIds.has(other.id)) continue;
      const rank = ranking.findIndex((result) => result.id === other.id);
      misses.push({
        candidate: candidate.id,
        duplicate: other.id,
        rank: rank + 1,
        score: ranking[rank]?.score ?? 0,
      });
    }
  }

  const found = byRelation['near-duplicate'].alerts;
  const candidateIds = new Set(candidates.map((project) => project.id));
  return {
    split,
    threshold,
    candidates: candidates.length,
    labelledPairs: nearDuplicatePairs.filter(([a]) => candidateIds.has(a)).length,
    directedDuplicates: byRelation['near-duplicate'].directedPairs,
    alerts,
    precision: alerts === 0 ? 1 : found / alerts,
    recall:
      byRelation['near-duplicate'].directedPairs === 0
        ? 1
        : found / byRelation['near-duplicate'].directedPairs,
    byRelation,
    misses,
    falseAlarms,
  };
}
