import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluationFigures, rankEvaluationSet } from './evaluation/evaluate.js';
import {
  SimilarityIndex,
  alertThreshold,
  signalWeights,
  textAnalysis,
  type ProjectForSimilarity,
} from './similarity.js';

// Small fixtures written for these tests only (not from the evaluation set or the sample data).
const hipProtein: ProjectForSimilarity = {
  id: 'hip-protein',
  title: 'High-protein oral supplements after hip fracture surgery in older adults',
  laySummary:
    'After an operation for a broken hip, many older people eat too little and lose muscle. We will test whether protein drinks help them walk again.',
  abstract:
    'Malnutrition is common after hip fracture surgery and slows recovery of mobility. We will randomise 240 patients aged 70 and over to high-protein oral nutritional supplements twice daily for 12 weeks or usual hospital diet. The primary outcome is gait speed at 12 weeks; secondary outcomes are handgrip strength, return to pre-fracture residence and readmission.',
  healthCategory: 'musculoskeletal',
  investigators: [{ id: 'p-ash', name: 'Dr Ada Ashgrove' }],
  grandChallenges: [{ id: 'sarcopenia', title: 'Sarcopenia' }],
};

const hipRehab: ProjectForSimilarity = {
  id: 'hip-rehab',
  title: 'Home physiotherapy after hip fracture surgery in older adults',
  laySummary:
    'After an operation for a broken hip, older people often struggle to walk. We will test whether extra physiotherapy at home helps.',
  abstract:
    'Recovery of walking after hip fracture is often incomplete. We will randomise 300 patients aged 70 and over discharged home after hip fracture surgery to 10 extra home physiotherapy visits or usual care. The primary outcome is gait speed at 12 weeks; secondary outcomes are falls, fear of falling and readmission.',
  healthCategory: 'musculoskeletal',
  investigators: [{ id: 'p-bel', name: 'Prof Ben Bellmoor' }],
  grandChallenges: [],
};

const asthmaApp: ProjectForSimilarity = {
  id: 'asthma-app',
  title: 'A smartphone app to support inhaler use in children with asthma',
  laySummary: 'Children often forget their preventer inhaler. We will test an app with reminders.',
  abstract:
    'Poor adherence to inhaled corticosteroids drives asthma attacks in children. We will randomise 200 children aged 6 to 12 to an app with reminders and games or usual care, measuring asthma attacks over 12 months.',
  healthCategory: 'respiratory',
  investigators: [{ id: 'p-cra', name: 'Dr Cara Cranmoor' }],
  grandChallenges: [],
};

const kidneyDiet: ProjectForSimilarity = {
  id: 'kidney-diet',
  title: 'A low-salt diet to slow chronic kidney disease',
  laySummary: 'Eating less salt may protect the kidneys. We will test a dietitian-led programme.',
  abstract:
    'Dietary sodium raises blood pressure and proteinuria in chronic kidney disease. We will randomise 180 adults with CKD stage 3 to a dietitian-led low-salt programme or usual advice and measure the decline in eGFR over two years.',
  healthCategory: 'renal-urogenital',
  investigators: [{ id: 'p-dun', name: 'Dr Dev Dunmere' }],
  grandChallenges: [],
};

/** The hip-protein project, rewritten by another centre in other words. */
const hipProteinParaphrase = {
  title: 'Nutritional drinks rich in protein for people over 70 recovering from a broken hip',
  laySummary:
    'Older people who have had surgery for a fractured hip often have a poor appetite and become weak. We want to see whether extra protein helps them get back on their feet.',
  abstract:
    'Undernutrition frequently follows surgical repair of a fractured neck of femur and delays the return of walking ability. Around 250 people over 70 will be allocated at random to protein-enriched sip feeds two times a day for three months or to standard ward food. Walking speed at three months is the main outcome, with grip strength, going back to their previous home and hospital readmission also measured.',
  healthCategory: 'musculoskeletal',
  investigators: [{ id: 'p-eve', name: 'Dr Eve Elderbrook' }],
  grandChallenges: [{ id: 'sarcopenia', title: 'Sarcopenia' }],
};

const corpus = [hipProtein, hipRehab, asthmaApp, kidneyDiet];

test('a paraphrased near duplicate ranks first, above a project on the same people and outcome', () => {
  const [first, second] = new SimilarityIndex(corpus).similarTo(hipProteinParaphrase);
  assert.ok(first && second);
  assert.equal(first.id, 'hip-protein');
  assert.ok(first.score >= alertThreshold, `score ${first.score}`);
  assert.equal(second.id, 'hip-rehab');
  assert.ok(second.score < first.score);
});

test('scores are in [0, 1], best first, and unrelated projects score low', () => {
  const results = new SimilarityIndex(corpus).similarTo(hipProteinParaphrase, { limit: 10 });
  for (const result of results) assert.ok(result.score >= 0 && result.score <= 1);
  for (let index = 1; index < results.length; index += 1) {
    assert.ok((results[index - 1]?.score ?? 0) >= (results[index]?.score ?? 0));
  }
  const asthma = results.find((result) => result.id === 'asthma-app');
  assert.ok(!asthma || asthma.score < 0.15, `asthma scored ${asthma?.score}`);
});

test('reasons name the shared wording, the paraphrased ideas and the shared structure', () => {
  const candidate = {
    ...hipProteinParaphrase,
    investigators: [
      ...hipProteinParaphrase.investigators,
      { id: 'p-ash', name: 'Dr Ada Ashgrove' },
    ],
  };
  const [top] = new SimilarityIndex(corpus).similarTo(candidate, { limit: 1 });
  assert.ok(top);
  assert.equal(top.id, 'hip-protein');
  const { reasons } = top;
  const wording = reasons.find((reason) => reason.startsWith('Similar wording:'));
  assert.ok(wording?.includes("'protein"), wording);
  const ideas = reasons.find((reason) => reason.startsWith('Same ideas in different words:'));
  assert.ok(ideas, reasons.join('\n'));
  assert.match(ideas, /'sip feeds' and 'supplements' \(nutritional supplements\)/);
  assert.match(ideas, /'poor appetite' and 'malnutrition' \(malnutrition\)/);
  assert.ok(reasons.includes('Same health category: Musculoskeletal'));
  assert.ok(reasons.includes('Shared investigator: Dr Ada Ashgrove'));
  assert.ok(reasons.includes('Both serve the grand challenge Sarcopenia'));
});

test('health category, shared investigators and grand challenges each add to the score', () => {
  const twin = (id: string, overrides: Partial<ProjectForSimilarity>): ProjectForSimilarity => ({
    ...kidneyDiet,
    id,
    investigators: [{ id: `${id}-lead`, name: `Dr ${id}` }],
    grandChallenges: [],
    healthCategory: 'generic-health-relevance',
    ...overrides,
  });
  const index = new SimilarityIndex([
    twin('plain', {}),
    twin('same-category', { healthCategory: 'renal-urogenital' }),
    twin('same-investigator', { investigators: [{ id: 'p-dun', name: 'Dr Dev Dunmere' }] }),
    twin('same-challenge', {
      grandChallenges: [{ id: 'multimorbidity', title: 'Multimorbidity' }],
    }),
  ]);
  const candidate = {
    ...kidneyDiet,
    grandChallenges: [{ id: 'multimorbidity', title: 'Multimorbidity' }],
  };
  const scores = new Map(
    index.similarTo(candidate, { limit: 10 }).map((result) => [result.id, result.score]),
  );
  const plain = scores.get('plain') ?? 0;
  const near = (value: number, expected: number) => Math.abs(value - expected) < 1e-9;
  assert.ok(near((scores.get('same-category') ?? 0) - plain, signalWeights.healthCategory));
  assert.ok(near((scores.get('same-investigator') ?? 0) - plain, signalWeights.investigators / 2));
  assert.ok(near((scores.get('same-challenge') ?? 0) - plain, signalWeights.grandChallenges));
});

test('structured signals alone never reach the alert threshold', () => {
  const index = new SimilarityIndex([hipProtein]);
  const [result] = index.similarTo({
    ...asthmaApp,
    healthCategory: hipProtein.healthCategory,
    investigators: hipProtein.investigators,
    grandChallenges: hipProtein.grandChallenges,
  });
  assert.ok((result?.score ?? 0) < alertThreshold, `score ${result?.score}`);
  assert.equal(
    signalWeights.healthCategory + signalWeights.investigators + signalWeights.grandChallenges <
      alertThreshold,
    true,
  );
});

test('excluded ids, and the candidate itself, are never returned', () => {
  const index = new SimilarityIndex(corpus);
  const excluded = index.similarTo(hipProteinParaphrase, {
    limit: 10,
    excludeIds: new Set(['hip-protein']),
  });
  assert.ok(!excluded.some((result) => result.id === 'hip-protein'));
  assert.equal(excluded[0]?.id, 'hip-rehab');
  const self = index.similarTo(hipProtein, { limit: 10 });
  assert.ok(!self.some((result) => result.id === 'hip-protein'));
});

test('limit and minimumScore cut the results', () => {
  const index = new SimilarityIndex(corpus);
  assert.equal(index.similarTo(hipProteinParaphrase, { limit: 1 }).length, 1);
  assert.deepEqual(index.similarTo(hipProteinParaphrase, { limit: 0 }), []);
  const alerts = index.similarTo(hipProteinParaphrase, { minimumScore: alertThreshold });
  assert.deepEqual(
    alerts.map((result) => result.id),
    ['hip-protein'],
  );
});

test('an empty index returns no suggestions', () => {
  assert.deepEqual(new SimilarityIndex([]).similarTo(hipProteinParaphrase), []);
  assert.deepEqual(new SimilarityIndex().similarTo(hipProteinParaphrase), []);
});

test('add, replace and remove keep the index current', () => {
  const index = new SimilarityIndex([asthmaApp, kidneyDiet]);
  assert.notEqual(index.similarTo(hipProteinParaphrase)[0]?.id, 'hip-protein');
  index.add(hipProtein);
  assert.equal(index.size, 3);
  assert.equal(index.similarTo(hipProteinParaphrase)[0]?.id, 'hip-protein');
  index.replace({ ...hipProtein, ...asthmaApp, id: 'hip-protein' });
  assert.notEqual(index.similarTo(hipProteinParaphrase)[0]?.id, 'hip-protein');
  assert.equal(index.remove('hip-protein'), true);
  assert.equal(index.remove('hip-protein'), false);
  assert.equal(index.has('hip-protein'), false);
  assert.ok(!index.similarTo(hipProteinParaphrase).some((result) => result.id === 'hip-protein'));
});

test('British and American spellings and word forms meet', () => {
  const { stemOf } = textAnalysis;
  assert.equal(stemOf('randomised'), stemOf('randomized'));
  assert.equal(stemOf('anaemia'), stemOf('anemia'));
  assert.equal(stemOf('behavioural'), stemOf('behavioral'));
  assert.equal(stemOf('exercises'), stemOf('exercise'));
});

test('the thesaurus maps age phrases and synonyms to one concept', () => {
  const concepts = (text: string) => [
    ...textAnalysis.analyseText([{ text, weight: 1 }]).concepts.keys(),
  ];
  for (const phrase of [
    'people over 65',
    'adults aged 70 and over',
    'the over-65s',
    'older adults',
  ]) {
    assert.ok(concepts(phrase).includes('c:older-people'), phrase);
  }
  assert.ok(!concepts('over 80% of practices').includes('c:older-people'));
  assert.ok(concepts('lifting weights').includes('c:resistance-training'));
  assert.ok(!concepts('body weight').includes('c:resistance-training'));
});

test('a query over 1,000 projects takes a few milliseconds', () => {
  const projects: ProjectForSimilarity[] = Array.from({ length: 1000 }, (_, index) => ({
    ...corpus[index % corpus.length],
    id: `p${index}`,
    title: `${corpus[index % corpus.length]?.title ?? ''} ${index}`,
  })) as ProjectForSimilarity[];
  const index = new SimilarityIndex(projects);
  index.similarTo(hipProteinParaphrase);
  const started = performance.now();
  for (let round = 0; round < 20; round += 1) index.similarTo(hipProteinParaphrase);
  const perQuery = (performance.now() - started) / 20;
  // Measured at about 1 ms; the bound is loose so a slow test machine does not fail it.
  assert.ok(perQuery < 50, `${perQuery.toFixed(1)} ms per query`);
});

test('the evaluation set: development groups meet precision and recall of 0.8 at the top 3', () => {
  const rankings = rankEvaluationSet();
  const development = evaluationFigures(rankings, { split: 'development' });
  assert.ok(development.precision >= 0.8, `precision ${development.precision}`);
  assert.ok(development.recall >= 0.8, `recall ${development.recall}`);
  // Held-out groups were never tuned on. Their precision is below the 0.8 target (see
  // docs/duplicates.md); these floors are the measured figures, so that a regression shows.
  const heldOut = evaluationFigures(rankings, { split: 'held-out' });
  assert.ok(heldOut.recall >= 0.9, `held-out recall ${heldOut.recall}`);
  assert.ok(heldOut.precision >= 0.5, `held-out precision ${heldOut.precision}`);
  const all = evaluationFigures(rankings);
  assert.ok(all.recall >= 0.9, `recall ${all.recall}`);
  assert.ok(all.precision >= 0.6, `precision ${all.precision}`);
  assert.equal(all.byRelation.unrelated.alerts, 0);
  // As a ranked list (no threshold), every near duplicate is in its candidate's top 3.
  assert.equal(evaluationFigures(rankings, { threshold: 0 }).recall, 1);
});
