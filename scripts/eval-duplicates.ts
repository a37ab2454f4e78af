// Measures the portfolio's duplicate detector on the hand-written evaluation set
// (src/features/portfolio/evaluation/pairs.ts) and times it on a portfolio of over 1,000 projects.
// Usage: npm run eval:duplicates [-- --threshold 0.4] [-- --no-timing]
import { parseArgs } from 'node:util';
import {
  evaluationFigures,
  rankEvaluationSet,
  type EvaluationFigures,
} from '../src/features/portfolio/evaluation/evaluate.js';
import { evaluationProjects } from '../src/features/portfolio/evaluation/pairs.js';
import { forSimilarity, sampleProjects } from '../src/features/portfolio/sample-data/projects.js';
import {
  SimilarityIndex,
  alertThreshold,
  signalWeights,
  type ProjectForSimilarity,
} from '../src/features/portfolio/similarity.js';

const { values } = parseArgs({
  options: {
    threshold: { type: 'string' },
    'no-timing': { type: 'boolean', default: false },
  },
});
const threshold = values.threshold === undefined ? alertThreshold : Number(values.threshold);
if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
  console.error('--threshold must be a number from 0 to 1');
  process.exit(2);
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
const titleOf = new Map(evaluationProjects.map((project) => [project.id, project.title]));

function summary(figures: EvaluationFigures): string {
  const { byRelation } = figures;
  const found = byRelation['near-duplicate'].alerts;
  return [
    `  candidates ${figures.candidates}, labelled near-duplicate pairs ${figures.labelledPairs} (${figures.directedDuplicates} counting both directions)`,
    `  alerts raised ${figures.alerts}: precision ${percent(figures.precision)}, recall ${percent(figures.recall)} (${found}/${figures.directedDuplicates})`,
    `  near duplicates found:             ${found} of ${byRelation['near-duplicate'].directedPairs}`,
    `  related-but-distinct alerted:      ${byRelation.related.alerts} of ${byRelation.related.directedPairs} related pairs`,
    `  unrelated alerted:                 ${byRelation.unrelated.alerts} of ${byRelation.unrelated.directedPairs} unrelated pairs`,
  ].join('\n');
}

const started = performance.now();
const rankings = rankEvaluationSet();
const rankedIn = performance.now() - started;

console.log('Duplicate detection: evaluation set (hand-written, separate from the sample data)');
console.log(`Weights ${JSON.stringify(signalWeights)}`);
console.log(`Alerts: top 3 suggestions scoring at least ${threshold}\n`);
for (const split of ['all', 'development', 'held-out'] as const) {
  console.log(`${split === 'all' ? 'All groups' : `${split} groups`}:`);
  console.log(summary(evaluationFigures(rankings, { threshold, split })));
  console.log('');
}

console.log('Precision and recall at other thresholds (development / held-out):');
for (let step = 25; step <= 60; step += 5) {
  const at = step / 100;
  const development = evaluationFigures(rankings, { threshold: at, split: 'development' });
  const heldOut = evaluationFigures(rankings, { threshold: at, split: 'held-out' });
  console.log(
    `  ${at.toFixed(2)}  P ${percent(development.precision).padStart(6)} R ${percent(development.recall).padStart(6)}   /   P ${percent(heldOut.precision).padStart(6)} R ${percent(heldOut.recall).padStart(6)}`,
  );
}

const all = evaluationFigures(rankings, { threshold });
console.log(`\nMissed near duplicates (${all.misses.length}):`);
for (const miss of all.misses) {
  console.log(
    `  ${miss.candidate} -> ${miss.duplicate}: ranked ${miss.rank}, score ${miss.score.toFixed(3)}`,
  );
}
console.log(`\nFalse alarms (${all.falseAlarms.length}):`);
for (const alarm of all.falseAlarms) {
  console.log(
    `  ${alarm.candidate} -> ${alarm.suggestion} (${alarm.relation}), score ${alarm.score.toFixed(3)}`,
  );
  console.log(`      ${titleOf.get(alarm.candidate) ?? ''}`);
  console.log(`      ${titleOf.get(alarm.suggestion) ?? ''}`);
  for (const reason of alarm.reasons) console.log(`      - ${reason}`);
}
console.log(
  `\nRanked ${evaluationProjects.length} candidates against each other in ${rankedIn.toFixed(0)} ms.`,
);

if (!values['no-timing']) {
  // Over 1,000 projects: the sample portfolio generated with seven seeds, ids made distinct.
  const large: ProjectForSimilarity[] = [1, 2, 3, 4, 5, 6, 7].flatMap((seed) =>
    sampleProjects(seed).map((project) => ({
      ...forSimilarity(project),
      id: `${seed}-${project.id}`,
    })),
  );
  const queries = evaluationProjects.map((project) => ({ ...project, id: undefined }));
  const [firstQuery] = queries;
  const [, edited] = large;
  if (!firstQuery || !edited) throw new Error('nothing to time');

  const analysisStarted = performance.now();
  const index = new SimilarityIndex(large);
  const analysisMs = performance.now() - analysisStarted;
  const weightsStarted = performance.now();
  index.similarTo(firstQuery, { limit: 5 });
  const weightsMs = performance.now() - weightsStarted;

  for (const query of queries.slice(0, 10)) index.similarTo(query); // warm up
  const times: number[] = [];
  for (const query of queries) {
    const queryStarted = performance.now();
    index.similarTo(query, { limit: 5 });
    times.push(performance.now() - queryStarted);
  }
  times.sort((a, b) => a - b);
  const quantile = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;

  const replaceStarted = performance.now();
  index.replace({ ...edited, title: `${edited.title} (edited)` });
  const replaceMs = performance.now() - replaceStarted;
  const reweightStarted = performance.now();
  index.similarTo(firstQuery, { limit: 5 });
  const reweightMs = performance.now() - reweightStarted;

  console.log(`\nTiming with ${large.length} projects in the index:`);
  console.log(
    `  build: text analysis ${analysisMs.toFixed(0)} ms, then weights on first query ${weightsMs.toFixed(0)} ms`,
  );
  console.log(
    `  one query (new candidate, top 5 with reasons): median ${quantile(0.5).toFixed(2)} ms, 95th percentile ${quantile(0.95).toFixed(2)} ms`,
  );
  console.log(
    `  replace one project: ${replaceMs.toFixed(1)} ms, then the next query re-weights: ${reweightMs.toFixed(0)} ms`,
  );
}
